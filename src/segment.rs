//! Word segmentation and part-of-speech tags: the only module that names
//! `jieba_rs`, so the segmenter can be swapped or its dictionary replaced
//! without touching the recognizers.

use std::cell::RefCell;

use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::{Error, Result};

/// jieba's dictionary (MIT, see data/jieba/LICENSE): `word freq tag` lines,
/// sorted bytewise (build.rs checks it, and writes `DICT_TOTAL` and
/// `DICT_TAGS`), so the words of one first character are one block.
const DICT: &str = include_str!("../data/jieba/dict.txt");
include!(concat!(env!("OUT_DIR"), "/dict_index.rs"));

/// A word jieba holds in place of the blocks not loaded yet, with their
/// frequency, so its total (which every word's probability divides by) is
/// the whole dictionary's from the start. NUL never reaches the segmenter:
/// repair removes control characters.
const PLACEHOLDER: &str = "\0\0";

/// A word of the segmented text: byte offsets into the text segmented, and
/// jieba's part-of-speech tag (`ns` place, `nr` person, `nt` organization …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub tag: &'a str,
}

/// jieba with its dictionary loaded lazily: building its trie is nearly all
/// the start-up time (≈60 ms natively for 268k words), and a text can only
/// ever match the words that begin with one of its own pairs of adjacent
/// characters. So those words (and the one-character words of its
/// characters) are added the first time the pair is seen; the results are
/// those of the whole dictionary. A character seen in `PAIRS_PER_BLOCK`
/// different pairs has its whole block loaded at once, which bounds what
/// is remembered about pairs.
pub struct Segmenter {
    jieba: RefCell<Jieba>,
    /// What is not loaded yet; `None` once a user dictionary replaced the
    /// built-in one (loaded whole).
    lazy: RefCell<Option<Lazy>>,
    /// Every tag words carry: `DICT_TAGS`, and tags given with user words,
    /// leaked once each, so words can carry `&'static str` tags out of the
    /// `RefCell`.
    tags: RefCell<FxHashSet<&'static str>>,
    /// Frequencies already estimated (`frequency` segments the word to
    /// estimate it: 5% of an analysis), cleared when it holds
    /// [`FREQUENCY_CACHE_WORDS`]. Valid for the segmenter's life: a word's
    /// estimate reads only words inside it, all loaded before it is made.
    frequencies: RefCell<FxHashMap<Box<str>, usize>>,
    /// Sum of the dictionary's word frequencies, for inverse document frequencies.
    total: usize,
}

struct Lazy {
    /// Where each character's block of words is.
    index: BlockIndex,
    /// One bit per code point: its block is loaded whole, or it has none.
    whole: Vec<u64>,
    /// One bit per code point: its block was looked up (and its
    /// one-character word loaded).
    seen: Vec<u64>,
    /// Characters seen whose block is not loaded whole.
    blocks: FxHashMap<char, Block>,
    /// Pairs of characters whose words are loaded (or have none).
    pairs: FxHashSet<(char, char)>,
    /// The frequency of the words not loaded yet.
    remaining: usize,
}

/// The words of two characters or more that begin with one character.
struct Block {
    /// The byte range of their lines in `DICT` (sorted, so by second character).
    start: u32,
    end: u32,
    /// How many of its pairs were loaded.
    pairs_loaded: usize,
}

/// The most word frequencies a segmenter remembers.
const FREQUENCY_CACHE_WORDS: usize = 1 << 14;

/// A character seen in this many different pairs has its block loaded whole.
const PAIRS_PER_BLOCK: usize = 32;

impl Lazy {
    fn new() -> Self {
        Lazy {
            index: BlockIndex::new(),
            whole: vec![0; 0x11_0000 / 64],
            seen: vec![0; 0x11_0000 / 64],
            blocks: FxHashMap::default(),
            pairs: FxHashSet::default(),
            remaining: DICT_TOTAL as usize,
        }
    }

