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

use rustc_hash::FxHashMap;

use crate::analysis::Found;
pub use crate::segment::Segmented;

pub use orgs::OrgFinder;
pub use people::PeopleFinder;
pub use places::PlaceFinder;

/// Short words tried at many positions of a text (titles before a name,
/// verbs of speech after one, organization words ending a name), each with
/// what it says (`T`): indexed by the character that meets the position,
/// so a position is checked against the few words that can fit there, not
/// the whole list.
struct Affixes<T = ()> {
    /// Longest first within each character.
    by_char: FxHashMap<char, Vec<(&'static str, T)>>,
    /// Indexed by last character (words that end at a position), or by first.
    by_last: bool,
}

impl<T: Copy> Affixes<T> {
    /// Words to find at the start of a text.
    fn prefixes(words: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        Self::build(words, false)
    }

    /// Words to find at the end of a text.
    fn suffixes(words: impl IntoIterator<Item = (&'static str, T)>) -> Self {
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
    fn matching<'s>(&'s self, text: &'s str) -> impl Iterator<Item = (&'static str, T)> + 's {
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

/// Every organization, person and place of the text.
pub struct EntityFinder {
    pub orgs: OrgFinder,
    pub people: PeopleFinder,
    pub places: PlaceFinder,
}

impl EntityFinder {
    pub fn new() -> Self {
        Self::with_organizations(&[])
    }

    /// With the user's organizations (name, aliases), which take precedence.
    pub fn with_organizations(user: &[(String, Vec<String>)]) -> Self {
        EntityFinder { orgs: OrgFinder::with_user(user), people: PeopleFinder::new(), places: PlaceFinder::new() }
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
