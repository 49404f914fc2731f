//! Organizations: known names, names grown leftwards from an organization
//! word, declared abbreviations (`（以下简称经开区）`) and the short forms a
//! name goes by later in the text (`星河云帆智能装备股份有限公司` … `星河云帆`).
//!
//! Every mention carries the canonical (longest, first declared) name, so
//! the analysis can list each organization once with its aliases.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Segmented;
use crate::analysis::{Detail, Found};
use crate::data_lines;
use crate::lexicon::{Affixes, FewWords, Hit};
use crate::repair::{compact, han_chars, one_of};

const SUFFIXES: &str = include_str!("../../data/entities/org_suffixes.txt");
const KNOWN: &str = include_str!("../../data/entities/orgs.txt");
const GENERIC: &str = include_str!("../../data/entities/generic.txt");
const ABBREVIATIONS: &str = include_str!("../../data/entities/abbreviations.tsv");
const LEGAL_FORMS: &str = include_str!("../../data/entities/legal_forms.txt");
const BOUNDARIES: &str = include_str!("../../data/entities/boundaries.txt");
const APPOSITIVES: &str = include_str!("../../data/entities/appositives.txt");
const EVENTS: &str = include_str!("../../data/entities/events.txt");
const PLACES: &str = include_str!("../../data/entities/places.txt");

/// How much an organization word needs before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Any name-like words (考古 + 研究院).
    Strong,
    /// A proper name (蓝箭 + 航天), not a common word (新 + 能源).
    Weak,
    /// A place (上海市 + 数据局), since alone these are generic (产业局).
    Place,
    /// A place, and no verb right before (街道 + 社区, not 走进 + 社区).
    Local,
}

/// Words that open a name though the dictionary calls them common nouns.
const NAME_OPENERS: [&str; 6] = ["国家", "全国", "中华", "中央", "国际", "世界"];
/// How far a name may grow leftwards from its organization word.
const MAX_WORDS: usize = 8;
const MAX_CHARS: usize = 30;
/// A short form used alone must be this long unless it is a whole word.
const SHORT_FORM_MIN_CHARS: usize = 4;

pub struct OrgFinder {
    /// Organization words by their last character, longest first.
    suffixes: Affixes<Strength>,
    /// Known names and their other names (the lexicon whose hits `find`
    /// reads), each with the canonical name it points at; and the same
    /// forms as a set, asked of single words.
    known_forms: Vec<String>,
    known_canonical: Vec<String>,
    known_form_set: HashSet<String>,
    generic: HashSet<&'static str>,
    abbreviations: Vec<(&'static str, &'static str)>,
    legal_forms: Vec<&'static str>,
    boundaries: HashSet<&'static str>,
    appositives: HashSet<&'static str>,
    /// People's titles: a list with one (工会主席、副总经理…) lists people.
    titles: Affixes,
    events: Affixes,
    /// Names the user gave: kept as given even when only an alias is written.
    user_names: HashSet<String>,
    /// Place names, to find the short form of 南京华瑞生物制品有限公司 (华瑞生物).
    places: Vec<&'static str>,
}

/// Every name of the known organizations, the user's first, and the
/// canonical name of each.
#[inline(never)] // out of `OrgFinder::with_user`: see the crate's docs on hot loops
fn known_names(user: &[(String, Vec<String>)]) -> (Vec<String>, Vec<String>) {
    let mut forms = Vec::new();
    let mut canonical_names = Vec::new();
    for (name, aliases) in user {
        for form in std::iter::once(name).chain(aliases) {
            forms.push(form.clone());
            canonical_names.push(name.clone());
        }
    }
    for line in data_lines(KNOWN) {
        let mut names = line.split('\t').map(str::trim).filter(|s| !s.is_empty());
        let Some(canonical) = names.next() else {
            continue;
        };
        for form in std::iter::once(canonical).chain(names) {
            forms.push(form.to_string());
            canonical_names.push(canonical.to_string());
        }
    }
    (forms, canonical_names)
}

/// An organization mention before linking: span and the name as written.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    name: String,
    /// A name found in full (known, grown, declared); short forms of these
    /// are looked for elsewhere.
    full: bool,
}

impl OrgFinder {
    pub fn new() -> Self {
        Self::with_user(&[])
    }

