//! People: a surname and a one- or two-character given name, confirmed by
//! what stands next to it: a title before it (`工委书记王建国`), a verb of
//! speech after it (`…"张强说`), or a list with a confirmed name (`江一舟、严文博`).
//! A name the segmenter could only guess (not in its dictionary) is also
//! confirmed by a title after it (`陈立导演`) or a colon (`陈立：…`, a speaker
//! in an interview). Foreign names are written in transliteration
//! syllables: around a middle dot (`伊丽莎白·泰勒`) they are people on their
//! own, otherwise by a title or a verb of speech (`经济学家克鲁格曼说`). Once
//! confirmed, every other mention of the name in the text is a person too.
//! The title before the first confirmed mention (or right after it) is its
//! `role`.
//!
//! The segmenter has the last word on whether a surname is one: a name is
//! never cut out of a dictionary word that is no name (`记者高兴地…`,
//! `全程`), nor led by a surname character the segmenter reads as a function
//! word (`向记者介绍`: 向 is a preposition there).

use rustc_hash::FxHashSet as HashSet;

use super::Segmented;
use crate::analysis::{Detail, Found};
use crate::data_lines;
use crate::lexicon::{Affixes, CharFilter, FewWords};
use crate::repair::{is_han, one_of};

const SURNAMES: &str = include_str!("../../data/entities/surnames.txt");
const SPEECH: &str = include_str!("../../data/entities/speech.txt");
const TRANSLITERATION: &str = include_str!("../../data/entities/transliteration.txt");
const HONORIFICS: &str = include_str!("../../data/entities/honorifics.txt");

/// The middle dots between the parts of a foreign name.
const NAME_DOTS: [&str; 4] = ["·", "•", "‧", "・"];

/// Tags of words a surname character is not one as: prepositions,
/// conjunctions, adverbs, pronouns, particles.
fn function_tag(tag: &str) -> bool {
    matches!(tag.as_bytes().first(), Some(b'p' | b'c' | b'd' | b'r' | b'u' | b'y' | b'e' | b'o'))
}

/// Whether the words in `start..end` (a given name's) include no
/// function word (`function_tag`).
fn no_function_words(seg: &Segmented, start: usize, end: usize) -> bool {
    !seg.words_in(start, end).iter().any(|g| function_tag(g.tag))
}

/// Words a speaker's name may follow in its clause: a conjunction or
/// preposition (而张强表示, 据张强介绍), or a verb of speech.
fn opens_clause(c: char) -> bool {
    one_of(c, "说而但并据对由则又且")
}

/// Tags of names: jieba's person tags, and its HMM's guesses (a word it
/// does not know).
fn name_tag(tag: &str) -> bool {
    tag.starts_with("nr") || tag == "x"
}

/// Last characters of organizations' and places' names, which names of
/// people hardly end with; 姓 (李姓市民: a man surnamed 李) and 副, which
/// opens a title (原副部长).
const NOT_NAME_ENDINGS: [char; 23] = [
    '区', '委', '局', '会', '院', '所', '部', '办', '厅', '处', '站', '队', '司', '厂', '校', '市', '县', '省', '镇',
    '乡', '村', '姓', '副',
];

/// A role runs back from the name at most this far (滨江高新区党工委组织部常务副部长).
const ROLE_MAX_CHARS: usize = 24;

pub struct PeopleFinder {
    surnames: HashSet<&'static str>,
    /// The first characters of the surnames: most positions of a text are
    /// ruled out by one test of a bit.
    surname_initials: CharFilter,
    /// The surnames of one character, and the first characters of those of
    /// two (复姓): a surname character is then told by bits, not looked up
    /// (two look-ups at one position in seven of a news text).
    single_surnames: CharFilter,
    compound_initials: CharFilter,
    /// Titles, by their last character (before a name) and by their first
    /// (after one).
    roles: Affixes,
    roles_after: Affixes,
    /// Verbs of speech.
    speech: Affixes,
    /// The syllables foreign names are written in.
    transliteration: CharFilter,
    /// Forms of address, never a given name.
    honorifics: HashSet<&'static str>,
}

