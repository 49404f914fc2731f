//! Byte offsets → UTF-16 code unit offsets, done once at the boundary.
//!
//! Inside the core every offset is a byte offset into a Rust `str`; the
//! contract (SPEC.md) reports UTF-16 code units, the unit of JavaScript
//! strings. The count of units before every `STRIDE`th byte makes each
//! conversion a short count instead of one from the start, without a table
//! as large as the text; counting needs no decoding: every byte that starts
//! a character is one unit, and one that starts a 4-byte character (outside
//! the BMP) one more.

const STRIDE: usize = 64;

pub struct Utf16Index<'a> {
    text: &'a str,
    /// UTF-16 units before byte `k * STRIDE`, for every `k` up to the end.
    checkpoints: Vec<usize>,
}

/// UTF-16 units of the characters that start in `bytes` (UTF-8): eight
/// bytes at a time, as one 64-bit word (wasm has no vectors here; a byte
/// at a time, this count was 3% of an analysis).
fn units(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        // A byte's top bit and (shifted up into its place) the next ones:
        // 10xxxxxx continues a character, 1111xxxx starts one outside the BMP.
        let continuation = x & !(x << 1) & HIGH;
        let astral = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        n += 8 - continuation.count_ones() as usize + astral.count_ones() as usize;
    }
    n + words.remainder().iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum::<usize>()
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut total = 0;
        checkpoints.push(0);
        for chunk in text.as_bytes().chunks(STRIDE) {
            total += units(chunk);
            checkpoints.push(total);
        }
        Utf16Index { text, checkpoints }
    }

    /// The UTF-16 offset of a byte offset, which must lie on a char boundary
    /// (offsets past the end are clamped to the end).
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = byte / STRIDE;
        self.checkpoints[k] + units(&self.text.as_bytes()[k * STRIDE..byte])
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
