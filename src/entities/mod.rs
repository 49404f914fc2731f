//! Organizations, people and places, from the segmented repaired text.
//!
//! No model: lexicons kept as data (`data/entities/`), jieba's tags, and rules
//! that generalize across news text: an organization is a run of name-like
//! words ended by an organization word (`…研究院`, `…有限公司`, `…管委会`); a
//! person is a surname and given name next to a title or a verb of speech;
//! a place is a known name or a name ended by an administrative word. Each
//! kind is its own module; this one holds what they share.

mod orgs;
mod people;
mod places;

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::analysis::Found;
use crate::repair::is_han;
use crate::segment::Word;

pub use orgs::OrgFinder;
pub use people::PeopleFinder;
pub use places::PlaceFinder;

/// A data file's lines, without comments and blank lines.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Leftmost-longest automaton over `words`.
fn automaton<I, P>(words: I) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(words).expect("lexicon automaton builds")
}

/// The segmented text with quick lookups of word boundaries.
pub struct Segmented<'a> {
    pub text: &'a str,
    pub words: &'a [Word<'a>],
    starts: HashSet<usize>,
    ends: HashSet<usize>,
}

impl<'a> Segmented<'a> {
    pub fn new(text: &'a str, words: &'a [Word<'a>]) -> Self {
        Segmented {
            text,
            words,
            starts: words.iter().map(|w| w.start).collect(),
            ends: words.iter().map(|w| w.end).collect(),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.words[i].start..self.words[i].end]
    }

    /// The word starting at `at`, if one does.
    pub fn word_at(&self, at: usize) -> Option<&Word<'a>> {
        let i = self.words.partition_point(|w| w.start < at);
        self.words.get(i).filter(|w| w.start == at)
    }

    /// The words inside `start..end`.
    pub fn words_in(&self, start: usize, end: usize) -> &'a [Word<'a>] {
        let first = self.words.partition_point(|w| w.start < start);
        let last = self.words.partition_point(|w| w.end <= end);
        &self.words[first..last.max(first)]
    }

    /// Whether a word starts at `at`.
    pub fn starts_word(&self, at: usize) -> bool {
        self.starts.contains(&at)
    }

    /// Whether `start..end` begins and ends on word boundaries.
    fn aligned(&self, start: usize, end: usize) -> bool {
        self.starts.contains(&start) && self.ends.contains(&end)
    }
}

fn han_chars(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

/// Every organization, person and place of the text.
pub struct EntityFinder {
    pub orgs: OrgFinder,
    pub people: PeopleFinder,
    pub places: PlaceFinder,
}

impl EntityFinder {
    pub fn new() -> Self {
        EntityFinder { orgs: OrgFinder::new(), people: PeopleFinder::new(), places: PlaceFinder::new() }
    }

    pub fn find(&self, seg: &Segmented) -> Vec<Found> {
        let mut found = self.orgs.find(seg);
        found.extend(self.people.find(seg));
        found.extend(self.places.find(seg));
        found
    }
}

impl Default for EntityFinder {
    fn default() -> Self {
        Self::new()
    }
}