    /// Adds to `jieba` every word `text` could match; returns whether any was added.
    fn load_for(&mut self, jieba: &mut Jieba, text: &str) -> bool {
        let mut added = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if bit(&self.whole, c as usize) {
                continue;
            }
            if !bit(&self.seen, c as usize) {
                set_bit(&mut self.seen, c as usize);
                added |= self.look_up_block(jieba, c);
                if bit(&self.whole, c as usize) {
                    continue;
                }
            }
            let Some(&next) = chars.peek() else { break };
            if self.pairs.contains(&(c, next)) {
                continue;
            }
            added |= self.load_pair(jieba, c, next);
        }
        added
    }

    /// Loads the words that begin with `c` `next`, or the rest of `c`'s
    /// block once enough of its pairs have been seen.
    #[inline(never)] // out of `load_for`'s loop over characters: see the crate's docs on hot loops
    fn load_pair(&mut self, jieba: &mut Jieba, c: char, next: char) -> bool {
        let block = self.blocks.get_mut(&c).expect("a character seen has its block");
        block.pairs_loaded += 1;
        if block.pairs_loaded >= PAIRS_PER_BLOCK {
            self.load_block(jieba, c)
        } else {
            self.pairs.insert((c, next));
            let mut key = [0; 8];
            let (start, end) =
                lines_starting_with(pair_key(c, next, &mut key), block.start as usize, block.end as usize);
            self.add_lines(jieba, start, end)
        }
    }

    /// Finds `c`'s block (in the index build.rs wrote: its lines are not
    /// read until their pairs are seen) and loads its one-character word.
    #[inline(never)] // out of `load_for`'s loop over characters
    fn look_up_block(&mut self, jieba: &mut Jieba, c: char) -> bool {
        let (start, end) = self.index.block_of(c);
        // The one-character word's line sorts first: the space after it
        // sorts before any character.
        let single_end = match memchr::memchr(b'\n', &DICT.as_bytes()[start..end]) {
            Some(i) if DICT.as_bytes().get(start + c.len_utf8()) == Some(&b' ') => start + i + 1,
            _ => start,
        };
        let added = self.add_lines(jieba, start, single_end);
        if single_end == end {
            set_bit(&mut self.whole, c as usize);
        } else {
            self.blocks.insert(c, Block { start: single_end as u32, end: end as u32, pairs_loaded: 0 });
        }
        added
    }

    /// Loads the rest of `c`'s block: the pairs not loaded yet.
    fn load_block(&mut self, jieba: &mut Jieba, c: char) -> bool {
        let Some(block) = self.blocks.remove(&c) else { return false };
        let mut added = false;
        let (mut at, end) = (block.start as usize, block.end as usize);
        // A run of lines a pair at a time. The block holds no line of `c`
        // alone, so the line at `at` starts with the pair it names and the
        // run ends past it.
        while at < end {
            let second = DICT[at + c.len_utf8()..].chars().next().unwrap_or(' ');
            let mut key = [0; 8];
            let run_end = lines_from(pair_key(c, second, &mut key), at, end);
            if !self.pairs.contains(&(c, second)) {
                added |= self.add_lines(jieba, at, run_end);
            }
            at = run_end;
        }
        set_bit(&mut self.whole, c as usize);
        added
    }

    /// Adds the words of `DICT[start..end]` (whole lines).
    fn add_lines(&mut self, jieba: &mut Jieba, start: usize, end: usize) -> bool {
        // Read by bytes: build.rs checks that every line is `word freq tag`,
        // one space apart (splitting on whitespace was a sixth of a page's
        // first segmentation).
        let mut at = start;
        while at < end {
            let line = &DICT.as_bytes()[at..end];
            let line = &line[..memchr::memchr(b'\n', line).unwrap_or(line.len())];
            let word_end = memchr::memchr(b' ', line).unwrap_or(line.len());
            let freq_end = word_end + 1 + memchr::memchr(b' ', &line[word_end + 1..]).unwrap_or(0);
            let freq = line[word_end + 1..freq_end].iter().fold(0, |f, d| f * 10 + usize::from(d - b'0'));
            jieba.add_word(&DICT[at..at + word_end], Some(freq), Some(&DICT[at + freq_end + 1..at + line.len()]));
            self.remaining -= freq;
            at += line.len() + 1;
        }
        start < end
    }
}

/// Bit `i` of a bitset (false past its end).
pub(crate) fn bit(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64).is_some_and(|b| b & (1 << (i % 64)) != 0)
}

/// Sets bit `i`, which must lie inside the bitset.
pub(crate) fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

impl Segmenter {
    /// The segmenter with jieba's dictionary.
    pub fn new() -> Result<Self> {
        let mut jieba = Jieba::empty();
        jieba.add_word(PLACEHOLDER, Some(DICT_TOTAL as usize), Some("x"));
        Ok(Self::from_parts(jieba, Some(Lazy::new()), DICT_TOTAL as usize))
    }

