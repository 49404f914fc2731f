//! Lexicon matching: the words of a lexicon found in a text, leftmost-longest
//! (at each position the longest word that starts there, then on after it);
//! [`FewWords`], the few words of one text (its names) found in it; and
//! [`Affixes`], short words tried at given positions.
//!
//! The built-in lexicons (themes, organizations, places, date words) are
//! searched together, in one pass over the text ([`LexiconSet`]): four
//! leftmost-longest passes were 12% of an analysis in wasm, one pass
//! finding every occurrence and each lexicon's leftmost-longest picked
//! from them takes a third of their time. The automaton is daachorse's
//! double-array Aho-Corasick, because it serializes: `build.rs` builds the
//! automaton of the built-in lists at compile time, under the fingerprint
//! of its lists, and a set whose lists have a prebuilt automaton reads it
//! (daachorse validates what it reads) instead of building it. Building
//! the automata (with the aho-corasick crate) was most of an analyzer's
//! construction, and in the browser the builder's loops ran hot enough
//! for V8 to optimize them on the core the first analysis needed. Sets
//! that options change are built. It is the character-wise automaton (a
//! step per character, not per byte): it searched a news page in half the
//! time of the byte-wise one natively, 1.3% of an analysis in wasm. Its
//! table of characters makes it 0.16 MB larger raw but 9 KB smaller in
//! brotli, and it reads back in 0.1 ms natively. (When every lexicon had
//! an automaton of its own, four tables made the module 0.6 MB larger.)
use daachorse::CharwiseDoubleArrayAhoCorasick;
use rustc_hash::FxHashMap;

use crate::segment::{bit, set_bit};

mod compile;

// `PREBUILT: &[(u64, &[u8], &[u8])]`: fingerprints of lists of word lists,
// their serialized automata and their encoded entries, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// One word of the lexicon found in a text: its byte range and its index in
/// the list the lexicon was built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

/// The hits of `words` in `text` as the analyzer's lexicons give a pass
/// them: the setup of the passes' unit tests.
#[cfg(test)]
pub(crate) fn hits_of<S: AsRef<str>>(words: &[S], text: &str) -> Vec<Hit> {
    LexiconSet::new(&[words]).find(text).remove(0)
}

/// Several lexicons searched in one pass over a text: each one's words
/// found leftmost-longest, as a search of its own would find them (a word
/// listed twice under its first index; empty words never).
pub struct LexiconSet {
    /// Every distinct word of the lists, found wherever it occurs; its
    /// value is its position among them.
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// The (lexicon, index) pairs of distinct word `w`:
    /// `entries[firsts[w]..firsts[w + 1]]`.
    firsts: Vec<u32>,
    entries: Vec<(u32, u32)>,
    lexicons: usize,
    #[cfg(test)]
    prebuilt: bool,
}

impl LexiconSet {
    /// The set of `lists`: read prebuilt when build.rs built it, built otherwise.
    pub fn new<S: AsRef<str>>(lists: &[&[S]]) -> LexiconSet {
        // Each step a function of its own: inlined together they made one
        // function of 12 KB whose loops V8 optimized during start-up, 27 ms
        // of an optimizing thread (see the crate's docs on hot loops).
        let prebuilt = prebuilt(compile::fingerprint_of_lists(lists));
        #[cfg(test)]
        let is_prebuilt = prebuilt.is_some();
        let (automaton, (firsts, entries)) = match prebuilt {
            Some((automaton, entries)) => (Some(automaton), entries),
            None => build(lists),
        };
        LexiconSet {
            automaton,
            firsts,
            entries,
            lexicons: lists.len(),
            #[cfg(test)]
            prebuilt: is_prebuilt,
        }
    }

    /// Whether the automaton was read prebuilt.
    #[cfg(test)]
    pub(crate) fn is_prebuilt(&self) -> bool {
        self.prebuilt
    }

