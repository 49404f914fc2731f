//! People: a surname and a one- or two-character given name, confirmed by
//! what stands next to it: a title before it (`工委书记王建国`), a verb of
//! speech after it (`…"张强说`), or a list with a confirmed name (`潘朝阳、罗自立`).
//! Once confirmed, every other mention of the name in the text is a person
//! too. The title before the first confirmed mention is its `role`.

use rustc_hash::FxHashSet as HashSet;

use super::Segmented;
use crate::analysis::{Detail, Found};
use crate::data_lines;
use crate::lexicon::{Affixes, CharFilter, FewWords};
use crate::repair::{is_han, one_of};

const SURNAMES: &str = include_str!("../../data/entities/surnames.txt");
const ROLES: &str = include_str!("../../data/entities/roles.txt");
const SPEECH: &str = include_str!("../../data/entities/speech.txt");

/// A role runs back from the name at most this far (滨江高新区党工委组织部常务副部长).
const ROLE_MAX_CHARS: usize = 24;

pub struct PeopleFinder {
    surnames: HashSet<&'static str>,
    /// The first characters of the surnames: most positions of a text are
    /// ruled out by one test of a bit.
    surname_initials: CharFilter,
    /// Titles.
    roles: Affixes,
    /// Verbs of speech.
    speech: Affixes,
}

struct Candidate {
    start: usize,
    end: usize,
    role: Option<String>,
}

impl PeopleFinder {
    pub fn new() -> Self {
        PeopleFinder {
            surnames: data_lines(SURNAMES).collect(),
            surname_initials: data_lines(SURNAMES).filter_map(|s| s.chars().next()).collect(),
            roles: Affixes::suffixes(data_lines(ROLES).map(|w| (w, ()))),
            speech: Affixes::prefixes(data_lines(SPEECH).map(|w| (w, ()))),
        }
    }

    /// Whether `c` is the first character of a surname.
    fn may_start_surname(&self, c: char) -> bool {
        self.surname_initials.may_contain(c)
    }

    /// The surname at byte `at` (compound first), with its length.
    fn surname_at(&self, text: &str, at: usize) -> Option<usize> {
        let rest = &text[at..];
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        if !self.may_start_surname(first) {
            return None;
        }
        let two = chars.next().map_or(rest.len(), |(i, _)| i);
        let three = chars.next().map_or(rest.len(), |(i, _)| i);
        if self.surnames.contains(&rest[..three]) {
            return Some(three);
        }
        self.surnames.contains(&rest[..two]).then_some(two)
    }

    /// Possible names at `at`: surname plus one or two Han characters; the
    /// ends of the first `.1` of them. (No vector: it is asked at every
    /// character of the text.)
    fn names_at(&self, text: &str, at: usize) -> ([usize; 2], usize) {
        let mut ends = ([0; 2], 0);
        let Some(s) = self.surname_at(text, at) else {
            return ends;
        };
        let mut end = at + s;
        for slot in &mut ends.0 {
            match text[end..].chars().next() {
                Some(c) if is_han(c) => {
                    end += c.len_utf8();
                    *slot = end;
                    ends.1 += 1;
                }
                _ => break,
            }
        }
        ends
    }

    fn speech_at(&self, text: &str, at: usize) -> bool {
        self.speech.matching(&text[at..]).next().is_some()
    }

    /// What may follow a name: punctuation, a verb of speech, a particle.
    fn ends_name(&self, text: &str, at: usize) -> bool {
        match text[at..].chars().next() {
            None => true,
            Some(c) if !is_han(c) => true,
            Some(c) => self.speech_at(text, at) || one_of(c, "等在的和与也就则是为向对从将曾已还都所"),
        }
    }