    fn from_parts(jieba: Jieba, lazy: Option<Lazy>, total: usize) -> Self {
        Segmenter {
            jieba: RefCell::new(jieba),
            lazy: RefCell::new(lazy),
            tags: RefCell::new(DICT_TAGS.iter().copied().collect()),
            frequencies: RefCell::new(FxHashMap::default()),
            total,
        }
    }

    /// The segmenter with another dictionary in jieba's format (`word freq
    /// tag` lines; frequency and tag optional), in place of the built-in one.
    /// The recognizers read its tags (`ns`, `nr`, `nt` …), so a replacement
    /// should be a whole general dictionary, not a list of terms.
    pub fn with_dictionary(text: &str) -> Result<Self> {
        let jieba = Jieba::with_dict(&mut text.as_bytes()).map_err(|e| Error::Dictionary(e.to_string()))?;
        let mut segmenter = Self::from_parts(jieba, None, 0);
        segmenter.total = segmenter.read_entries(text);
        Ok(segmenter)
    }

    /// Loads the words `text` could match that are not loaded yet.
    fn load_for(&self, text: &str) {
        let mut lazy = self.lazy.borrow_mut();
        let Some(lazy) = lazy.as_mut() else { return };
        let mut jieba = self.jieba.borrow_mut();
        if lazy.load_for(&mut jieba, text) {
            jieba.add_word(PLACEHOLDER, Some(lazy.remaining), Some("x"));
        }
    }

    /// `tag` as a `&'static str`: one of the dictionary's, or a user's.
    fn static_tag(&self, tag: &str) -> &'static str {
        if let Some(t) = self.tags.borrow().get(tag) {
            return t;
        }
        let leaked: &'static str = Box::leak(tag.to_string().into_boxed_str());
        self.tags.borrow_mut().insert(leaked);
        leaked
    }

    /// Adds the entries of a dictionary in jieba's format; a word already
    /// known takes the new frequency (and keeps its tag).
    pub fn load_dictionary(&mut self, text: &str) -> Result<()> {
        // Built-in entries first, so the user's frequencies win.
        self.load_for(text);
        self.jieba.get_mut().load_dict(&mut text.as_bytes()).map_err(|e| Error::Dictionary(e.to_string()))?;
        self.total += self.read_entries(text);
        self.frequencies.get_mut().clear();
        Ok(())
    }

    /// For a user dictionary jieba has loaded: registers its tags and
    /// returns the sum of its frequencies.
    fn read_entries(&self, text: &str) -> usize {
        let mut total = 0;
        for line in text.lines() {
            let mut fields = line.split_whitespace().skip(1);
            total += fields.next().and_then(|f| f.parse::<usize>().ok()).unwrap_or(0);
            if let Some(tag) = fields.next() {
                self.static_tag(tag);
            }
        }
        total
    }

    /// Adds a word, or changes one (frequency: how strongly it is preferred;
    /// `None` lets jieba pick one that keeps the word whole).
    pub fn add_word(&mut self, word: &str, freq: Option<usize>, tag: Option<&str>) {
        self.load_for(word);
        if let Some(tag) = tag {
            self.static_tag(tag);
        }
        self.jieba.get_mut().add_word(word, freq, tag);
        self.frequencies.get_mut().clear();
    }

    /// Whether the dictionary knows `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.load_for(word);
        self.jieba.borrow().has_word(word)
    }

    /// How often the dictionary says `word` occurs (an estimate from its
    /// parts for words it does not know).
    pub fn frequency(&self, word: &str) -> usize {
        if let Some(&freq) = self.frequencies.borrow().get(word) {
            return freq;
        }
        self.load_for(word);
        let freq = self.jieba.borrow().suggest_freq(word);
        let mut cache = self.frequencies.borrow_mut();
        if cache.len() >= FREQUENCY_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(word.into(), freq);
        freq
    }

    /// The sum of all the dictionary's frequencies.
    pub fn total_frequency(&self) -> usize {
        self.total
    }

    /// Segments `text` into tagged words (with HMM for words not in the dictionary).
    ///
    /// jieba returns every word of its input in one vector of 32-byte
    /// records on top of ours; on a 10 MB page that vector alone was ten
    /// times the input. So the text goes to jieba in chunks of at most
    /// `CHUNK_BYTES`, cut after punctuation jieba never joins to a word,
    /// which leaves the segmentation as it would be in one piece.
    pub fn tag<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.load_for(text);
        let jieba = self.jieba.borrow();
        // News runs about 1.7 characters a word: reserving for two words in
        // three characters spares most texts the copies (and, in wasm, the
        // memory never given back) of growing a vector of millions of words
        // by doubling.
        let mut words: Vec<Word> = Vec::with_capacity(text.chars().count() / 3 * 2);
        let mut start = 0;
        // jieba makes each blank character a word: a run of them is one here
        // (a page of empty lines was a record per line break).
        let mut last_blank = false;
        // jieba hands every tag out of one table (its words hold indices into
        // it), so while it is borrowed a tag's address and length name it:
        // the tags last seen at an address spare most words the look-up by
        // content (1.7% of an analysis in wasm).
        let mut seen: [(usize, &'static str); 64] = [(0, ""); 64];
        while start < text.len() {
            let end = chunk_end(text, start);
            for t in jieba.tag(&text[start..end], true) {
                let blank = t.word.chars().all(char::is_whitespace);
                let address = t.tag.as_ptr() as usize;
                let slot = &mut seen[(address ^ address >> 6) % 64];
                let tag = if slot.0 == address && slot.1.len() == t.tag.len() {
                    slot.1
                } else {
                    *slot = (address, self.static_tag(t.tag));
                    slot.1
                };
                match words.last_mut() {
                    Some(last) if blank && last_blank => last.end = start + t.byte_end,
                    _ => words.push(Word { start: start + t.byte_start, end: start + t.byte_end, tag }),
                }
                last_blank = blank;
            }
            start = end;
        }
        words
    }
}