    /// The words of each lexicon in `text` (in the order of the lists),
    /// leftmost-longest, in order.
    pub fn find(&self, text: &str) -> Vec<Vec<Hit>> {
        let mut hits = vec![Vec::new(); self.lexicons];
        let Some(automaton) = &self.automaton else { return hits };
        for m in automaton.find_overlapping_iter(text) {
            let w = m.value() as usize;
            for &(k, index) in &self.entries[self.firsts[w] as usize..self.firsts[w + 1] as usize] {
                hits[k as usize].push(Hit { start: m.start(), end: m.end(), index: index as usize });
            }
        }
        for list in &mut hits {
            leftmost_longest(list);
        }
        hits
    }
}

/// The set build.rs wrote for the lists of `fingerprint`, if it wrote one
/// and it reads back whole.
#[inline(never)]
fn prebuilt(fingerprint: u64) -> Option<(CharwiseDoubleArrayAhoCorasick<u32>, compile::Entries)> {
    let (_, automaton, entries) = PREBUILT.iter().find(|(f, ..)| *f == fingerprint)?;
    match (read_automaton(automaton), decode_entries(entries)) {
        (Some(automaton), Some(entries)) => Some((automaton, entries)),
        _ => None,
    }
}

/// A serialized automaton, validated (`None` if it does not read back whole).
#[inline(never)] // out of `prebuilt`: see the crate's docs on hot loops
fn read_automaton(bytes: &[u8]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
    match CharwiseDoubleArrayAhoCorasick::deserialize(bytes) {
        Ok((automaton, [])) => Some(automaton),
        _ => None,
    }
}

/// The set of lists that options changed, built at run time.
#[inline(never)]
fn build<S: AsRef<str>>(lists: &[&[S]]) -> (Option<CharwiseDoubleArrayAhoCorasick<u32>>, compile::Entries) {
    let words = compile::distinct_words(lists);
    (compile::overlapping_automaton(&words), compile::entries(lists, &words))
}

/// The entries of a prebuilt set as build.rs wrote them: the number of
/// `firsts`, then `firsts` and `entries`, as little-endian u32s (`None`
/// for bytes it could not have written).
#[inline(never)]
fn decode_entries(bytes: &[u8]) -> Option<compile::Entries> {
    let numbers: Vec<u32> = bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
    let (&n, rest) = numbers.split_first()?;
    let (firsts, pairs) = rest.split_at_checked(n as usize)?;
    let entries: Vec<(u32, u32)> = pairs.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    (bytes.len() % 4 == 0 && pairs.len() % 2 == 0 && firsts.last().copied() == Some(entries.len() as u32))
        .then(|| (firsts.to_vec(), entries))
}

/// Keeps, of every occurrence, the leftmost-longest ones: from the left,
/// the longest word starting at a position, then on after its end.
fn leftmost_longest(hits: &mut Vec<Hit>) {
    hits.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut end = 0;
    hits.retain(|h| {
        let keep = h.start >= end;
        if keep {
            end = h.end;
        }
        keep
    });
}

/// A text's own few words (the names an analysis found, their other
/// forms), found at every position of the text: indexed by their first two
/// characters, so most positions are ruled out by one bit (no word starts
/// with the character there) and the rest are checked against the words
/// that start with the pair there, which stay few even when a page names
/// hundreds of people of one surname. An automaton built for each analysis
/// read every byte of the text (4% of an analysis in wasm).
pub struct FewWords<'w> {
    /// The characters words start with.
    first: CharFilter,
    /// Words by their first two characters (`'\0'` second for words of one
    /// character), longest first, each with its index.
    by_pair: FxHashMap<(char, char), Vec<(&'w str, usize)>>,
}

