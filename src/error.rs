//! The one error type of the core. The JavaScript binding turns each variant
//! into a JS `Error` whose message is this type's `Display`, so messages are
//! written for the developer who will read them in a console.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is longer than `Options::max_input_bytes`.
    InputTooLarge { bytes: usize, max: usize },
    /// An option has a value the analyzer cannot use.
    InvalidOption(String),
    /// A user dictionary line could not be read.
    Dictionary(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, max } => write!(
                f,
                "zhlens: input is {bytes} bytes of UTF-8, over the limit of {max} bytes \
                 (raise options.maxInputBytes to analyze it)"
            ),
            Error::InvalidOption(msg) => write!(f, "zhlens: invalid option: {msg}"),
            Error::Dictionary(msg) => write!(f, "zhlens: dictionary: {msg}"),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
