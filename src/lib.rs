//! zhlens reads Chinese news text and finds its articles, organizations,
//! people, places, figures, dates and themes, entirely on the caller's
//! machine. This crate is the pure-Rust core (no JavaScript types); the
//! `wasm` module is the thin binding the npm package is built from, and
//! `src/bin/zhlens.rs` the command-line tool.
//!
//! ```
//! let analyzer = zhlens::Analyzer::new(zhlens::Options::default()).unwrap();
//! let analysis = analyzer.analyze("□本报记者 孙艳\n\n近日，记者获悉。").unwrap();
//! assert_eq!(analysis.articles[0].authors, ["孙艳"]);
//! ```
//!
//! The passes run in this order over the repaired text, each in its own
//! module: repair → articles → segment → (recognizers) → analysis.

pub mod analysis;
pub mod articles;
pub mod entities;
pub mod error;
pub mod figures;
pub mod keywords;
mod offsets;
pub mod repair;
pub mod segment;
pub mod themes;
/// The JavaScript binding (wasm32 only); public so wasm tests can call it.
#[cfg(target_arch = "wasm32")]
#[path = "wasm.rs"]
pub mod wasm_api;

use serde::{Deserialize, Serialize};

pub use analysis::{Analysis, Article, Detail, Entity, Organization};
pub use error::{Error, Result};

use analysis::SpanMap;
use articles::Splitter;
use entities::{EntityFinder, Segmented};
use figures::FigureFinder;
use keywords::Keywords;
use segment::Segmenter;
use themes::{ArticleSpan, Taxonomy};

/// Settings of an [`Analyzer`]; every field has a default. In JavaScript the
/// same object with camelCase keys (`{ maxInputBytes: 1e6 }`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Inputs longer than this many bytes of UTF-8 are refused with
    /// [`Error::InputTooLarge`] instead of exhausting memory.
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_input_bytes: 32 * 1024 * 1024 }
    }
}

/// A word of the segmentation: UTF-16 span in the input, the word as
/// segmented (repaired), and its part-of-speech tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    pub text: String,
    pub word: String,
    pub start: usize,
    pub end: usize,
    pub tag: String,
}

/// Holds the loaded dictionaries and lexicons; build one and reuse it.
pub struct Analyzer {
    options: Options,
    segmenter: Segmenter,
    splitter: Splitter,
    figures: FigureFinder,
    entities: EntityFinder,
    taxonomy: Taxonomy,
    keywords: Keywords,
}

impl Analyzer {
    pub fn new(options: Options) -> Result<Self> {
        if options.max_input_bytes == 0 {
            return Err(Error::InvalidOption("maxInputBytes must be at least 1".into()));
        }
        Ok(Analyzer {
            options,
            segmenter: Segmenter::new()?,
            splitter: Splitter::new(),
            figures: FigureFinder::new(),
            entities: EntityFinder::new(),
            taxonomy: Taxonomy::builtin(),
            keywords: Keywords::new(),
        })
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    fn check(&self, text: &str) -> Result<()> {
        if text.len() > self.options.max_input_bytes {
            return Err(Error::InputTooLarge { bytes: text.len(), max: self.options.max_input_bytes });
        }
        Ok(())
    }

    /// The analysis of `text` (SPEC.md); offsets are UTF-16 units into `text`.
    pub fn analyze(&self, text: &str) -> Result<Analysis> {
        self.check(text)?;
        let repaired = repair::repair(text);
        let map = SpanMap::new(text, &repaired);
        let articles = self.splitter.split(&repaired.text, &repaired.soft_breaks);
        let words = self.segmenter.tag(&repaired.text);
        let seg = Segmented::new(&repaired.text, &words);
        let mut found = self.figures.find(&seg);
        found.extend(self.entities.find(&seg));
        let mut people: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| matches!(f.detail, Detail::Person { .. }))
            .map(|f| (f.start, f.end))
            .chain(articles.iter().flat_map(|a| a.authors.iter().map(|x| (x.start, x.end))))
            .collect();
        people.sort_unstable();
        let topics = articles
            .iter()
            .map(|a| {
                let span = ArticleSpan { start: a.start, end: a.end, title_end: a.title_end };
                let (themes, spans) = self.taxonomy.score(&seg, &span);
                found.extend(spans);
                analysis::ArticleTopics {
                    themes,
                    keywords: self.keywords.extract(&seg, &self.segmenter, &span, &people),
                }
            })
            .collect();
        Ok(analysis::assemble(&map, &articles, found, topics))
    }

    /// The segmentation of `text` (after repair), without whitespace tokens.
    pub fn tokens(&self, text: &str) -> Result<Vec<Token>> {
        self.check(text)?;
        let repaired = repair::repair(text);
        let map = SpanMap::new(text, &repaired);
        Ok(self
            .segmenter
            .tag(&repaired.text)
            .into_iter()
            .filter(|w| !repaired.text[w.start..w.end].trim().is_empty())
            .map(|w| {
                let (start, end, original) = map.utf16(w.start, w.end);
                Token {
                    text: original.to_string(),
                    word: repaired.text[w.start..w.end].to_string(),
                    start,
                    end,
                    tag: w.tag.to_string(),
                }
            })
            .collect())
    }
}