    pub fn find(&self, seg: &Segmented) -> Vec<Found> {
        let text = seg.text;
        let mut confirmed: Vec<Candidate> = Vec::new();
        for (at, c) in text.char_indices() {
            // Most characters start no surname: ruled out here, in the loop.
            if !self.may_start_surname(c) {
                continue;
            }
            let (ends, n) = self.names_at(text, at);
            if n == 0 {
                continue;
            }
            let ends = &ends[..n];
            let role = self.role_before(text, at);
            // Prefer the longer name when both could end here, unless the
            // shorter one is followed by a verb of speech (南逸说 is 南逸 + 说).
            let ends = match ends.iter().position(|&e| self.speech_at(text, e)) {
                Some(i) => &ends[..=i],
                None => ends,
            };
            let pick = |pred: &dyn Fn(usize) -> bool| ends.iter().rev().copied().find(|&e| pred(e));
            let end = if role.is_some() {
                pick(&|e| self.boundary(seg, at, e))
            } else {
                let opens = text[..at].chars().next_back().is_none_or(|c| !is_han(c) || c == '说');
                pick(&|e| opens && self.speech_at(text, e) && !self.word_spans(seg, at, e))
            };
            // A three-character word the segmenter could only guess by its
            // HMM (tag x), led by a surname and standing alone: a new name.
            let end = end.or_else(|| {
                let e = at + 9;
                if !ends.contains(&e) || !self.ends_name(text, e) {
                    return None;
                }
                seg.word_at(at).filter(|w| w.tag == "x" && w.end == e).map(|w| w.end)
            });
            if let Some(end) = end {
                confirmed.push(Candidate { start: at, end, role });
            }
        }
        // Names listed with a confirmed one: 江一舟、严文博获得…
        let mut extra = Vec::new();
        for c in &confirmed {
            if text[c.end..].starts_with('、') {
                let at = c.end + '、'.len_utf8();
                let (ends, n) = self.names_at(text, at);
                if let Some(&end) = ends[..n].iter().rev().find(|&&e| self.boundary(seg, at, e)) {
                    extra.push(Candidate { start: at, end, role: c.role.clone() });
                }
            }
        }
        confirmed.extend(extra);
        // Every mention of a confirmed name.
        let names: HashSet<&str> = confirmed.iter().map(|c| &text[c.start..c.end]).collect();
        let mut found: Vec<Found> = confirmed
            .iter()
            .map(|c| Found {
                start: c.start,
                end: c.end,
                detail: Detail::Person { name: text[c.start..c.end].to_string(), role: c.role.clone() },
            })
            .collect();
        let taken: HashSet<usize> = confirmed.iter().map(|c| c.start).collect();
        let mut roles: rustc_hash::FxHashMap<&str, Option<String>> = rustc_hash::FxHashMap::default();
        for c in &confirmed {
            roles.entry(&text[c.start..c.end]).or_insert_with(|| c.role.clone());
        }
        // One pass over the text for all the names (a search per name was
        // quadratic on long pages, which confirm thousands of names).
        let names: Vec<&str> = names.into_iter().collect();
        for m in FewWords::new(&names).occurrences(text) {
            let (at, name) = (m.start, names[m.index]);
            if !taken.contains(&at) && self.ends_name(text, m.end) {
                let role = roles.get(name).cloned().flatten();
                found.push(Found { start: at, end: m.end, detail: Detail::Person { name: name.to_string(), role } });
            }
        }
        found
    }

    /// Whether a name may span `start..end`: something that ends names
    /// follows, or the segmenter cut the name out as whole words.
    fn boundary(&self, seg: &Segmented, start: usize, end: usize) -> bool {
        self.ends_name(seg.text, end) || seg.aligned(start, end)
    }

    /// A multi-character dictionary word that starts inside the name and
    /// runs past it (张强说 is fine; 高新区 is not 高新 + 区).
    fn word_spans(&self, seg: &Segmented, start: usize, end: usize) -> bool {
        let first = seg.words.partition_point(|w| w.start < start);
        seg.words[first..].iter().take_while(|w| w.start < end).any(|w| w.end > end)
    }

    /// The title right before a name, with what qualifies it (滨江高新区工委书记).
    fn role_before(&self, text: &str, at: usize) -> Option<String> {
        let before = &text[..at];
        self.roles.matching(before).next()?;
        // Run back to the clause start.
        let clause_start = before
            .char_indices()
            .rev()
            .take(ROLE_MAX_CHARS)
            .take_while(|&(_, c)| is_han(c) || c.is_ascii_alphanumeric())
            .last()
            .map_or(at, |(i, _)| i);
        let phrase = &before[clause_start..];
        // Drop leading function words (来自, 据) so the role starts at its noun.
        let phrase = ["据", "由", "在", "是", "经", "让", "请", "与", "和", "据悉"]
            .iter()
            .find_map(|p| phrase.strip_prefix(p))
            .unwrap_or(phrase);
        Some(phrase.to_string())
    }
}

impl Default for PeopleFinder {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::with_segmented;

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        let mut found = with_segmented(text, |seg| PeopleFinder::new().find(seg));
        found.sort_by_key(|f| f.start);
        found
            .into_iter()
            .map(|f| match f.detail {
                Detail::Person { name, role } => (name, role),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn every_surname_is_read_as_one() {
        let finder = PeopleFinder::new();
        for surname in data_lines(SURNAMES) {
            assert_eq!(finder.surname_at(surname, 0), Some(surname.len()), "{surname}");
        }
    }

    #[test]
    fn names_after_titles_with_their_role() {
        let list = people("开年以来，滨海新区工委书记王建国每周走访企业不少于3家。");
        assert_eq!(list, [("王建国".to_string(), Some("滨海新区工委书记".to_string()))]);
    }

    #[test]
    fn speakers_before_verbs_of_speech() {
        let list = people("“发展是第一要务。”刘晓明说，今年将加快建设。刘晓明表示满意。");
        let names: Vec<&str> = list.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["刘晓明", "刘晓明"]);
    }

    #[test]
    fn listed_names_and_no_false_people() {
        let list = people("冠军江一舟、严文博获得了金牌。高新区发展很快，王府井很热闹。");
        let names: Vec<&str> = list.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["江一舟", "严文博"]);
    }
}