impl<'w> FewWords<'w> {
    /// Indexes `words`; a word listed twice keeps its first index, empty
    /// words are never found.
    pub fn new<S: AsRef<str>>(words: &'w [S]) -> FewWords<'w> {
        let mut index = FewWords { first: CharFilter::new(), by_pair: FxHashMap::default() };
        for (i, word) in words.iter().enumerate() {
            let word = word.as_ref();
            let mut chars = word.chars();
            let Some(c) = chars.next() else { continue };
            let list = index.by_pair.entry((c, chars.next().unwrap_or('\0'))).or_default();
            if list.iter().all(|&(w, _)| w != word) {
                list.push((word, i));
            }
            index.first.insert(c);
        }
        for list in index.by_pair.values_mut() {
            list.sort_by_key(|&(w, i)| (std::cmp::Reverse(w.len()), i));
        }
        index
    }

    /// The words at `at`, where `c` is, a character some word starts with:
    /// those of the pair there, longest first, then those of one character.
    fn at<'s>(&'s self, text: &'s str, at: usize, c: char) -> impl Iterator<Item = (&'w str, usize)> + 's {
        let next = text[at + c.len_utf8()..].chars().next();
        let pair = next.and_then(|n| self.by_pair.get(&(c, n)));
        // (Before a NUL, the pair's words are those of one character too.)
        let single = (next != Some('\0')).then(|| self.by_pair.get(&(c, '\0'))).flatten();
        pair.into_iter().chain(single).flatten().copied().filter(move |(w, _)| text[at..].starts_with(w))
    }

    /// Every occurrence in `text`, overlaps and words inside words included
    /// (张三 and 张三丰 both in 张三丰), by start, the longer first.
    pub fn occurrences(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (at, c) in text.char_indices().filter(|&(_, c)| self.first.may_contain(c)) {
            hits.extend(self.at(text, at, c).map(|(w, index)| Hit { start: at, end: at + w.len(), index }));
        }
        hits
    }

    /// The words in `text` leftmost-longest: from the left, the longest
    /// word that starts at a position, then on after its end.
    pub fn leftmost_longest(&self, text: &str) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for (at, c) in text.char_indices().filter(|&(_, c)| self.first.may_contain(c)) {
            if hits.last().is_some_and(|h| at < h.end) {
                continue;
            }
            if let Some((w, index)) = self.at(text, at, c).next() {
                hits.push(Hit { start: at, end: at + w.len(), index });
            }
        }
        hits
    }
}

/// Characters tested at every position of a text: a bit per BMP code
/// point, one bit in all for the characters beyond it (rare enough to be
/// looked up past the filter). Most positions are ruled out by one test.
pub(crate) struct CharFilter {
    bmp: Vec<u64>,
    astral: bool,
}

impl CharFilter {
    fn new() -> Self {
        CharFilter { bmp: vec![0; 0x1_0000 / 64], astral: false }
    }

    fn insert(&mut self, c: char) {
        match c as usize {
            b @ 0..0x1_0000 => set_bit(&mut self.bmp, b),
            _ => self.astral = true,
        }
    }

    /// Whether `c` may be one of the characters: exactly so in the BMP;
    /// beyond it, whether any is.
    pub(crate) fn may_contain(&self, c: char) -> bool {
        match c as usize {
            b @ 0..0x1_0000 => bit(&self.bmp, b),
            _ => self.astral,
        }
    }
}

impl FromIterator<char> for CharFilter {
    #[inline(never)] // out of the constructors: see the crate's docs on hot loops
    fn from_iter<I: IntoIterator<Item = char>>(chars: I) -> Self {
        let mut filter = CharFilter::new();
        for c in chars {
            filter.insert(c);
        }
        filter
    }
}

/// Short words tried at many positions of a text (titles before a name,
/// verbs of speech after one, organization words ending a name, units and
/// qualifiers around a figure), each with
/// what it says (`T`): indexed by the character that meets the position,
/// so a position is checked against the few words that can fit there, not
/// the whole list.
pub(crate) struct Affixes<T = ()> {
    /// Longest first within each character.
    by_char: FxHashMap<char, Vec<(&'static str, T)>>,
    /// The characters of `by_char`: most positions asked have none, and one
    /// bit says so before a hash look-up.
    keys: CharFilter,
    /// Indexed by last character (words that end at a position), or by first.
    by_last: bool,
}

impl<T: Copy> Affixes<T> {
    /// Words to find at the start of a text.
    pub(crate) fn prefixes(words: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        Self::build(words, false)
    }