/// Where in `DICT` the words that begin with each character are: build.rs
/// writes it as steps, added up here once.
struct BlockIndex {
    /// The characters words begin with, in order.
    firsts: Vec<u32>,
    /// Where the lines of the words that begin with `firsts[i]` end.
    ends: Vec<u32>,
}

impl BlockIndex {
    #[inline(never)] // out of the constructor: see the crate's docs on hot loops
    fn new() -> Self {
        let running_sum = |steps: &[u16]| {
            let mut sum = 0;
            steps
                .iter()
                .map(|&step| {
                    sum += u32::from(step);
                    sum
                })
                .collect()
        };
        BlockIndex { firsts: running_sum(DICT_FIRST_STEPS), ends: running_sum(DICT_BLOCK_LENGTHS) }
    }

    /// The byte range of the lines of `DICT` whose words begin with `c`
    /// (empty if none do).
    fn block_of(&self, c: char) -> (usize, usize) {
        match self.firsts.binary_search(&(c as u32)) {
            Ok(i) => (i.checked_sub(1).map_or(0, |p| self.ends[p] as usize), self.ends[i] as usize),
            Err(_) => (0, 0),
        }
    }
}

/// The byte offset of the first line of `DICT[lo..hi]` (both line starts)
/// not less than `key` (bytewise; `hi` if none): a binary search over byte
/// offsets, each standing for the first line starting at or after it
/// (found by `memchr`), so no index of the lines is built or shipped.
fn first_line_at_least(key: &[u8], lo: usize, hi: usize) -> usize {
    let bytes = &DICT.as_bytes()[..hi];
    let line_at = |pos: usize| {
        if pos == lo || bytes[pos - 1] == b'\n' {
            pos
        } else {
            memchr::memchr(b'\n', &bytes[pos..]).map_or(hi, |i| pos + i + 1)
        }
    };
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let line = line_at(mid);
        if line == bytes.len() || &bytes[line..(line + key.len()).min(bytes.len())] >= key {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    line_at(lo)
}

/// The byte range of the lines of `DICT[lo..hi]` (whole lines) that start with `key`.
fn lines_starting_with(key: &[u8], lo: usize, hi: usize) -> (usize, usize) {
    let start = first_line_at_least(key, lo, hi);
    (start, lines_from(key, start, hi))
}

/// Where the lines from `start` (a line start) that start with `key` end:
/// walked, not searched, since they are the words of one pair, a few
/// (searching for their end was a fifth of a page's first segmentation).
fn lines_from(key: &[u8], start: usize, hi: usize) -> usize {
    let bytes = &DICT.as_bytes()[..hi];
    let mut at = start;
    while bytes[at..].starts_with(key) {
        at = memchr::memchr(b'\n', &bytes[at..]).map_or(hi, |i| at + i + 1);
    }
    at
}

/// The first two characters of a word, as the dictionary's lines start, in `buffer`.
fn pair_key(first: char, second: char, buffer: &mut [u8; 8]) -> &[u8] {
    let n = first.encode_utf8(&mut buffer[..4]).len();
    let m = second.encode_utf8(&mut buffer[n..]).len();
    &buffer[..n + m]
}

/// The most text given to jieba at once: jieba reserves its vector for at
/// most 4,096 words and grows it by doubling past that, copying it; the
/// words of 8 KB fit (a page in 64 KB chunks spent 2.4% of its segmentation
/// growing them).
const CHUNK_BYTES: usize = 1 << 13;

/// Where the chunk from `start` ends: after the last sentence punctuation
/// or line break within [`CHUNK_BYTES`] (a text without any, rare and
/// never news, is cut at a character boundary).
fn chunk_end(text: &str, start: usize) -> usize {
    if text.len() - start <= CHUNK_BYTES {
        return text.len();
    }
    let mut limit = start + CHUNK_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    text[start..limit]
        .rfind(['\n', '。', '，', '；', '！', '？', '、'])
        .map(|i| start + i + text[start + i..].chars().next().map_or(1, char::len_utf8))
        .filter(|&end| end > start)
        .unwrap_or(limit)
}

/// `text` cut into pieces of at least `bytes` (the last may be shorter),
/// each ending after a line break: segmented apart, they segment as the
/// whole does (see `chunk_end`). Where no line break comes within another
/// `bytes`, a piece ends after a sentence (or, in a text without any, at a
/// character boundary), so no piece is much longer than `bytes`. Empty for
/// an empty text.
pub fn pieces(text: &str, bytes: usize) -> Vec<std::ops::Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = piece_end(text, start, bytes.max(1));
        pieces.push(start..end);
        start = end;
    }
    pieces
}

