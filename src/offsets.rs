//! Byte offsets → UTF-16 code unit offsets, done once at the boundary.
//!
//! Inside the core every offset is a byte offset into a Rust `str`; the
//! contract (SPEC.md) reports UTF-16 code units, the unit of JavaScript
//! strings. A checkpoint every `STRIDE` bytes makes each conversion a short
//! scan instead of one from the start, without a table as large as the text.

const STRIDE: usize = 64;

pub struct Utf16Index<'a> {
    text: &'a str,
    /// `(byte, utf16)` at the first char boundary at or after each multiple of `STRIDE`.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut units = 0;
        let mut next = 0;
        for (byte, ch) in text.char_indices() {
            if byte >= next {
                checkpoints.push((byte, units));
                next = byte - byte % STRIDE + STRIDE;
            }
            units += ch.len_utf16();
        }
        Utf16Index { text, checkpoints }
    }

    /// The UTF-16 offset of a byte offset, which must lie on a char boundary
    /// (offsets past the end are clamped to the end).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let (mut b, mut units) = if i == 0 { (0, 0) } else { self.checkpoints[i - 1] };
        for ch in self.text[b..].chars() {
            if b >= byte {
                break;
            }
            b += ch.len_utf8();
            units += ch.len_utf16();
        }
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn matches_a_plain_count_at_every_boundary() {
        let text = "北京😀a𠀾b\u{FFFD}".repeat(90);
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.utf16(byte), naive(&text, byte), "at byte {byte}");
        }
    }

    #[test]
    fn astral_characters_count_two_units() {
        let text = "𠀾x";
        let index = Utf16Index::new(text);
        assert_eq!(index.utf16(4), 2);
        assert_eq!(index.utf16(5), 3);
    }

    #[test]
    fn empty_text() {
        assert_eq!(Utf16Index::new("").utf16(0), 0);
    }
}