    /// Words to find at the end of a text.
    pub(crate) fn suffixes(words: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        Self::build(words, true)
    }

    #[inline(never)] // out of the constructors: see the crate's docs on hot loops
    fn build(words: impl IntoIterator<Item = (&'static str, T)>, by_last: bool) -> Self {
        let mut by_char: FxHashMap<char, Vec<(&'static str, T)>> = FxHashMap::default();
        for (word, value) in words {
            let key = if by_last { word.chars().next_back() } else { word.chars().next() };
            if let Some(c) = key {
                by_char.entry(c).or_default().push((word, value));
            }
        }
        for list in by_char.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Affixes { keys: by_char.keys().copied().collect(), by_char, by_last }
    }

    /// The words that `text` begins with (ends with, for suffixes), longest first.
    pub(crate) fn matching<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (&'static str, T)> + 's {
        let key = if self.by_last { text.chars().next_back() } else { text.chars().next() };
        let key = key.filter(|&c| self.keys.may_contain(c));
        key.and_then(|c| self.by_char.get(&c)).into_iter().flatten().copied().filter(move |(w, _)| {
            if self.by_last {
                text.ends_with(w)
            } else {
                text.starts_with(w)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(words: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        FewWords::new(words).leftmost_longest(text).iter().map(|h| (h.start, h.end, h.index)).collect()
    }

    #[test]
    fn a_char_filter_is_exact_in_the_bmp_and_coarse_beyond() {
        let filter: CharFilter = ['园', '𠀾'].into_iter().collect();
        assert!(filter.may_contain('园') && !filter.may_contain('区'));
        assert!(filter.may_contain('𠀾') && filter.may_contain('😀'));
        let bmp_only: CharFilter = ['园'].into_iter().collect();
        assert!(!bmp_only.may_contain('😀') && !bmp_only.may_contain('\0'));
    }

    #[test]
    fn affixes_match_longest_first_whatever_plane_their_key_is_on() {
        let suffixes = Affixes::suffixes([("公司", 1), ("有限公司", 2), ("司", 3), ("𠀾站", 4), ("大会", 5)]);
        let ends = |text: &str| suffixes.matching(text).collect::<Vec<_>>();
        assert_eq!(ends("某某有限公司"), [("有限公司", 2), ("公司", 1), ("司", 3)]);
        assert_eq!(ends("上司"), [("司", 3)]);
        assert_eq!(ends("𠀾站"), [("𠀾站", 4)]);
        assert!(ends("中转站").is_empty() && ends("会").is_empty() && ends("").is_empty() && ends("😀").is_empty());
        let prefixes = Affixes::prefixes([("超过", ()), ("超", ()), ("😀", ())]);
        assert_eq!(prefixes.matching("超过了").count(), 2);
        assert_eq!(prefixes.matching("😀好").count(), 1);
        assert_eq!(prefixes.matching("过").count(), 0);
    }

    #[test]
    fn longest_word_at_the_leftmost_position() {
        let words = ["开发区", "经济技术开发区", "技术", "北京"];
        let text = "北京经济技术开发区";
        assert_eq!(hits(&words, text), vec![(0, 6, 3), (6, 27, 1)]);
    }

    #[test]
    fn a_repeated_word_keeps_its_first_index_and_empty_words_are_dropped() {
        let words = ["", "数字化", "园区", "数字化", "园"];
        assert_eq!(hits(&words, "园区数字化园"), vec![(0, 6, 2), (6, 15, 1), (15, 18, 4)]);
    }

    #[test]
    fn offsets_are_bytes_beside_characters_outside_the_bmp() {
        // 😀 is 4 bytes, 𠀋 4, 村 3.
        assert_eq!(hits(&["𠀋村", "村", "𠀋"], "😀𠀋村村𠀋"), vec![(4, 11, 0), (11, 14, 1), (14, 18, 2)]);
    }

    #[test]
    fn occurrences_overlap() {
        let occurrences = |words: &[&str], text| -> Vec<(usize, usize, usize)> {
            FewWords::new(words).occurrences(text).iter().map(|h| (h.start, h.end, h.index)).collect()
        };
        assert_eq!(
            occurrences(&["张三丰", "张三", "三丰", "丰"], "张三丰说"),
            vec![(0, 9, 0), (0, 6, 1), (3, 9, 2), (6, 9, 3)]
        );
        assert!(occurrences(&[], "张三").is_empty());
        assert_eq!(occurrences(&["张", "张\0三"], "张\0三"), vec![(0, 7, 1), (0, 3, 0)]);
    }

    #[test]
    fn an_empty_lexicon_finds_nothing() {
        assert!(hits(&[], "任何文本").is_empty());
        assert!(hits(&[""], "任何文本").is_empty());
    }

    #[test]
    fn the_prebuilt_automaton_reads_back_whole() {
        // Of the built-in lexicons, searched together: the analyzer's test
        // checks that its set is read prebuilt.
        assert_eq!(PREBUILT.len(), 1);
        let (automaton, rest) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(PREBUILT[0].1).unwrap();
        assert!(rest.is_empty() && automaton.num_states() > 1);
        let (firsts, entries) = decode_entries(PREBUILT[0].2).unwrap();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]), "every word is some lexicon's");
        assert_eq!(*firsts.last().unwrap() as usize, entries.len());
        let bytes = PREBUILT[0].2;
        assert!(decode_entries(&bytes[..bytes.len() - 4]).is_none());
        assert!(decode_entries(&[]).is_none());
    }

    /// Each lexicon's hits in `text` as a set finds them, beside a lexicon
    /// of its own's.
    fn set_and_alone(lists: &[&[&str]], text: &str) -> (Vec<Vec<Hit>>, Vec<Vec<Hit>>) {
        let set = LexiconSet::new(lists).find(text);
        let alone = lists.iter().map(|list| FewWords::new(list).leftmost_longest(text)).collect();
        (set, alone)
    }

    #[test]
    fn a_set_finds_each_lexicons_words_as_the_lexicon_alone_does() {
        let themes: &[&str] = &["开发区", "经济技术开发区", "园区", "数字化", "园区", "集成电路", ""];
        let places: &[&str] = &["北京", "北京市", "开发区", "京"];
        let orgs: &[&str] = &["北京经济技术开发区", "经开区", "北京", "技术开发"];
        let dates: &[&str] = &["今年", "今年上半年", "年上"];
        let lists = [themes, places, orgs, dates];
        let texts = [
            "北京经济技术开发区（以下简称经开区）今年上半年园区数字化",
            "北京市北京北京京北京经济技术开发区开发区区",
            "😀𠀋集成电路园区园区今年上今年",
            "",
            "没有任何词",
        ];
        for text in texts {
            let (set, alone) = set_and_alone(&lists, text);
            assert_eq!(set, alone, "{text}");
        }
        let (set, _) = set_and_alone(&lists, texts[0]);
        assert!(set.iter().all(|hits| !hits.is_empty()));
        // Every order of the lists: a word shared by several keeps each one's index.
        let reversed = [dates, orgs, places, themes];
        let (set, alone) = set_and_alone(&reversed, texts[1]);
        assert_eq!(set, alone);
    }

    #[test]
    fn a_set_of_lists_that_was_not_prebuilt_is_built_and_an_empty_one_finds_nothing() {
        let set = LexiconSet::new(&[&["未曾预编译的词"][..], &[]]);
        assert!(!set.is_prebuilt());
        assert_eq!(set.find("一个未曾预编译的词"), vec![vec![Hit { start: 6, end: 27, index: 0 }], vec![]]);
        assert_eq!(LexiconSet::new::<&str>(&[&[], &[""]]).find("任何文本"), vec![vec![], vec![]]);
    }
}