/// Where the piece of `pieces` from `start` ends.
fn piece_end(text: &str, start: usize, bytes: usize) -> usize {
    let mut from = start + bytes;
    let mut until = from.saturating_add(bytes).min(text.len());
    if from >= text.len() {
        return text.len();
    }
    // (A `\n` byte is never inside a character.)
    if let Some(i) = memchr::memchr(b'\n', &text.as_bytes()[from..until]) {
        return from + i + 1;
    }
    if until == text.len() {
        return until;
    }
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(until) {
        until -= 1;
    }
    match text.get(from..until).and_then(|window| window.find(['。', '！', '？'])) {
        Some(i) => from + i + '。'.len_utf8(),
        None => from,
    }
}

/// The segmented text with quick lookups of word boundaries.
pub struct Segmented<'a> {
    pub text: &'a str,
    /// The words in order; they tile the text, so starts and ends are sorted.
    pub words: &'a [Word<'a>],
    /// One bit per byte of the text: a word starts there; a word ends there.
    /// The recognizers ask at nearly every candidate, and a binary search
    /// over the words was 10% of analyzing a 10 MB page.
    starts: Vec<u64>,
    ends: Vec<u64>,
}

impl<'a> Segmented<'a> {
    pub fn new(text: &'a str, words: &'a [Word<'a>]) -> Self {
        let mut starts = vec![0u64; text.len() / 64 + 1];
        let mut ends = vec![0u64; text.len() / 64 + 1];
        for w in words {
            set_bit(&mut starts, w.start);
            set_bit(&mut ends, w.end);
        }
        Segmented { text, words, starts, ends }
    }

    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.words[i].start..self.words[i].end]
    }

    /// The word starting at `at`, if one does (searched for only then).
    pub fn word_at(&self, at: usize) -> Option<&Word<'a>> {
        self.word_index_at(at).map(|i| &self.words[i])
    }

    /// The index of the word starting at `at`, if one does.
    pub fn word_index_at(&self, at: usize) -> Option<usize> {
        if !self.starts_word(at) {
            return None;
        }
        let i = self.words.partition_point(|w| w.start < at);
        (self.words.get(i)?.start == at).then_some(i)
    }

    /// The words inside `start..end`.
    pub fn words_in(&self, start: usize, end: usize) -> &'a [Word<'a>] {
        let first = self.words.partition_point(|w| w.start < start);
        let last = self.words.partition_point(|w| w.end <= end);
        &self.words[first..last.max(first)]
    }

    /// Whether a word starts at `at`.
    pub fn starts_word(&self, at: usize) -> bool {
        bit(&self.starts, at)
    }

    /// Whether `start..end` begins and ends on word boundaries.
    pub fn aligned(&self, start: usize, end: usize) -> bool {
        self.starts_word(start) && bit(&self.ends, end)
    }
}