/// The lines of a data file as a set.
#[inline(never)] // out of the constructor: see the crate's docs on hot loops
fn word_set(text: &'static str) -> HashSet<&'static str> {
    data_lines(text).collect()
}

struct Candidate {
    start: usize,
    end: usize,
    role: Option<String>,
}

impl PeopleFinder {
    pub fn new() -> Self {
        // Each set is built by a function of its own, out of this one: see
        // the crate's docs on hot loops.
        let surnames = word_set(SURNAMES);
        let single = |s: &&&str| s.chars().nth(1).is_none();
        PeopleFinder {
            surname_initials: surnames.iter().filter_map(|s| s.chars().next()).collect(),
            single_surnames: surnames.iter().filter(single).flat_map(|s| s.chars()).collect(),
            compound_initials: surnames.iter().filter(|s| !single(s)).filter_map(|s| s.chars().next()).collect(),
            surnames,
            roles: super::titles_ending(),
            roles_after: super::titles_starting(),
            speech: Affixes::prefixes(data_lines(SPEECH).map(|w| (w, ()))),
            transliteration: data_lines(TRANSLITERATION).flat_map(str::chars).filter(|c| !c.is_whitespace()).collect(),
            honorifics: word_set(HONORIFICS),
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
        if self.compound_initials.may_contain(first) {
            let three = chars.next().map_or(rest.len(), |(i, _)| i);
            if self.surnames.contains(&rest[..three]) {
                return Some(three);
            }
        }
        // (Beyond the BMP the filter is coarse: the set decides.)
        let single = self.single_surnames.may_contain(first)
            && (u32::from(first) < 0x1_0000 || self.surnames.contains(&rest[..two]));
        single.then_some(two)
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

    /// The name from `start` (ending at one of `ends`) that stands as a
    /// word the segmenter guessed (tag x): one that a title after it or a
    /// colon may confirm, weaker signs than a title before or a verb of
    /// speech after (an organization's name comes before titles too, and
    /// the dictionary calls 阿根廷 and 高新区 names). So no word of the
    /// dictionary, nor a guess that ends like an organization's or a
    /// place's name (卫健委), a surname alone (李姓) or a foreign word (a
    /// foreign name is `add_foreign`'s).
    fn guessed_name(&self, seg: &Segmented, start: usize, ends: &[usize]) -> Option<usize> {
        // Bits first: asked of most surnames, which start no word ending there.
        if !ends.iter().any(|&e| seg.aligned(start, e)) {
            return None;
        }
        self.confirmable_guess(seg, start, ends)
    }

    #[inline(never)] // the rare case, out of `candidate_at`
    fn confirmable_guess(&self, seg: &Segmented, start: usize, ends: &[usize]) -> Option<usize> {
        let word = seg.word_at(start).filter(|w| w.tag == "x" && ends.contains(&w.end))?;
        let name = &seg.text[start..word.end];
        (!self.transliterated(name) && !name.ends_with(NOT_NAME_ENDINGS)).then_some(word.end)
    }

    /// The title that starts at `at` and ends a word (陈立|导演|执导).
    fn title_at(&self, seg: &Segmented, at: usize) -> Option<&'static str> {
        self.roles_after.matching(&seg.text[at..]).find(|(t, ())| seg.aligned(at, at + t.len())).map(|(t, ())| t)
    }

    /// Whether a verb of speech follows the name `start..end`, one the
    /// segmenter did not read as the end of a longer name: in 郑国强调研 it
    /// read 郑国强 as one word, and 强调 would run past it.
    fn speech_after(&self, seg: &Segmented, start: usize, end: usize) -> bool {
        let mut verbs = self.speech.matching(&seg.text[end..]).peekable();
        // (Most names are followed by none: the word is looked up only then.)
        if verbs.peek().is_none() {
            return false;
        }
        let longer_name = seg.word_at(start).filter(|w| name_tag(w.tag) && w.end > end);
        verbs.any(|(verb, ())| longer_name.is_none_or(|w| end + verb.len() <= w.end))
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
            // Most characters start no surname: ruled out here, in the loop,
            // which stays small (see the crate's docs on hot loops).
            if self.may_start_surname(c) {
                confirmed.extend(self.candidate_at(seg, at));
            }
        }
        self.add_foreign(seg, &mut confirmed);
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

    /// The name a surname at byte `at` starts, if the text confirms one
    /// (a title before it, a verb of speech after it, …).
    #[inline(never)] // out of `find`'s loop over characters: see the crate's docs on hot loops
    fn candidate_at(&self, seg: &Segmented, at: usize) -> Option<Candidate> {
        let text = seg.text;
        let (ends, n) = self.names_at(text, at);
        if n == 0 {
            return None;
        }
        let ends = &ends[..n];
        let role = self.role_before(text, at);
        // Prefer the longer name when both could end here, unless the
        // shorter one is followed by a verb of speech (南逸说 is 南逸 + 说).
        let speech = ends.iter().position(|&e| self.speech_after(seg, at, e));
        let ends = match speech {
            Some(i) => &ends[..=i],
            None => ends,
        };
        // A speaker opens the clause, or follows a conjunction or
        // preposition (而张强表示, 据张强介绍).
        let opens = || text[..at].chars().next_back().is_none_or(|c| !is_han(c) || opens_clause(c));
        let end = if role.is_some() {
            ends.iter().rev().copied().find(|&e| self.boundary(seg, at, e) && self.plausible(seg, at, e))
        } else {
            // The name the verb of speech follows.
            speech.map(|i| ends[i]).filter(|&e| opens() && !self.word_spans(seg, at, e) && self.plausible(seg, at, e))
        };
        // A name the segmenter could only guess (`guessed_name`),
        // confirmed by a title right after it, which is then its role
        // (陈立导演), by a colon when it opens the clause (陈立：…, a
        // speaker in an interview), or, three characters long, by
        // standing alone before what ends names or before a form of
        // address (孙丽娟女士; two characters long, the guess is as often a
        // word and a surname: 评估师|姚先生).
        let (end, role) = match end {
            Some(e) => (Some(e), role),
            None => match self.guessed_name(seg, at, ends) {
                None => (None, role),
                Some(e) => match self.title_at(seg, e) {
                    Some(title) => (Some(e), Some(title.to_string())),
                    None => {
                        let colon = text[e..].starts_with(['：', ':']) && opens();
                        let alone = e == at + 9 && self.ends_name(text, e);
                        ((colon || alone || (e == at + 9 && self.addressed(seg, e))).then_some(e), role)
                    }
                },
            },
        };
        end.map(|end| Candidate { start: at, end, role })
    }

    /// Whether the segmenter lets `start..end` be a name: it is one word,
    /// a name or a guess; or it starts with a name, or with its surname as
    /// a word of its own that is no verb or function word, and goes on in
    /// words that are no function words (王/大海, 张照/新 and 赵/明说 are
    /// names, 盖文/在 and 成/了 are not); or the segmenter's guess ends with it
    /// (而纪平 is one unknown word to it: 纪平 after 而). No name cuts a word
    /// but a guess that glued it to what ends names (南逸说).
    #[inline(never)] // asked of few candidates, from `candidate_at`
    fn plausible(&self, seg: &Segmented, start: usize, end: usize) -> bool {
        match seg.word_at(start) {
            Some(w) if w.end > end => w.tag == "x" && self.ends_name(seg.text, end),
            Some(w) if w.end == end => name_tag(w.tag),
            Some(w) => {
                if self.honorifics.contains(&seg.text[w.end..end]) {
                    return false;
                }
                let surname_alone =
                    self.surname_at(seg.text, start) == Some(w.end - start) && !function_tag(w.tag) && w.tag != "v";
                // The given name ends a word, or the segmenter glued it to
                // the verb of speech after it (赵/明说).
                let given_ends = seg.aligned(w.end, end) || (seg.starts_word(w.end) && self.speech_at(seg.text, end));
                (name_tag(w.tag) || surname_alone) && given_ends && no_function_words(seg, w.end, end)
            }
            // The name starts inside a word the segmenter guessed: the
            // guess is the name, or glued the name's surname to a word
            // that opens a clause (据覃/海峰, 而纪平).
            None => {
                let i = seg.words.partition_point(|w| w.end <= start);
                seg.words.get(i).is_some_and(|w| {
                    let mut head = seg.text[w.start..start].chars();
                    let glued = head.next().is_some_and(opens_clause) && head.next().is_none();
                    w.tag == "x"
                        && (w.end == end
                            || (glued && w.end < end && seg.aligned(w.end, end) && no_function_words(seg, w.end, end)))
                })
            }
        }
    }

    /// Whether a form of address of two characters or more is the word at
    /// `end` (孙丽娟 + 女士): said after a whole name, as after a surname.
    fn addressed(&self, seg: &Segmented, end: usize) -> bool {
        seg.word_at(end).is_some_and(|w| {
            let word = &seg.text[w.start..w.end];
            word.chars().nth(1).is_some() && self.honorifics.contains(word)
        })
    }

    /// Whether `word` is written in transliteration syllables alone.
    fn transliterated(&self, word: &str) -> bool {
        !word.is_empty() && word.chars().all(|c| self.transliteration.may_contain(c) && is_han(c))
    }

    /// Foreign names: words of transliteration syllables joined by middle
    /// dots (伊丽莎白·泰勒), or one such word, tagged a name, after a title or
    /// before a verb of speech (部长哈特曼在, 克鲁格曼说). Added to `confirmed`
    /// where no name is yet or in place of shorter names inside them, in order.
    #[inline(never)] // out of `find`'s loop over characters: see the crate's docs on hot loops
    fn add_foreign(&self, seg: &Segmented, confirmed: &mut Vec<Candidate>) {
        let text = seg.text;
        let words = seg.words;
        let transliterated = |k: usize| self.transliterated(seg.word(k));
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            // Cheap tests first: this is asked of every word.
            let long_name = w.end - w.start >= 6 && name_tag(w.tag);
            if !(long_name || (i + 1 < words.len() && is_dot(seg, i + 1))) || !transliterated(i) {
                i += 1;
                continue;
            }
            // Syllables the segmenter cut off as words of their own belong
            // to the name: names (沃尔夫|斯贝格), or one syllable a name or a
            // noun (萨拉|赫, 达米|恩·罗斯特).
            let mut last = i;
            while name_tag(w.tag) && last + 1 < words.len() && transliterated(last + 1) && {
                let tag = words[last + 1].tag;
                name_tag(tag) || (seg.word(last + 1).chars().nth(1).is_none() && matches!(tag, "n" | "ng"))
            } {
                last += 1;
            }
            // Parts joined by single dots.
            let run_end = last;
            while last + 2 < words.len() && is_dot(seg, last + 1) && transliterated(last + 2) {
                last += 2;
            }
            let dotted = last > run_end;
            // A dotted name runs on over more syllables either side (汤姆·汉/克斯).
            let mut first = i;
            if dotted {
                while first > 0 && transliterated(first - 1) {
                    first -= 1;
                }
                while last + 1 < words.len() && transliterated(last + 1) {
                    last += 1;
                }
            }
            let (start, end) = (words[first].start, words[last].end);
            let chars = text[start..end].chars().count();
            // A name that goes on past a dot or into a place's syllables
            // (卡尔·莱茵…, 卡尔|加利…) ends where it cannot be told.
            let cut_short = last + 1 < words.len()
                && (is_dot(seg, last + 1) || (words[last + 1].tag == "ns" && transliterated(last + 1)));
            let one_word = !dotted && !cut_short && name_tag(w.tag) && (2..=6).contains(&chars);
            let dotted = dotted && chars >= 4;
            // A name opening a title is the work's (《哈利·波特》).
            if (dotted || one_word) && !text[..start].ends_with('《') {
                let role = self.role_before(text, start);
                if dotted || role.is_some() || self.speech_at(text, end) {
                    found.push(Candidate { start, end, role });
                }
            }
            i = last + 1;
        }
        if found.is_empty() {
            return;
        }
        // A foreign name goes where no name is, or takes the place of the
        // shorter names inside it (谢尔盖 of 谢尔盖科夫: a surname and the
        // syllables after it).
        for c in found {
            let overlapping = |k: &Candidate| k.start < c.end && c.start < k.end;
            let inside = |k: &Candidate| c.start <= k.start && k.end <= c.end && k.end - k.start < c.end - c.start;
            if confirmed.iter().any(|k| overlapping(k) && !inside(k)) {
                continue;
            }
            confirmed.retain(|k| !overlapping(k));
            confirmed.push(c);
        }
        confirmed.sort_by_key(|c| c.start);
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

/// Whether word `k` is one middle dot (the segmenter tags them `x`).
fn is_dot(seg: &Segmented, k: usize) -> bool {
    let w = &seg.words[k];
    w.end - w.start <= 3 && w.tag == "x" && NAME_DOTS.contains(&seg.word(k))
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

    fn names(text: &str) -> Vec<String> {
        people(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn every_surname_is_read_as_one() {
        let finder = PeopleFinder::new();
        for surname in data_lines(SURNAMES) {
            assert_eq!(finder.surname_at(surname, 0), Some(surname.len()), "{surname}");
        }
        // A compound surname before a single one; a single surname alone;
        // the first character of a compound one is not one by itself.
        assert_eq!(finder.surname_at("欧阳修", 0), Some("欧阳".len()));
        assert_eq!(finder.surname_at("上海", 0), None);
        assert_eq!(finder.surname_at("王", 0), Some("王".len()));
        for not_surname in ["的确", "𠀾王", "😀", ""] {
            assert_eq!(finder.surname_at(not_surname, 0), None, "{not_surname}");
        }
    }

    #[test]
    fn names_after_titles_with_their_role() {
        let list = people("开年以来，滨海新区工委书记王建国每周走访企业不少于3家。");
        assert_eq!(list, [("王建国".to_string(), Some("滨海新区工委书记".to_string()))]);
    }

    #[test]
    fn speakers_before_verbs_of_speech() {
        assert_eq!(names("“发展是第一要务。”刘晓明说，今年将加快建设。刘晓明表示满意。"), ["刘晓明", "刘晓明"]);
    }

    #[test]
    fn titles_of_office_press_and_trade_confirm_names() {
        assert_eq!(
            people("省交通厅规划司司长郑远航表示，工程年内完工。")[0],
            ("郑远航".into(), Some("省交通厅规划司司长".into()))
        );
        assert_eq!(names("（记者程思雨）昨日，市区气温回升。"), ["程思雨"]);
        assert_eq!(names("证券公司首席分析师冯启明认为，市场仍将震荡。"), ["冯启明"]);
        assert_eq!(names("村民邹长河告诉记者，新路修到了家门口。"), ["邹长河"]);
    }

    #[test]
    fn a_speaker_after_a_conjunction() {
        assert_eq!(names("而纪平表示，试点将扩大。"), ["纪平"]);
        // The segmenter reads 明说 as a word: the name is 赵明 all the same.
        assert_eq!(names("“订单翻了一番。”工厂总经理赵明说。"), ["赵明"]);
        assert_eq!(names("据陈海峰介绍，园区已有企业40家。"), ["陈海峰"]);
        // The segmenter glued the surname to 据 (据覃/明远): the name all the same.
        assert_eq!(names("据覃明远介绍，项目已投产。"), ["覃明远"]);
    }

    #[test]
    fn a_verb_of_speech_never_cuts_a_name_the_segmenter_read_whole() {
        // 郑国强/调研: 强调 would run past the name.
        assert_eq!(names("区委书记郑国强调研了园区建设。"), ["郑国强"]);
        // 郑国/强调: the segmenter read the verb.
        assert_eq!(names("区委书记郑国强调，要抓好生产。"), ["郑国"]);
    }

    #[test]
    fn a_guessed_name_before_a_title_or_a_colon() {
        assert_eq!(people("这部影片由陈立导演执导。"), [("陈立".to_string(), Some("导演".to_string()))]);
        assert_eq!(names("问：今年订单如何？陈立：增加了一倍。"), ["陈立"]);
        // Words of the dictionary (the dictionary tags these names), guesses
        // ending like an organization or a place, a surname alone.
        for none in
            ["高新区主任表示满意。", "阿根廷球员打进一球。", "卫健委：今年新增病例减少。", "有位李姓市民介绍了情况。"]
        {
            assert!(names(none).is_empty(), "{none}: {:?}", names(none));
        }
    }

    #[test]
    fn a_surname_read_as_another_word_is_none() {
        // 向 and 于 are prepositions here, 高兴 and 全程 are words of their own.
        assert!(names("该负责人向记者介绍了情况，总经理向有关部门反映。").is_empty());
        assert!(names("记者高兴地看到，记者全程参与了试验。").is_empty());
        // A name never ends inside a longer name, nor before a preposition.
        assert!(!names("外交部长盖文在会上表示。").iter().any(|n| n.ends_with('在')));
        // A form of address is not a given name.
        assert!(names("市民钱先生告诉记者，路灯修好了。").is_empty());
    }

    #[test]
    fn foreign_names_by_their_dots_and_their_context() {
        assert_eq!(names("作家玛格丽特·阿特伍德的新书出版。"), ["玛格丽特·阿特伍德"]);
        assert_eq!(names("经济学家克鲁格曼说，增长将放缓。"), ["克鲁格曼"]);
        // In a title it is the work's name.
        assert!(names("他读完了《哈利·波特》全集。").is_empty());
        // Places are written in the same syllables, but no dot joins them and no one speaks.
        assert!(names("巴西和阿根廷的球队在比赛。").is_empty());
    }

    #[test]
    fn foreign_names_the_segmenter_cut_apart_are_whole() {
        // 尔 and 切 are the syllables of many names.
        assert_eq!(names("军事专家卡尔波夫指出，演习规模很大。"), ["卡尔波夫"]);
        assert_eq!(names("球队主教练安切洛蒂说，阵容完整。"), ["安切洛蒂"]);
        // Cut into two names, or a name and a last syllable.
        assert_eq!(names("球队主教练沃尔夫斯贝格称，阵容完整。"), ["沃尔夫斯贝格"]);
        assert_eq!(names("球会董事弗里德里克森表示支持。"), ["弗里德里克森"]);
        // Before a dot too; and a surname that opens it does not make a shorter Chinese name.
        assert_eq!(names("雕塑家达米恩·罗斯特的展览开幕。"), ["达米恩·罗斯特"]);
        assert_eq!(names("该国外长谢尔盖科夫此前曾表示反对。"), ["谢尔盖科夫"]);
        assert_eq!(names("领队沃尔贝克表示，队伍会更好。"), ["沃尔贝克"]);
        // Not the first part of a name that goes on where it cannot be told.
        assert!(names("部长卡尔·莱茵表示反对。").iter().all(|n| n != "卡尔"));
    }

    #[test]
    fn a_form_of_address_confirms_a_whole_name() {
        assert_eq!(names("据了解，孙丽娟女士已经退休。"), ["孙丽娟"]);
        // After a surname alone it names no one.
        assert!(names("这笔费用由贺先生一人支付。").is_empty());
    }

    #[test]
    fn listed_names_and_no_false_people() {
        assert_eq!(names("冠军江一舟、严文博获得了金牌。高新区发展很快，王府井很热闹。"), ["江一舟", "严文博"]);
    }
}