    /// With the user's organizations (name, aliases) first in the lexicon.
    pub fn with_user(user: &[(String, Vec<String>)]) -> Self {
        let suffixes = data_lines(SUFFIXES).filter_map(|l| {
            let (w, s) = l.split_once('\t')?;
            let s = match s.trim() {
                "strong" => Strength::Strong,
                "weak" => Strength::Weak,
                "place" => Strength::Place,
                "local" => Strength::Local,
                _ => return None,
            };
            Some((w, s))
        });
        let (forms, known_canonical) = known_names(user);
        let mut legal_forms: Vec<&'static str> = data_lines(LEGAL_FORMS).collect();
        legal_forms.sort_by_key(|w| std::cmp::Reverse(w.len()));
        OrgFinder {
            suffixes: Affixes::suffixes(suffixes),
            known_form_set: forms.iter().cloned().collect(),
            known_forms: forms,
            known_canonical,
            generic: data_lines(GENERIC).collect(),
            abbreviations: data_lines(ABBREVIATIONS).filter_map(|l| l.split_once('\t')).collect(),
            legal_forms,
            boundaries: data_lines(BOUNDARIES).collect(),
            appositives: data_lines(APPOSITIVES).collect(),
            titles: super::titles_ending(),
            events: Affixes::suffixes(data_lines(EVENTS).map(|e| (e, ()))),
            places: data_lines(PLACES).collect(),
            user_names: user.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    /// The known names and their other names: the lexicon whose hits
    /// [`OrgFinder::find`] reads.
    pub fn known_forms(&self) -> &[String] {
        &self.known_forms
    }

    // `find`'s helpers are kept out of it (`inline(never)`): inlined, they
    // made one 33 KB wasm function that V8's optimizing tier took 70 ms to
    // compile while the first analysis ran, on a 2-core machine.
    /// `known`: the hits of [`OrgFinder::known_forms`] in the text.
    pub fn find(&self, seg: &Segmented, known: &[Hit]) -> Vec<Found> {
        let text = seg.text;
        let mut mentions: Vec<Mention> = Vec::new();
        for m in known {
            if seg.aligned(m.start, m.end) || text[m.start..m.end].chars().count() >= SHORT_FORM_MIN_CHARS {
                let name = self.known_canonical[m.index].clone();
                mentions.push(Mention { start: m.start, end: m.end, name, full: true });
            }
        }
        for k in 0..seg.words.len() {
            // Most words end no organization word: `grown` (large) is called
            // for those that do.
            if let Some(suffix) = self.suffix_ending_at(seg, k) {
                mentions.extend(self.grown(seg, k, suffix));
            }
        }
        // Lists with an organization in them, or of a kind of organization
        // (索尼、博世、巴斯夫等企业; 机构弗劳恩霍夫、德国TÜV): every member is one.
        let listed = self.list_members(seg, &mentions);
        mentions.extend(listed);
        mentions.extend(publications(text));
        // Declared abbreviations: X（以下简称Y）.
        let mut aliases: HashMap<String, String> = HashMap::default();
        for i in 0..mentions.len() {
            for (s, e, alias) in declared_aliases(text, mentions[i].end) {
                aliases.insert(alias.clone(), mentions[i].name.clone());
                mentions.push(Mention { start: s, end: e, name: alias, full: false });
            }
        }
        // Short forms of every full name, looked for everywhere.
        for m in mentions.iter().filter(|m| m.full) {
            for form in self.short_forms(&m.name) {
                if form != m.name && !self.generic.contains(form.as_str()) {
                    match aliases.get(&form) {
                        Some(other) if other != &m.name => {
                            aliases.insert(form, String::new()); // ambiguous: two owners
                        }
                        _ => {
                            aliases.insert(form, m.name.clone());
                        }
                    }
                }
            }
        }
        aliases.retain(|_, owner| !owner.is_empty());
        let forms: Vec<&String> = aliases.keys().collect();
        if !forms.is_empty() {
            for m in FewWords::new(&forms).leftmost_longest(text) {
                let form = forms[m.index];
                if seg.aligned(m.start, m.end) || form.chars().count() >= SHORT_FORM_MIN_CHARS {
                    mentions.push(Mention { start: m.start, end: m.end, name: form.clone(), full: false });
                }
            }
        }
        // Canonical names: an alias points at its owner (transitively, once).
        mentions.sort_by_key(|m| (m.start, m.end));
        mentions.dedup_by_key(|m| (m.start, m.end));
        let resolved: Vec<(usize, usize, String)> = mentions
            .into_iter()
            .map(|m| {
                let mut name = m.name;
                for _ in 0..3 {
                    match aliases.get(&name) {
                        Some(owner) if owner != &name => name = owner.clone(),
                        _ => break,
                    }
                }
                (m.start, m.end, name)
            })
            .collect();
        // A name never written in this text (国家药品监督管理局 when only 国家药监局
        // is) gives way to the longest form that is.
        let mut written: HashMap<&str, &str> = HashMap::default();
        for (s, e, name) in &resolved {
            let surface = &text[*s..*e];
            if self.user_names.contains(name) {
                continue;
            }
            let best = written.entry(name.as_str()).or_insert(surface);
            if surface == name || (*best != name && surface.len() > best.len()) {
                *best = surface;
            }
        }
        resolved
            .iter()
            .map(|(s, e, name)| {
                let name = compact(written.get(name.as_str()).copied().unwrap_or(name)).into_owned();
                Found { start: *s, end: *e, detail: Detail::Org { name } }
            })
            .collect()
    }

    /// Members of 、-separated lists that are lists of organizations: one
    /// member is already known to be one, an organization noun stands
    /// before the list (机构弗劳恩霍夫、…) or after its 等 (…等企业).
    #[inline(never)] // see `find`
    fn list_members(&self, seg: &Segmented, mentions: &[Mention]) -> Vec<Mention> {
        // Where each full mention starts, with the end of the shortest one starting there.
        let mut shortest_from: HashMap<usize, usize> = HashMap::default();
        for m in mentions.iter().filter(|m| m.full) {
            let end = shortest_from.entry(m.start).or_insert(m.end);
            *end = (*end).min(m.end);
        }
        let mut out = Vec::new();
        // The separators are found in the text's bytes (comparing every
        // word to 、 was 6% of the pass); `next`: the first word a list may
        // start at, past the last list.
        let mut next = 0;
        for at in memchr::memmem::find_iter(seg.text.as_bytes(), "、".as_bytes()) {
            let Some(i) = seg.word_index_at(at).filter(|&i| i >= next && seg.word(i) == "、") else { continue };
            next = self.list_at(seg, i, &shortest_from, &mut out);
        }
        out
    }

    /// The list whose first separator is word `i`, its members pushed to
    /// `out` if it is a list of organizations; where to look on from.
    #[inline(never)] // see `find`
    fn list_at(
        &self,
        seg: &Segmented,
        i: usize,
        shortest_from: &HashMap<usize, usize>,
        out: &mut Vec<Mention>,
    ) -> usize {
        let words = seg.words;
        let is_sep = |i: usize| seg.word(i) == "、";
        // The first member: name-like words back from the first separator.
        let mut first = i;
        while first > 0 {
            let t = seg.word(first - 1);
            let tag = words[first - 1].tag;
            if !name_like(t, tag) || self.boundaries.contains(t) || self.appositives.contains(t) {
                break;
            }
            first -= 1;
        }
        while first < i && verb(words[first].tag) {
            first += 1;
        }
        let before = first.checked_sub(1).map(|b| seg.word(b));
        let mut members = vec![(first, i)];
        // Following members, up to 等 or a word that cannot be in a name.
        let mut at = i + 1;
        let mut end_at;
        loop {
            let start = at;
            while at < words.len()
                && !is_sep(at)
                && seg.word(at) != "等"
                // Inside a member, a direction word belongs to the name (海尔华东总部).
                && (name_like(seg.word(at), words[at].tag) || (words[at].tag == "f" && at > start))
                && !self.boundaries.contains(seg.word(at))
            {
                if verb(words[at].tag) && at > start {
                    break;
                }
                at += 1;
            }
            members.push((start, at));
            end_at = at;
            if at < words.len() && is_sep(at) {
                at += 1;
                continue;
            }
            break;
        }
        // What follows 等: a kind of organization within a few words.
        let after_kind = end_at < words.len()
            && seg.word(end_at) == "等"
            && (end_at + 1..(end_at + 5).min(words.len())).any(|k| self.appositives.contains(seg.word(k)));
        // A member that is, or opens with, an organization already found.
        let known = members
            .iter()
            .any(|&(a, b)| a < b && shortest_from.get(&words[a].start).is_some_and(|&end| end <= words[b - 1].end));
        let kind_before = before.is_some_and(|w| self.appositives.contains(w));
        // Titles make it a list of people (工会主席、副总经理邵文澜).
        let titled =
            || members.iter().any(|&(a, b)| (a..b).any(|k| self.titles.matching(seg.word(k)).next().is_some()));
        if (after_kind || known || kind_before) && !titled() {
            for &(a, b) in &members {
                // A member names something: no verbs (主动对接), and one
                // common word alone is not a name (数据, 北京).
                let tags: Vec<&str> = (a..b).map(|k| words[k].tag).collect();
                let has_verb = tags.iter().any(|t| verb(t));
                let proper_one = tags.len() == 1 && matches!(tags[0], "nz" | "nr" | "nrt" | "x" | "j" | "eng" | "nt");
                if a >= b || has_verb || !(tags.len() > 1 || proper_one) {
                    continue;
                }
                let (s, e) = (words[a].start, words[b - 1].end);
                let name = compact(&seg.text[s..e]).into_owned();
                let chars = name.chars().count();
                let numeral =
                    name.chars().next().is_some_and(|c| c.is_numeric() || one_of(c, "一二三四五六七八九十两"));
                if (2..=12).contains(&chars) && !numeral && !self.generic.contains(name.as_str()) {
                    out.push(Mention { start: s, end: e, name, full: true });
                }
            }
        }
        end_at.max(i + 1)
    }

    /// The organization word ending with word `k` (it may span words:
    /// 合作 + 区): the suffix and the index of the word it starts in.
    fn suffix_ending_at(&self, seg: &Segmented, k: usize) -> Option<(&'static str, Strength, usize)> {
        let end = seg.words[k].end;
        for (suffix, strength) in self.suffixes.matching(&seg.text[..end]) {
            let at = end - suffix.len();
            let k0 = (0..=k).rev().find(|&i| seg.words[i].start <= at)?;
            // A suffix must not start inside an earlier word (…学|会 is not 学会).
            if k0 < k && seg.words[k0].start != at {
                continue;
            }
            return Some((suffix, strength, k0));
        }
        None
    }

    /// The organization's name word `k` ends, if it ends one (see `grow`).
    #[inline(never)] // out of `find`'s loop over words: see the crate's docs on hot loops
    fn grown(&self, seg: &Segmented, k: usize, suffix: (&'static str, Strength, usize)) -> Option<Mention> {
        let start = self.grow(seg, k, suffix)?;
        let end = seg.words[k].end;
        Some(Mention { start, end, name: compact(&seg.text[start..end]).into_owned(), full: true })
    }

    /// If word `k`, which ends the organization word `suffix` (from
    /// `suffix_ending_at`), ends an organization's name: where the name starts.
    fn grow(
        &self,
        seg: &Segmented,
        k: usize,
        (suffix, strength, k0): (&'static str, Strength, usize),
    ) -> Option<usize> {
        let word = seg.word(k0);
        // The suffix starts inside its word (海洋研究院), not at a word start (合作 + 区).
        let suffix_inside = seg.words[k].end - suffix.len() > seg.words[k0].start;
        // 东部, 布局: generic words that merely end like an organization word.
        if k0 == k && self.generic.contains(word) && word != suffix {
            return None;
        }
        let tag = seg.words[k0].tag;
        if suffix_inside && matches!(tag, "v" | "d" | "f" | "p" | "c" | "u" | "r" | "m" | "q" | "a" | "ad" | "t") {
            return None;
        }
        // A one-character word the segmenter calls a verb is an organization
        // word after a noun (物理学|会, 金融|办), not after a verb or an
        // adverb (可能|会).
        if k0 == k && tag == "v" && word.chars().nth(1).is_none() && k0 > 0 {
            let before = seg.words[k0 - 1].tag;
            if verb(before) || before.starts_with('d') {
                return None;
            }
        }
        // Name-like words to the left, nearest first.
        let mut chain: Vec<usize> = Vec::with_capacity(MAX_WORDS);
        let mut chars = han_chars(&seg.text[seg.words[k0].start..seg.words[k].end]);
        let mut j = k0;
        while j > 0 && chain.len() < MAX_WORDS {
            let i = j - 1;
            let t = seg.word(i);
            let t_tag = seg.words[i].tag;
            // A name in quotes inside the name (东坝镇“红枫”志愿服务队): the
            // quotes and the words they hold join the chain whole.
            if let Some(open) = quoted_name_before(seg, i) {
                let inner = han_chars(&seg.text[seg.words[open].start..seg.words[i].end]);
                if chars + inner > MAX_CHARS {
                    break;
                }
                chars += inner;
                chain.extend((open..=i).rev());
                j = open;
                continue;
            }
            let joiner = t == "和" && i > 0 && name_like(seg.word(i - 1), seg.words[i - 1].tag);
            if !(name_like(t, t_tag) || joiner) || self.boundaries.contains(t) || self.appositives.contains(t) {
                break;
            }
            // A person's title is a name's right before an organization
            // word (律师|事务所, 作家|协会), a sentence's further on
            // (嘉宾主持人|滨海日报社): the person holding it at the organization.
            if chain.last().is_some_and(|&right| self.suffixes.matching(seg.word(right)).next().is_none())
                && self.titles.matching(t).any(|(title, ())| title == t)
            {
                break;
            }
            // A verb before a name's opening word ends the words before it
            // (提升|国家智造基地); so does one before an organization the
            // dictionary knows whole (增速超|中资银行), or a verb of two
            // characters before its abbreviation (流入|工商银行; one character
            // can be the abbreviation's own, cut off: 住|建委).
            let opening = || match chain.last() {
                Some(&right) => self.opens_name(seg, right),
                None => {
                    k0 == k
                        && (tag == "nt"
                            || ((tag == "j" || self.known_form_set.contains(word)) && t.chars().nth(1).is_some()))
                }
            };
            if verb(t_tag) && opening() {
                break;
            }
            if chars + han_chars(t) > MAX_CHARS {
                break;
            }
            chars += han_chars(t);
            chain.push(i);
            j = i;
        }
        // 和 joins two parts of one name only after a place (杭州市人力资源和社会保障局).
        if let Some(pos) = chain.iter().position(|&i| seg.word(i) == "和") {
            if chain.last().is_none_or(|&i| seg.words[i].tag != "ns") {
                chain.truncate(pos);
            }
        }
        // A name does not open with a verb: trim them from the far end.
        while chain.last().is_some_and(|&i| seg.words[i].tag.starts_with('v') && !self.opens_name(seg, i)) {
            chain.pop();
        }
        let start_word = chain.last().copied();
        let start = start_word.map_or(seg.words[k0].start, |i| seg.words[i].start);
        let name = compact(&seg.text[start..seg.words[k].end]);
        let core = name.strip_suffix(suffix).unwrap_or(&name);
        if han_chars(core) < 2
            || self.generic.contains(&*name)
            || self.generic.contains(core)
            || self.events.matching(&name).next().is_some()
        {
            return None;
        }
        let first = start_word.unwrap_or(k0);
        let ok = match strength {
            Strength::Strong => true,
            // A place or a national body opens it (上海市数据局, 国家智造基地), or
            // the dictionary knows the whole as an organization (北京市政府).
            Strength::Place => {
                placed(seg, first, start_word.is_some())
                    || (k0 == k && suffix_inside && tag == "nt" && start_word.is_none())
            }
            // As a place's, and no verb right before it: that is the
            // sentence's (东坝镇干部走进|社区), where a name can hold one
            // before other organization words (投资促进|局, 留学|中心).
            Strength::Local => {
                !chain.first().is_some_and(|&b| verb(seg.words[b].tag)) && placed(seg, first, start_word.is_some())
            }
            // The word right before the organization word is a proper name
            // (or a name in quotes).
            Strength::Weak => {
                !suffix_inside
                    && chain.first().is_some_and(|&b| self.proper(seg, b) || quoted_name_before(seg, b).is_some())
            }
        };
        ok.then_some(start)
    }

    /// A word that can open an organization's name: a place, an
    /// organization, a proper noun, a word the dictionary does not know.
    fn opens_name(&self, seg: &Segmented, i: usize) -> bool {
        let w = seg.word(i);
        matches!(seg.words[i].tag, "ns" | "nt" | "nz" | "j" | "nrt" | "eng")
            || NAME_OPENERS.contains(&w)
            || self.known_form_set.contains(w)
            || self.proper(seg, i)
    }

    /// A proper name: known organization, abbreviation, foreign word, or a
    /// word jieba found by its HMM (not in the dictionary: tag `x` or a
    /// multi-character word it could only guess).
    fn proper(&self, seg: &Segmented, i: usize) -> bool {
        let w = seg.word(i);
        let tag = seg.words[i].tag;
        let numeral = w.chars().next().is_some_and(|c| c.is_numeric() || one_of(c, "一二三四五六七八九十两"));
        self.known_form_set.contains(w)
            || matches!(tag, "j" | "eng")
            || (tag == "x" && !numeral && han_chars(w) >= 2 && w.chars().all(|c| c.is_alphanumeric()))
    }

    /// Shorter names the same organization goes by.
    #[inline(never)] // see `find`
    fn short_forms(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (long, short) in &self.abbreviations {
            if let Some(head) = name.strip_suffix(long) {
                out.push(format!("{head}{short}"));
                if han_chars(head) > 0 {
                    out.push(short.to_string());
                }
            }
        }
        if let Some(core) = self.legal_forms.iter().find_map(|f| name.strip_suffix(f)).filter(|c| han_chars(c) >= 2) {
            // Without the place it opens with: 南京华瑞生物制品 → 华瑞生物制品; a
            // place and a common noun (上海数据) is no name on its own.
            let place = self.places.iter().filter(|p| core.starts_with(**p)).max_by_key(|p| p.len());
            let place = place.map(|p| {
                let rest = &core[p.len()..];
                rest.strip_prefix(['市', '省']).unwrap_or(rest)
            });
            let core = match place {
                Some(rest) if han_chars(rest) >= 3 => rest,
                Some(_) => return out,
                None => core,
            };
            out.push(core.to_string());
            let chars: Vec<char> = core.chars().collect();
            if chars.len() > SHORT_FORM_MIN_CHARS {
                out.push(chars[..SHORT_FORM_MIN_CHARS].iter().collect());
            }
        }
        out
    }
}

impl Default for OrgFinder {
    fn default() -> Self {
        Self::new()
    }
}

/// Journals and papers named in title marks: 《自然》杂志, 期刊《科学》.
fn publications(text: &str) -> Vec<Mention> {
    const AFTER: [&str; 6] = ["杂志", "期刊", "周刊", "日报", "晚报", "学报"];
    const BEFORE: [&str; 4] = ["期刊", "杂志", "刊物", "报纸"];
    let mut out = Vec::new();
    for (open, _) in text.match_indices('《') {
        let inner = open + '《'.len_utf8();
        let Some(len) = text[inner..].find('》').filter(|&l| l > 0 && l <= 60) else { continue };
        let end = inner + len + '》'.len_utf8();
        let named = &text[inner..inner + len];
        if named.contains(['《', '\n']) {
            continue;
        }
        if AFTER.iter().any(|w| text[end..].starts_with(w)) || BEFORE.iter().any(|w| text[..open].ends_with(w)) {
            out.push(Mention { start: open, end, name: text[open..end].to_string(), full: true });
        }
    }
    out
}

/// A verb's tag (`v`, `vd` …), not a verbal noun's (`vn`, which names hold: 发展研究中心).
fn verb(tag: &str) -> bool {
    tag.starts_with('v') && tag != "vn"
}

/// Whether a name that opens with word `first` (a word before the
/// organization word if `grown`) is a place's or a national body's.
fn placed(seg: &Segmented, first: usize, grown: bool) -> bool {
    seg.words[first].tag == "ns" || (grown && matches!(seg.word(first), "国家" | "全国" | "中华" | "中央"))
}

/// If word `close` closes quotes around a short name (“红枫”, 「星火」):
/// the index of the word that opens them. A name: one to four name-like
/// words, two to eight characters, none a verb or a quality.
fn quoted_name_before(seg: &Segmented, close: usize) -> Option<usize> {
    let opening = match seg.word(close) {
        "”" => "“",
        "」" => "「",
        "’" => "‘",
        _ => return None,
    };
    let mut chars = 0;
    for open in (close.saturating_sub(5)..close).rev() {
        let word = seg.word(open);
        if word == opening {
            return (open + 1 < close && (2..=8).contains(&chars)).then_some(open);
        }
        // Scare quotes hold verbs and qualities (“封杀”, “高大上”), names do not.
        let tag = seg.words[open].tag;
        if !name_like(word, tag) || verb(tag) || tag.starts_with(['a', 'd']) {
            return None;
        }
        chars += word.chars().count();
    }
    None
}

/// Words that may stand inside an organization's name.
fn name_like(word: &str, tag: &str) -> bool {
    // The common case first: the CJK blocks every code point of which is
    // alphabetic (`is_alphanumeric` looks non-ASCII characters up in tables).
    let alphanumeric = |c: char| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) || c.is_alphanumeric();
    // 的 ties the sentence's words, never a name's (有的是).
    if !word.chars().all(|c| (alphanumeric(c) && c != '的') || c == '·') {
        return false;
    }
    // Schools numbered in their city: 八中, 十一中, 一小.
    let mut chars = word.chars().rev();
    if matches!(chars.next(), Some('中' | '小'))
        && chars.clone().count() > 0
        && chars.all(|c| one_of(c, "一二三四五六七八九十"))
    {
        return true;
    }
    // HMM words that start with a numeral are clause openers (三是), not names.
    if tag == "x" && word.chars().next().is_some_and(|c| one_of(c, "一二三四五六七八九十两")) {
        return false;
    }
    tag.starts_with('n') || matches!(tag, "j" | "vn" | "an" | "b" | "s" | "l" | "eng" | "v" | "x" | "nz" | "g")
}

/// `（以下简称经开区）`, `(简称高新区,也称滨江新城)` right after `end`: the
/// aliases and their spans.
fn declared_aliases(text: &str, end: usize) -> Vec<(usize, usize, String)> {
    let rest = &text[end..];
    let Some(open) = ['(', '（'].iter().find(|&&c| rest.starts_with(c)) else {
        return Vec::new();
    };
    let body_start = end + open.len_utf8();
    let Some(close) = text[body_start..].find([')', '）']).filter(|&c| c <= 60) else {
        return Vec::new();
    };
    let body = &text[body_start..body_start + close];
    let mut out = Vec::new();
    // Each part between separators (of one byte or three), with where it starts.
    let separators = body.match_indices([',', '，', '、', ';', '；']).map(|(i, sep)| (i, sep.len()));
    let mut from = 0;
    for (to, sep_len) in separators.chain(std::iter::once((body.len(), 0))) {
        let (part, at) = (&body[from..to], body_start + from);
        from = to + sep_len;
        let mut p = part;
        let mut off = 0;
        let mut marked = false;
        for marker in ["以下简称", "以下称", "下称", "简称", "也称", "又称", "俗称", "原称"] {
            if let Some(i) = p.find(marker) {
                off += i + marker.len();
                p = &p[i + marker.len()..];
                marked = true;
                break;
            }
        }
        if !marked {
            continue;
        }
        let trimmed = p.trim_start_matches(['“', '"', '「', '《', ':', '：', ' ']);
        off += p.len() - trimmed.len();
        let alias = trimmed.trim_end_matches(['”', '"', '」', '》', ' ']);
        if han_chars(alias) >= 2 && alias.chars().count() <= 16 {
            out.push((at + off, at + off + alias.len(), alias.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::with_segmented;

    fn orgs(text: &str) -> Vec<(String, String)> {
        let finder = OrgFinder::new();
        let known = crate::lexicon::hits_of(finder.known_forms(), text);
        let mut found = with_segmented(text, |seg| finder.find(seg, &known));
        found.sort_by_key(|f| f.start);
        found
            .into_iter()
            .map(|f| match f.detail {
                Detail::Org { name } => (text[f.start..f.end].to_string(), name),
                _ => unreachable!(),
            })
            .collect()
    }

    fn has(list: &[(String, String)], surface: &str, name: &str) -> bool {
        list.iter().any(|(s, n)| s == surface && n == name)
    }

    #[test]
    fn lists_of_organizations_but_not_of_titles() {
        let list = orgs("远帆、松石、青禾等企业参加了展会。");
        for name in ["远帆", "松石", "青禾"] {
            assert!(has(&list, name, name), "{list:?}");
        }
        // A list after an organization that is a list of its officers.
        let list = orgs("青川重工集团工会主席、副总经理邵文澜出席。");
        assert!(has(&list, "青川重工集团", "青川重工集团"), "{list:?}");
        assert!(!list.iter().any(|(s, _)| s.contains("邵文澜")), "{list:?}");
        // A photo caption's 图为 is no part of a name.
        let list = orgs("图为青川重工集团的装配车间。");
        assert!(has(&list, "青川重工集团", "青川重工集团"), "{list:?}");
    }

    #[test]
    fn names_grow_from_organization_words() {
        let list = orgs("近日，浙江省海洋研究院、西溪湿地管理处和江南大学在现场共同举办活动。");
        assert!(has(&list, "浙江省海洋研究院", "浙江省海洋研究院"), "{list:?}");
        assert!(has(&list, "江南大学", "江南大学"), "{list:?}");
    }

    #[test]
    fn a_verb_before_an_organization_the_dictionary_knows_ends_its_name() {
        assert_eq!(orgs("今年该行存款增速超招商银行。"), [("招商银行".to_string(), "招商银行".to_string())]);
        let list = orgs("市民投诉物业拖欠北京大学附属医院款项。");
        assert!(has(&list, "北京大学附属医院", "北京大学附属医院"), "{list:?}");
        assert!(list.iter().all(|(s, _)| s.starts_with("北京大学")), "{list:?}");
    }

    #[test]
    fn declarations_after_wide_separators_are_read_where_they_are() {
        // Full-width separators are three bytes: the parts after them start where they are.
        for (text, aliases) in [
            ("甲公司(、以下简称甲司；又称甲方)", ["甲司", "甲方"].as_slice()),
            ("□本报记者 林晓有限公司(、（以下简称经开区）", &["经开区"]),
        ] {
            let found = declared_aliases(text, text.find('(').unwrap());
            assert_eq!(found.iter().map(|(.., alias)| alias.as_str()).collect::<Vec<_>>(), aliases, "{text}");
            for (s, e, alias) in &found {
                assert_eq!(&text[*s..*e], alias, "{text}");
            }
        }
    }

    #[test]
    fn declared_abbreviations_link_to_the_full_name() {
        let list = orgs("记者从滨海经济技术开发区（以下简称经开区）获悉，经开区今年引进项目20个。");
        assert!(has(&list, "滨海经济技术开发区", "滨海经济技术开发区"), "{list:?}");
        assert_eq!(list.iter().filter(|(s, n)| s == "经开区" && n == "滨海经济技术开发区").count(), 2, "{list:?}");
    }

    #[test]
    fn short_forms_of_companies_link_back() {
        let list = orgs("星河云帆智能装备股份有限公司发布新品。星河云帆表示，明年将扩产。");
        assert!(has(&list, "星河云帆智能装备股份有限公司", "星河云帆智能装备股份有限公司"), "{list:?}");
        assert!(has(&list, "星河云帆", "星河云帆智能装备股份有限公司"), "{list:?}");
    }

    #[test]
    fn journals_schools_and_national_bases() {
        let list = orgs("研究成果发表于国际学术期刊《星海》杂志。推进滨江六中分校建设，提升国家智造基地效能。");
        assert!(has(&list, "《星海》", "《星海》"), "{list:?}");
        assert!(
            has(&list, "滨江六中分校", "滨江六中分校") || list.iter().any(|(s, _)| s.ends_with("六中分校")),
            "{list:?}"
        );
        assert!(has(&list, "国家智造基地", "国家智造基地"), "{list:?}");
        assert!(orgs("他在《人民的名义》中出演。").is_empty());
    }

    #[test]
    fn communities_and_committees_take_their_whole_administrative_chain() {
        let list = orgs("滨江区临湖街道枫林东苑社区组织志愿者清理楼道，社区居民积极参与。");
        assert!(has(&list, "滨江区临湖街道枫林东苑社区", "滨江区临湖街道枫林东苑社区"), "{list:?}");
        // Alone, a community is no name.
        assert!(list.iter().all(|(s, _)| s != "社区"), "{list:?}");
        let list = orgs("杭州市松溪居委会召开会议。");
        assert!(has(&list, "杭州市松溪居委会", "杭州市松溪居委会"), "{list:?}");
        // The verb before it is the sentence's.
        let list = orgs("滨江区临湖镇干部走进社区。");
        assert!(list.iter().all(|(s, _)| !s.ends_with("社区")), "{list:?}");
    }

    #[test]
    fn a_name_in_quotes_stays_inside_the_organizations_name() {
        let list = orgs("昨天，东坝镇“红枫”志愿服务队走进临湖小区，“绿野”合作社也来了。");
        assert!(has(&list, "东坝镇“红枫”志愿服务队", "东坝镇“红枫”志愿服务队"), "{list:?}");
        assert!(has(&list, "“绿野”合作社", "“绿野”合作社"), "{list:?}");
        // Scare quotes around a verb are no name.
        let list = orgs("多地“封杀”松石银行的消息不实。");
        assert!(list.iter().all(|(s, _)| !s.contains('”')), "{list:?}");
    }

    #[test]
    fn the_sentence_around_a_name_stays_out_of_it() {
        // A dateline, a name's former or local standing, a clause with 的.
        let text = "本报讯滨海银行今日发布公告。原滨江市城建研究院已经改制。这类理财产品有的是松石银行发行的。";
        let list = orgs(text);
        for name in ["滨海银行", "滨江市城建研究院", "松石银行"] {
            assert!(has(&list, name, name), "{name}: {list:?}");
        }
        assert!(list.iter().all(|(s, _)| !s.starts_with(['本', '原']) && !s.contains('的')), "{list:?}");
        // Verbs before an abbreviation the dictionary knows, or before a
        // one-character organization word it calls a verb.
        assert_eq!(orgs("储户可能会大量转入工商银行账户。"), [("工商银行".to_string(), "工商银行".to_string())]);
        assert!(orgs("湖南省可能会出台新政。").is_empty());
        // Verbs of the sentence between two names (收购, 告上).
        let list = orgs("松石银行收购民营信托公司的方案获批，随后两名业主把物业告上法院。");
        assert!(has(&list, "松石银行", "松石银行"), "{list:?}");
        assert!(list.iter().all(|(s, _)| !s.contains("收购") && !s.contains("告上")), "{list:?}");
        // A person's title before the name is the sentence's; right before
        // an organization word, the name's.
        let list = orgs("嘉宾主持人松石传媒公司副总裁发言，滨江市律师协会参加，滨江省书法家协会理论委员会也参加。");
        for name in ["松石传媒公司", "滨江市律师协会", "滨江省书法家协会理论委员会"] {
            assert!(has(&list, name, name), "{name}: {list:?}");
        }
        assert!(list.iter().all(|(s, _)| !s.contains("主持人")), "{list:?}");
        // A one-character verb can be the abbreviation's own.
        let list = orgs("天津市住建委今天发出通知。");
        assert!(has(&list, "天津市住建委", "天津市住建委"), "{list:?}");
    }

    #[test]
    fn generic_words_are_not_organizations() {
        let list = orgs("该公司表示，有关部门和企业正在研究，产业局将在东部布局。");
        assert!(list.is_empty(), "{list:?}");
        let list = orgs("今年又有上市公司5家落户，商业银行贷款增长。");
        assert!(list.is_empty(), "{list:?}");
    }

    #[test]
    fn place_words_need_a_place() {
        let list = orgs("上海市数据局发布通知，产业局负责落实。");
        assert!(has(&list, "上海市数据局", "上海市数据局"), "{list:?}");
        assert!(!list.iter().any(|(s, _)| s == "产业局"), "{list:?}");
    }

    #[test]
    fn known_organizations_and_aliases() {
        let list = orgs("国家发改委和工信部联合发文，华为和比亚迪参与。");
        // Only the short forms are written, so they are the names (GUIDELINES: "if only a short form appears").
        assert!(has(&list, "国家发改委", "国家发改委"), "{list:?}");
        assert!(has(&list, "工信部", "工信部"), "{list:?}");
        assert!(has(&list, "比亚迪", "比亚迪"), "{list:?}");
        let list = orgs("国家发展和改革委员会（国家发改委）发布通知。国家发改委表示。");
        assert!(list.iter().filter(|(_, n)| n == "国家发展和改革委员会").count() >= 3, "{list:?}");
        // Regulators and exchanges of financial news, current and former.
        let list = orgs("上海证券交易所发布新规，上交所、深交所和银保监会均有回应。");
        assert!(has(&list, "上交所", "上海证券交易所"), "{list:?}");
        for name in ["深交所", "银保监会"] {
            assert!(has(&list, name, name), "{name}: {list:?}");
        }
    }
}
