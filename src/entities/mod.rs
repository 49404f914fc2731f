//! Organizations, people and places, from the segmented repaired text.
//!
//! No model: lexicons kept as data (`data/entities/`), jieba's tags, and rules
//! that generalize across news text: an organization is a run of name-like
//! words ended by an organization word (`…研究院`, `…有限公司`, `…管委会`); a
//! person is a surname and given name next to a title or a verb of speech,
//! or a foreign name in transliteration syllables;
//! a place is a known name or a name ended by an administrative word. Each
//! kind is its own module; this one holds what they share.

mod orgs;
mod people;
mod places;

use crate::analysis::Found;
use crate::data_lines;
use crate::lexicon::{Affixes, Hit};
pub use crate::segment::Segmented;

pub use orgs::OrgFinder;
pub use people::PeopleFinder;
pub use places::PlaceFinder;

/// People's titles (工委书记, 总经理, 记者 …), which the people finder reads
/// around names and the organization finder in lists.
const TITLES: &str = include_str!("../../data/entities/roles.txt");

/// The titles, by their last character: found ending at a position.
fn titles_ending() -> Affixes {
    Affixes::suffixes(data_lines(TITLES).map(|t| (t, ())))
}

/// The titles, by their first character: found starting at a position.
fn titles_starting() -> Affixes {
    Affixes::prefixes(data_lines(TITLES).map(|t| (t, ())))
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

    /// `known_orgs`, `places`: the hits of [`OrgFinder::known_forms`] and
    /// [`PlaceFinder::names`] in the text.
    pub fn find(&self, seg: &Segmented, known_orgs: &[Hit], places: &[Hit]) -> Vec<Found> {
        let mut found = self.orgs.find(seg, known_orgs);
        found.extend(self.people.find(seg));
        found.extend(self.places.find(seg, places));
        found
    }
}

impl Default for EntityFinder {
    fn default() -> Self {
        Self::new()
    }
}
