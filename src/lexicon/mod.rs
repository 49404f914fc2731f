//! Lexicon matching: the words of a lexicon found in a text, leftmost-longest
//! (at each position the longest word that starts there, then on after it);
//! and [`Affixes`], short words tried at given positions.
//!
//! The automaton is daachorse's double-array Aho-Corasick, because it
//! serializes: `build.rs` builds the automata of the built-in lexicons
//! (themes, organizations, places, date words) at compile time, each under
//! the fingerprint of its list of words, and a lexicon whose words have a
//! prebuilt automaton reads it (daachorse validates what it reads) instead
//! of building it. Building them (with the aho-corasick crate) was most of
//! an analyzer's construction, and in the browser the builder's loops ran
//! hot enough for V8 to optimize them on the core the first analysis
//! needed. Lexicons that options change, and those of one analysis, are
//! built. It is the byte-wise automaton: the character-wise one searches
//! Chinese faster, but its table of characters is 160 KB a lexicon, which
//! made the module 0.6 MB larger and its reading slower than its building.
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder};
use rustc_hash::FxHashMap;

mod compile;

// `PREBUILT: &[(u64, &[u8])]`: fingerprints of word lists and their
// serialized automata, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// One word of the lexicon found in a text: its byte range and its index in
/// the list the lexicon was built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

impl From<daachorse::Match<u32>> for Hit {
    fn from(m: daachorse::Match<u32>) -> Hit {
        Hit { start: m.start(), end: m.end(), index: m.value() as usize }
    }
}

/// A leftmost-longest automaton over a list of words.
pub struct Lexicon {
    /// `None` for a lexicon without words (the automaton needs one).
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
    #[cfg(test)]
    prebuilt: bool,
}

impl Lexicon {
    /// The lexicon of `words`: read prebuilt when build.rs built it, built
    /// otherwise. A word listed twice is found under its first index; empty
    /// words are never found.
    pub fn new<S: AsRef<str>>(words: &[S]) -> Lexicon {
        let fingerprint = compile::fingerprint(words);
        let prebuilt = PREBUILT.iter().find(|(f, _)| *f == fingerprint).and_then(|(_, bytes)| {
            match DoubleArrayAhoCorasick::deserialize(bytes) {
                Ok((automaton, [])) => Some(automaton),
                _ => None,
            }
        });
        match prebuilt {
            Some(automaton) => Lexicon {
                automaton: Some(automaton),
                #[cfg(test)]
                prebuilt: true,
            },
            None => Lexicon {
                automaton: compile::automaton(words),
                #[cfg(test)]
                prebuilt: false,
            },
        }
    }

    /// Whether the automaton was read prebuilt.
    #[cfg(test)]
    pub(crate) fn is_prebuilt(&self) -> bool {
        self.prebuilt
    }

    /// The words of the lexicon in `text`, leftmost-longest, in order.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.automaton.iter().flat_map(move |a| a.leftmost_find_iter(text).map(Hit::from))
    }
}

/// Every occurrence of a list of distinct words in a text, overlaps and
/// words inside words included (张三 and 张三丰 both in 张三丰).
pub struct Occurrences {
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
}

impl Occurrences {
    /// Builds the automaton of `words` (distinct, none empty).
    pub fn new<I, P>(words: I) -> Occurrences
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        Occurrences { automaton: DoubleArrayAhoCorasickBuilder::new().use_prefilter(false).build(words).ok() }
    }

    /// The occurrences in `text`, by where they end.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit> + 'a {
        self.automaton.iter().flat_map(move |a| a.find_overlapping_iter(text).map(Hit::from))
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
        Affixes { by_char, by_last }
    }

    /// The words that `text` begins with (ends with, for suffixes), longest first.
    pub(crate) fn matching<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (&'static str, T)> + 's {
        let key = if self.by_last { text.chars().next_back() } else { text.chars().next() };
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

    fn hits(lexicon: &Lexicon, text: &str) -> Vec<(usize, usize, usize)> {
        lexicon.find_iter(text).map(|h| (h.start, h.end, h.index)).collect()
    }

    #[test]
    fn longest_word_at_the_leftmost_position() {
        let lexicon = Lexicon::new(&["开发区", "经济技术开发区", "技术", "北京"]);
        let text = "北京经济技术开发区";
        assert_eq!(hits(&lexicon, text), vec![(0, 6, 3), (6, 27, 1)]);
    }

    #[test]
    fn a_repeated_word_keeps_its_first_index_and_empty_words_are_dropped() {
        let lexicon = Lexicon::new(&["", "数字化", "园区", "数字化"]);
        assert_eq!(hits(&lexicon, "园区数字化"), vec![(0, 6, 2), (6, 15, 1)]);
    }

    #[test]
    fn offsets_are_bytes_beside_characters_outside_the_bmp() {
        let lexicon = Lexicon::new(&["𠀋村", "村"]);
        // 😀 is 4 bytes, 𠀋 4, 村 3.
        assert_eq!(hits(&lexicon, "😀𠀋村村"), vec![(4, 11, 0), (11, 14, 1)]);
    }

    #[test]
    fn occurrences_overlap() {
        let occurrences = Occurrences::new(["张三丰", "张三", "三丰"]);
        assert_eq!(hits_of(&occurrences, "张三丰说"), vec![(0, 6, 1), (0, 9, 0), (3, 9, 2)]);
        assert!(hits_of(&Occurrences::new(Vec::<&str>::new()), "张三").is_empty());
    }

    fn hits_of(occurrences: &Occurrences, text: &str) -> Vec<(usize, usize, usize)> {
        let mut hits: Vec<_> = occurrences.find_iter(text).map(|h| (h.start, h.end, h.index)).collect();
        hits.sort_unstable();
        hits
    }

    #[test]
    fn an_empty_lexicon_finds_nothing() {
        let lexicon = Lexicon::new(&Vec::<String>::new());
        assert!(hits(&lexicon, "任何文本").is_empty());
    }

    #[test]
    fn every_prebuilt_automaton_reads_back_whole() {
        // themes, organizations, places, date words: each module tests that
        // its built-in lexicon is read prebuilt.
        assert_eq!(PREBUILT.len(), 4);
        for (_, bytes) in PREBUILT {
            let (automaton, rest) = DoubleArrayAhoCorasick::<u32>::deserialize(bytes).unwrap();
            assert!(rest.is_empty() && automaton.num_states() > 1);
        }
    }

    #[test]
    fn a_list_of_words_that_was_not_prebuilt_is_built() {
        let lexicon = Lexicon::new(&["未曾预编译的词"]);
        assert!(!lexicon.is_prebuilt());
        assert_eq!(hits(&lexicon, "一个未曾预编译的词"), vec![(6, 27, 0)]);
    }
}