/// Segments `text` with the built-in dictionary and runs `f` on it: the
/// setup every pass's unit tests share.
#[cfg(test)]
pub(crate) fn with_segmented<T>(text: &str, f: impl FnOnce(&Segmented) -> T) -> T {
    let segmenter = Segmenter::new().expect("the built-in dictionary loads");
    let words = segmenter.tag(text);
    f(&Segmented::new(text, &words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_told_apart_by_every_byte_and_their_length() {
        let seg = Segmenter::new().unwrap();
        assert!(std::ptr::eq(seg.static_tag("nr"), seg.static_tag(&String::from("nr"))));
        let mine = ["zq", "zq\0", "\0zq", "zqqqqqq", "zqqqqqqq", "zqqqqqqr", "标签"];
        for t in mine {
            assert_eq!(seg.static_tag(t), t, "{t:?}");
        }
        for t in mine {
            let (first, copy) = (seg.static_tag(t), String::from(t));
            assert!(std::ptr::eq(seg.static_tag(&copy), first), "{t:?} kept once");
        }
        // Words of the text carry their own tags, however alike.
        let mut seg = seg;
        for (word, tag) in [("星河湾区", "zq"), ("云帆港区", "zqq"), ("雁栖湖区", "zq\0")] {
            seg.add_word(word, Some(1_000_000), Some(tag));
        }
        let text = "星河湾区和云帆港区、雁栖湖区，星河湾区";
        let tags: Vec<&str> = seg.tag(text).iter().filter(|w| w.end - w.start == 12).map(|w| w.tag).collect();
        assert_eq!(tags, ["zq", "zqq", "zq\0", "zq"]);
    }

    #[test]
    fn words_cover_the_text_with_byte_offsets() {
        let seg = Segmenter::new().unwrap();
        let text = "北京经济技术开发区的集成电路产业😀𠀾";
        let words = seg.tag(text);
        let mut at = 0;
        for w in &words {
            assert_eq!(w.start, at);
            at = w.end;
        }
        assert_eq!(at, text.len());
        assert!(words.iter().any(|w| &text[w.start..w.end] == "集成电路"));
    }

    #[test]
    fn a_run_of_blank_characters_is_one_word() {
        let seg = Segmenter::new().unwrap();
        let text = "北京\n\n\n 集成电路\n上海 \n";
        let words: Vec<&str> = seg.tag(text).iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(words, ["北京", "\n\n\n ", "集成电路", "\n", "上海", " \n"]);
        assert_eq!(seg.tag(&"\n".repeat(100_000)).len(), 1);
    }

    #[test]
    fn a_loaded_dictionary_adds_words_and_a_replacement_is_used_alone() {
        let text = "星河湾区发布新品";
        let mut seg = Segmenter::new().unwrap();
        seg.load_dictionary("星河湾区 50000 ns\n").unwrap();
        assert!(seg.tag(text).iter().any(|w| &text[w.start..w.end] == "星河湾区" && w.tag == "ns"));
        let alone = Segmenter::with_dictionary("星河 10 n\n湾区 10 n\n").unwrap();
        assert!(!alone.has_word("发布") && alone.has_word("湾区"));
        assert_eq!(alone.total_frequency(), 20);
        let bad = Segmenter::new().unwrap().load_dictionary("星河 many n\n").map(|_| ()).unwrap_err();
        assert!(bad.to_string().contains("line 1"), "{bad}");
    }

    #[test]
    fn pieces_end_after_line_breaks_and_segment_as_the_whole_text_does() {
        let seg = Segmenter::new().unwrap();
        let text =
            "北京经济技术开发区的集成电路产业，产值达428亿元。\n新区负责人表示😀将继续提升服务水平！\n\n".repeat(400);
        let pieces = pieces(&text, 1000);
        assert!(pieces.len() > 10);
        assert_eq!((pieces[0].start, pieces.last().unwrap().end), (0, text.len()));
        let mut words = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            assert!(i == pieces.len() - 1 || (piece.len() >= 1000 && text[..piece.end].ends_with('\n')));
            let solid = seg
                .tag(&text[piece.clone()])
                .into_iter()
                .filter(|w| !text[piece.start..][w.start..w.end].trim().is_empty());
            words.extend(solid.map(|w| (piece.start + w.start, piece.start + w.end, w.tag)));
        }
        let whole: Vec<_> = seg
            .tag(&text)
            .into_iter()
            .filter(|w| !text[w.start..w.end].trim().is_empty())
            .map(|w| (w.start, w.end, w.tag))
            .collect();
        assert_eq!(words, whole);
        assert!(super::pieces("", 10).is_empty());
        // No line break near: after a sentence, or at a character boundary.
        assert_eq!(super::pieces("京京京", 4), vec![0..6, 6..9]);
        let line = "北京经济技术开发区的产值达428亿元。新区负责人表示将继续提升服务水平！".repeat(400);
        let pieces = super::pieces(&line, 1000);
        assert!(pieces.len() > 10);
        for piece in &pieces[..pieces.len() - 1] {
            assert!(piece.len() >= 1000 && piece.len() < 2000, "{piece:?}");
            assert!(line[..piece.end].ends_with(['。', '！']), "{piece:?}");
        }
        assert_eq!(pieces.last().unwrap().end, line.len());
    }

    #[test]
    fn chunks_segment_as_the_whole_text_does() {
        let seg = Segmenter::new().unwrap();
        let text =
            "北京经济技术开发区的集成电路产业，产值达428亿元。\n新区有关负责人表示😀将继续提升服务水平！".repeat(3000);
        assert!(text.len() > 3 * CHUNK_BYTES);
        let chunked: Vec<(usize, usize, &str)> = seg.tag(&text).into_iter().map(|w| (w.start, w.end, w.tag)).collect();
        let jieba = seg.jieba.borrow();
        let whole: Vec<(usize, usize, &str)> =
            jieba.tag(&text, true).into_iter().map(|t| (t.byte_start, t.byte_end, t.tag)).collect();
        assert_eq!(chunked, whole);
        drop(jieba);
        // Without punctuation the chunks still tile the text.
        let run = "京".repeat(CHUNK_BYTES);
        let words = seg.tag(&run);
        assert_eq!((words[0].start, words.last().unwrap().end), (0, run.len()));
        assert!(words.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn the_lazily_loaded_dictionary_segments_as_the_whole_one() {
        let texts = [
            "北京经济技术开发区的集成电路产业，产值达428亿元，同比增长12.5%。",
            "新区有关负责人表示😀将继续提升服务水平，2000万元专项资金支持企业做大做强。",
            "科技園區產值創新高，半導體產業帶動成長。Titan X2 机器人亮相。",
            "长江三角洲一线城市的零部件企业与国家高新技术产业开发区签约。",
        ];
        let whole = Segmenter::with_dictionary(DICT).unwrap();
        let lazy = Segmenter::new().unwrap();
        for text in texts {
            let key = |words: Vec<Word>| -> Vec<(usize, usize, String)> {
                words.into_iter().map(|w| (w.start, w.end, w.tag.to_string())).collect()
            };
            assert_eq!(key(lazy.tag(text)), key(whole.tag(text)), "{text}");
            for word in ["集成电路", "开发区", "零部件", "星河"] {
                assert_eq!(lazy.frequency(word), whole.frequency(word), "{word}");
            }
        }
        assert_eq!(lazy.total_frequency(), whole.total_frequency());
        assert!(lazy.lazy.borrow().as_ref().unwrap().remaining > 0, "only some words were loaded");
    }

    #[test]
    fn the_block_index_holds_the_lines_of_each_first_character() {
        let index = BlockIndex::new();
        let mut at = 0;
        let mut blocks: Vec<(char, usize, usize)> = Vec::new();
        for line in DICT.split_inclusive('\n') {
            let first = line.chars().next().unwrap();
            match blocks.last_mut() {
                Some((c, _, end)) if *c == first => *end += line.len(),
                _ => blocks.push((first, at, at + line.len())),
            }
            at += line.len();
        }
        assert_eq!(index.firsts.len(), blocks.len());
        for &(c, start, end) in &blocks {
            assert_eq!(index.block_of(c), (start, end), "{c}");
        }
        for c in ['\0', '😀', '\u{10FFFF}'] {
            assert_eq!(index.block_of(c), (0, 0), "no word begins with {c:?}");
        }
    }

    #[test]
    fn a_block_loaded_whole_after_many_pairs_keeps_every_word_once() {
        // `大` followed by more different characters than PAIRS_PER_BLOCK, each a word's second.
        let mut seconds: Vec<char> = DICT.lines().filter_map(|l| l.strip_prefix('大')?.chars().next()).collect();
        seconds.dedup();
        seconds.retain(|c| *c != ' ');
        assert!(seconds.len() > 2 * PAIRS_PER_BLOCK);
        let lazy = Segmenter::new().unwrap();
        let whole = Segmenter::with_dictionary(DICT).unwrap();
        let key = |words: Vec<Word>| -> Vec<(usize, usize, String)> {
            words.into_iter().map(|w| (w.start, w.end, w.tag.to_string())).collect()
        };
        // In pieces, so the block is loaded whole in the middle of a text, after pairs of earlier texts.
        for piece in seconds.chunks(PAIRS_PER_BLOCK / 3) {
            let text: String = piece.iter().map(|c| format!("大{c}厅里，")).collect();
            assert_eq!(key(lazy.tag(&text)), key(whole.tag(&text)), "{text}");
        }
        assert_eq!(lazy.frequency("大厅"), whole.frequency("大厅"));
        let lazy_state = lazy.lazy.borrow();
        assert!(bit(&lazy_state.as_ref().unwrap().whole, '大' as usize));
        // Each word was added once: what is left is the frequency of the words jieba does not hold.
        let jieba = lazy.jieba.borrow();
        let not_loaded: usize = DICT
            .lines()
            .filter_map(|l| l.split_once(' '))
            .filter(|(word, _)| !jieba.has_word(word))
            .map(|(_, rest)| rest.split(' ').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(lazy_state.as_ref().unwrap().remaining, not_loaded);
    }

    #[test]
    fn remembered_frequencies_are_those_estimated_afresh() {
        let words = ["集成电路", "开发区", "星河湾区", "人形机器人", "零部件企业"];
        let seg = Segmenter::new().unwrap();
        let first: Vec<usize> = words.iter().map(|w| seg.frequency(w)).collect();
        // Other texts load more of the dictionary in between.
        seg.tag("长江三角洲一线城市的零部件企业与国家高新技术产业开发区签约，人形机器人亮相。");
        let again: Vec<usize> = words.iter().map(|w| seg.frequency(w)).collect();
        let fresh: Vec<usize> = words.iter().map(|w| Segmenter::new().unwrap().frequency(w)).collect();
        assert_eq!(first, again);
        assert_eq!(first, fresh);
        // A word added later changes what is remembered.
        let mut seg = seg;
        seg.add_word("星河湾区", Some(123_456), None);
        assert_eq!(seg.frequency("星河湾区"), 123_456);
    }

    #[test]
    fn word_boundaries_are_those_of_the_words() {
        let text = "北京经济技术开发区的集成电路产业😀𠀾，产值达428亿元。Titan X2";
        with_segmented(text, |seg| {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            for &start in &bounds {
                assert_eq!(seg.starts_word(start), seg.words.iter().any(|w| w.start == start), "{start}");
                let index = seg.words.iter().position(|w| w.start == start);
                assert_eq!(seg.word_index_at(start), index, "{start}");
                assert_eq!(seg.word_at(start), index.map(|i| &seg.words[i]), "{start}");
                for &end in &bounds {
                    let expected = seg.words.iter().any(|w| w.start == start) && seg.words.iter().any(|w| w.end == end);
                    assert_eq!(seg.aligned(start, end), expected, "{start}..{end}");
                }
            }
            assert!(!seg.starts_word(text.len() + 100));
            assert_eq!(seg.word_index_at(text.len() + 100), None);
        });
    }

    #[test]
    fn added_words_stay_whole() {
        let mut seg = Segmenter::new().unwrap();
        let text = "云途万方发布新品";
        seg.add_word("云途万方", None, Some("nt"));
        let words = seg.tag(text);
        assert!(words.iter().any(|w| &text[w.start..w.end] == "云途万方" && w.tag == "nt"));
    }
}
