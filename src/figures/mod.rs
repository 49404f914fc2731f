//! Figures and dates: every quantity with its value in base units, unit,
//! kind, qualifier, range and direction of change; and every date or time,
//! which is never a figure.
//!
//! One left-to-right scan over the repaired text reads a number where one
//! can start (`numerals`), then what follows it: a date marker (年/月/日/时),
//! a unit from `data/figures/units.tsv`, `多`/`余`, a range (`至`, `-`), a
//! suffix qualifier (`以上`); and what precedes it: a prefix qualifier
//! (`超过`, `近`), a verb of change (`增长`), an ordinal `第` (not a figure).
//! A number with no unit is a figure only when scaled (`3亿`) or a
//! fraction: bare numbers are mostly identifiers (`深圳1688科技集团`).

mod numerals;

use serde::Serialize;

use crate::analysis::{Detail, Found};
use crate::data_lines;
use crate::lexicon::{Affixes, Hit};
use crate::repair::one_of;
use crate::segment::Segmented;
use numerals::{parse, starts_number, Number};

const UNITS: &str = include_str!("../../data/figures/units.tsv");
const QUALIFIERS: &str = include_str!("../../data/figures/qualifiers.tsv");
const CHANGES: &str = include_str!("../../data/figures/changes.tsv");
const DATES: &str = include_str!("../../data/figures/dates.txt");
const LINKS: &str = include_str!("../../data/figures/links.txt");
/// A measure is at most this many words and characters.
const MEASURE_MAX_WORDS: usize = 4;
const MEASURE_MAX_CHARS: usize = 12;

/// An enum whose values are read from the data files and written to the
/// output by one name each (`as_str`, which `Serialize` writes), so the two
/// cannot disagree, and the JavaScript binding can hand over the names
/// without serializing.
macro_rules! named {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

named!(
    /// What a figure measures, by its unit.
    FigureKind {
        Money = "money",
        Percent = "percent",
        Count = "count",
        Area = "area",
        Length = "length",
        Speed = "speed",
        Weight = "weight",
        Power = "power",
        Compute = "compute",
        Duration = "duration",
        Multiple = "multiple",
        Fraction = "fraction",
        Age = "age",
        Other = "other",
    }
);

named!(
    /// 超过/余/多 (over), 不足/以下 (under), 约/近/左右 (about).
    Qualifier {
        Over = "over",
        Under = "under",
        About = "about",
    }
);

named!(
    /// The direction a verb of change gives a figure.
    Change {
        Up = "up",
        Down = "down",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    pub value: f64,
    pub value_to: Option<f64>,
    pub unit: String,
    pub figure_kind: FigureKind,
    pub qualifier: Option<Qualifier>,
    pub measure: Option<String>,
    /// The direction a verb of change gives it (`同比增长37.5%`: up).
    pub change: Option<Change>,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    unit: &'static str,
    kind: FigureKind,
    factor: f64,
    arabic_only: bool,
}

/// The loaded tables; build once.
pub struct FigureFinder {
    /// The units as written, by first character: tried after every number.
    units: Affixes<Unit>,
    /// Qualifiers before a figure (indexed by their last character), after
    /// it (by their first), and verbs of change before it: tried at every
    /// figure, by the character that meets it.
    prefixes: Affixes<Qualifier>,
    suffixes: Affixes<Qualifier>,
    changes: Affixes<Change>,
    /// Words that are dates on their own (今年, 上半年), found by the analyzer's lexicons.
    date_words: Vec<&'static str>,
    eras: Vec<&'static str>,
    links: rustc_hash::FxHashSet<&'static str>,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// A figure in Chinese numerals that is only the start of a longer word
/// (零部|件, 三角|洲, 一线|城市): the word, not a number, is what is written.
fn inside_a_word(seg: &Segmented, f: &Found) -> bool {
    let text = &seg.text[f.start..f.end];
    !text.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && seg.word_at(f.start).is_some_and(|w| w.end > f.end && w.tag != "m")
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Connectors of a range: `1500万元至1600万元`, `3-5年`.
const RANGE: [&str; 7] = ["至", "到", "-", "—", "~", "～", "－"];
/// What may follow a year (2024年上半年) inside the same date.
const YEAR_TAILS: [&str; 10] = ["上半年", "下半年", "年初", "年底", "年末", "初", "底", "末", "年中", "前"];
const MONTH_TAILS: [&str; 6] = ["上旬", "中旬", "下旬", "初", "底", "末"];

impl FigureFinder {
    pub fn new() -> Self {
        let mut units = Vec::new();
        for line in data_lines(UNITS) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            let (Some(kind), Some(factor)) = (FigureKind::parse(cols[2]), crate::parse_number(cols[3])) else {
                continue;
            };
            let arabic_only = cols.get(4).is_some_and(|f| f.contains("arabic"));
            units.push((cols[0], Unit { unit: cols[1], kind, factor, arabic_only }));
        }
        // A unit written twice reads as its first line (Affixes keeps the order).
        let units = Affixes::prefixes(units);
        let mut prefixes = Vec::new();
        let mut suffixes = Vec::new();
        for line in data_lines(QUALIFIERS) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if let [pos, word, q] = cols[..] {
                let Some(q) = Qualifier::parse(q) else { continue };
                match pos {
                    "prefix" => prefixes.push((word, q)),
                    "suffix" => suffixes.push((word, q)),
                    _ => {}
                }
            }
        }
        let (prefixes, suffixes) = (Affixes::suffixes(prefixes), Affixes::prefixes(suffixes));
        let changes = Affixes::suffixes(data_lines(CHANGES).filter_map(|l| {
            let (w, d) = l.split_once('\t')?;
            Some((w, Change::parse(d.trim()).unwrap_or(Change::Up)))
        }));
        let mut words = Vec::new();
        let mut eras = Vec::new();
        for line in data_lines(DATES) {
            match line.strip_prefix("@era\t") {
                Some(era) => eras.push(era),
                None => words.push(line.trim()),
            }
        }
        let date_words = words;
        let links = data_lines(LINKS).map(str::trim).collect();
        FigureFinder { units, prefixes, suffixes, changes, date_words, eras, links }
    }

    /// The longest unit at byte `at`, with its length in bytes.
    fn unit_at(&self, text: &str, at: usize) -> Option<(Unit, usize)> {
        let rest = text.get(at..)?;
        for (word, unit) in self.units.matching(rest) {
            let end = word.len();
            // An ASCII unit must end its word: 5000P, not 5000PC.
            let last = word.chars().next_back()?;
            if last.is_ascii_alphabetic() && char_at(rest, end).is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            return Some((unit, end));
        }
        None
    }

    /// Every figure and date of the segmented text, by byte offsets, each
    /// figure with what it measures when the clause says it.
    /// `date_words`: the hits of [`FigureFinder::date_words`] in the text.
    pub fn find(&self, seg: &Segmented, date_words: &[Hit]) -> Vec<Found> {
        let mut found = self.scan(seg.text, date_words);
        found.retain(|f| !inside_a_word(seg, f));
        for f in &mut found {
            if let Detail::Figure(fig) = &mut f.detail {
                fig.measure = self.measure(seg, f.start);
            }
        }
        found
    }

    /// The noun phrase right before a figure, past linking words
    /// (软件业务收入 in 软件业务收入实现316亿元).
    #[inline(never)] // out of `find`'s loop over figures: see the crate's docs on hot loops
    fn measure(&self, seg: &Segmented, start: usize) -> Option<String> {
        let mut i = seg.words.partition_point(|w| w.end <= start);
        // Skip the linking words (and a prefix qualifier) before the figure.
        while i > 0 && self.links.contains(seg.word(i - 1)) {
            i -= 1;
        }
        let last = i.checked_sub(1)?;
        let mut end = seg.words[last].end;
        let mut chars = 0;
        // A link the segmenter glued to the word before it (营收超, 费高达,
        // 全长约): the word's head is the phrase's last piece. In a word its
        // HMM guessed (x), or a noun whose head is a word of its own, never
        // in a noun of the dictionary (条约, 合约) or a word of another kind (总共).
        let (word, tag) = (seg.word(last), seg.words[last].tag);
        let at = self.links_from(word);
        let head = &word[..at];
        let glued = tag == "x" || (tag.starts_with('n') && head.chars().nth(1).is_some());
        if 0 < at && at < word.len() && glued && is_measure_word(tag, head) {
            end = seg.words[last].start + at;
            chars = head.chars().count();
            i -= 1;
        }
        while i > 0 && last + 1 - i < MEASURE_MAX_WORDS {
            let w = &seg.words[i - 1];
            let word = seg.word(i - 1);
            if !is_measure_word(w.tag, word) || chars + word.chars().count() > MEASURE_MAX_CHARS {
                break;
            }
            chars += word.chars().count();
            i -= 1;
        }
        (i <= last && chars >= 2).then(|| seg.text[seg.words[i].start..end].to_string())
    }

    /// Where the linking words a word ends with start (`word.len()` when
    /// it ends with none, 0 when it is made of them: 已近, 为).
    fn links_from(&self, word: &str) -> usize {
        let mut at = word.len();
        while let Some((k, _)) = word[..at].char_indices().find(|&(k, _)| self.links.contains(&word[k..at])) {
            at = k;
            if at == 0 {
                break;
            }
        }
        at
    }

    /// Date words (今年, 上半年): the lexicon whose hits [`FigureFinder::find`] reads.
    pub fn date_words(&self) -> &[&'static str] {
        &self.date_words
    }

    /// Every figure and date of `text`, by byte offsets.
    fn scan(&self, text: &str, date_words: &[Hit]) -> Vec<Found> {
        let mut found = Vec::new();
        for m in date_words {
            found.push(Found {
                start: m.start,
                end: m.end,
                detail: Detail::Date { name: text[m.start..m.end].to_string() },
            });
        }
        // (The characters of `text[base..]`, from where the scan resumed.)
        let (mut base, mut chars) = (0, text.char_indices());
        while let Some((k, c)) = chars.next() {
            let i = base + k;
            if !starts_number(c) || !self.starts_here(text, i, c) {
                continue;
            }
            let resume = self.read_into(text, i, &mut found);
            if resume > i + c.len_utf8() {
                let Some(rest) = text.get(resume..) else { break };
                (base, chars) = (resume, rest.char_indices());
            }
        }
        found
    }

    /// Reads the figure at `start` into `found`, if there is one; where
    /// the scan resumes.
    #[inline(never)] // out of `scan`'s loop over characters: see the crate's docs on hot loops
    fn read_into(&self, text: &str, start: usize, found: &mut Vec<Found>) -> usize {
        match self.read(text, start) {
            Read::Found(f) => {
                let end = f.end;
                found.push(f);
                end
            }
            Read::Skip(end) => end,
        }
    }

    /// Numbers start at word edges: not inside `P4`, `S1`, `v2.0`, `3,456`.
    fn starts_here(&self, text: &str, i: usize, c: char) -> bool {
        let digit_before = |at: usize| char_before(text, at).is_some_and(|p| p.is_ascii_digit());
        match char_before(text, i) {
            // After a letter a number is part of a model name (L4, P4, S1).
            Some(p) if p.is_ascii_alphanumeric() => false,
            // Inside 2.5 or 3,456 (but a comma also ends clauses: 创新,14项).
            Some(p @ ('.' | ',')) => !(c.is_ascii_digit() && digit_before(i - p.len_utf8())),
            _ => true,
        }
    }

    fn read(&self, text: &str, start: usize) -> Read {
        let Some(n) = parse(text, start) else {
            return Read::Skip(start);
        };
        // 第47届, 第一: ordinals are not figures.
        if char_before(text, start) == Some('第') {
            let end = self.unit_at(text, n.end).map_or(n.end, |(_, len)| n.end + len);
            return Read::Skip(end);
        }
        if let Some(end) = self.date_end(text, start, &n) {
            let begin = self.era_before(text, start).unwrap_or(start);
            return Read::Found(Found {
                start: begin,
                end,
                detail: Detail::Date { name: text[begin..end].to_string() },
            });
        }
        self.figure(text, start, n)
    }

    /// An era name right before `start` (乾隆四十年).
    fn era_before(&self, text: &str, start: usize) -> Option<usize> {
        self.eras.iter().find(|e| text[..start].ends_with(**e)).map(|e| start - e.len())
    }

    /// Where the date starting with number `n` ends, if it is one.
    fn date_end(&self, text: &str, start: usize, n: &Number) -> Option<usize> {
        let rest = &text[n.end..];
        let int = n.integer && !n.more && !n.scaled;
        let v = n.value;
        let year = int
            && rest.starts_with('年')
            && ((n.arabic && n.int_digits == 4 && (1000.0..2200.0).contains(&v))
                || (n.positional && n.int_digits == 4)
                || self.era_before(text, start).is_some());
        let mut end = if year {
            let mut e = n.end + '年'.len_utf8();
            if let Some(t) = YEAR_TAILS.iter().find(|t| text[e..].starts_with(**t)) {
                e += t.len();
            }
            e
        } else {
            // A month (3月), a day written in digits (2日, 2号), an hour (7时, 8点半).
            let month = (1.0..=12.0).contains(&v) && rest.starts_with('月');
            let day = n.arabic && (1.0..=31.0).contains(&v) && (rest.starts_with('日') || rest.starts_with('号'));
            let hour = (0.0..=24.0).contains(&v)
                && (rest.starts_with('时') || rest.starts_with('点'))
                && self.clock_follows(text, n.end);
            if !(int && (month || day || hour)) {
                return None;
            }
            n.end
        };
        // Month, day and clock parts that follow: 2025年5月8日9时15分.
        loop {
            if let Some(e) = self.date_part(text, end) {
                end = e;
                continue;
            }
            // A range of dates: 3月2日至3日.
            if let Some(conn) = RANGE.iter().find(|r| text[end..].starts_with(**r)) {
                let after = end + conn.len();
                if let Some(e) = self.date_part(text, after) {
                    end = e;
                    continue;
                }
            }
            break;
        }
        Some(end)
    }

    /// Whether `时`/`点` at `at` is a clock time (7时37分, 17时) and not 点 of a decimal.
    fn clock_follows(&self, text: &str, at: usize) -> bool {
        let after = &text[at + '时'.len_utf8()..];
        text[at..].starts_with('时') || after.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '半')
    }

    /// One date part at `at`: `N月`, `N日`/`N号`, `N时`/`N点`, `N分`, and the
    /// tails (上旬, 底); its end.
    fn date_part(&self, text: &str, at: usize) -> Option<usize> {
        // The marker of the previous number, when the date starts with one.
        for marker in ['年', '月', '日', '号', '时', '点', '分'] {
            if text[at..].starts_with(marker) {
                let mut e = at + marker.len_utf8();
                if marker == '月' {
                    if let Some(t) = MONTH_TAILS.iter().find(|t| text[e..].starts_with(**t)) {
                        e += t.len();
                    }
                }
                if marker == '点' && text[e..].starts_with('半') {
                    e += '半'.len_utf8();
                }
                return Some(e);
            }
        }
        // Clock minutes keep their leading zero (9时05分), so digits are read plainly here.
        let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
        let (value, end) = if digits > 0 {
            (text[at..at + digits].parse::<f64>().ok()?, at + digits)
        } else {
            let c = char_at(text, at)?;
            if !one_of(c, "一二三四五六七八九十") {
                return None;
            }
            let n = parse(text, at)?;
            if !n.integer || n.more || n.scaled {
                return None;
            }
            (n.value, n.end)
        };
        let fits = match char_at(text, end)? {
            '月' => (1.0..=12.0).contains(&value),
            '日' | '号' => (1.0..=31.0).contains(&value),
            '时' | '点' => (0.0..=24.0).contains(&value),
            '分' => (0.0..60.0).contains(&value),
            _ => false,
        };
        fits.then(|| self.date_part(text, end)).flatten()
    }

    fn figure(&self, text: &str, start: usize, n: Number) -> Read {
        if n.positional {
            return Read::Skip(n.end);
        }
        let mut end = n.end;
        let mut more = n.more;
        // 半日: half a day.
        if n.value == 0.5 && text[start..].starts_with("半日") {
            let end = start + "半日".len();
            return self.finish(text, start, end, 0.5, None, "天", FigureKind::Duration, false);
        }
        // A Latin letter right after the number: 6G, 4K, 3D are names.
        let unit = self.unit_at(text, end).filter(|(u, _)| !u.arabic_only || n.arabic);
        if unit.is_none() && char_at(text, end).is_some_and(|c| c.is_ascii_alphabetic()) {
            return Read::Skip(end);
        }
        let (unit_name, kind, factor) = match unit {
            Some((u, len)) => {
                end += len;
                (u.unit, u.kind, u.factor)
            }
            None if n.percent => ("%", FigureKind::Percent, 1.0),
            None if n.fraction => ("", FigureKind::Fraction, 1.0),
            None if n.scaled => ("", FigureKind::Count, 1.0),
            // 1500至1600万元: the unit comes after the range.
            None => match self.range_end(text, end, "") {
                Some((_, _, Some(u))) => (u.unit, u.kind, u.factor),
                _ => return Read::Skip(end),
            },
        };
        let kind = if n.percent { FigureKind::Percent } else { kind };
        // 一 alone with a measure word is an idiom more often than a count (一家企业, 一批).
        if n.lone_one && matches!(kind, FigureKind::Count | FigureKind::Duration | FigureKind::Other | FigureKind::Age)
        {
            return Read::Skip(end);
        }
        // 半 is a figure only as half of a time span (半日, 半年).
        if n.value == 0.5 && text[start..].starts_with('半') && kind != FigureKind::Duration {
            return Read::Skip(end);
        }
        // 3年多, 3倍多: 多 after the unit.
        if unit.is_some()
            && (text[end..].starts_with('多') || text[end..].starts_with('余'))
            && !self.starts_word_with_more(text, end)
        {
            more = true;
            end += '多'.len_utf8();
        }
        let mut value = n.value * factor;
        let mut value_to = None;
        // A range: 1500万元至1600万元, 700家至900, 1500至1600万元.
        if let Some((to, to_end, to_unit)) = self.range_end(text, end, unit_name) {
            value_to = Some(to.0 * factor);
            if unit.is_none() && to_unit.is_some() {
                // 1500至1600万元: the first number takes the second's scale.
                value *= to.1;
            }
            end = to_end;
        }
        if unit.is_none() && value_to.is_none() && !n.scaled && !n.percent && !n.fraction {
            return Read::Skip(end);
        }
        // A bare Chinese number with no unit counts only when it ends in its
        // scale (百亿, 3亿), and never as the adverbs 千万, 万万, 万一.
        if unit.is_none() && n.scaled && !n.arabic {
            let written = &text[start..n.end];
            if !written.ends_with(['万', '亿']) || ["千万", "万万", "万一"].contains(&written) {
                return Read::Skip(end);
            }
        }
        self.finish(text, start, end, value, value_to, unit_name, kind, more)
    }

    /// The figure at `start..end`, with the qualifier and change its
    /// neighbours give it.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        text: &str,
        start: usize,
        end: usize,
        value: f64,
        value_to: Option<f64>,
        unit: &str,
        kind: FigureKind,
        more: bool,
    ) -> Read {
        let prefix = self.prefix_before(text, start);
        let mut qualifier = if more { Some(Qualifier::Over) } else { None };
        if let Some((_, q, word)) = prefix {
            // 近两年 is "the past two years", not "nearly two years".
            if !(word == "近" && kind == FigureKind::Duration) {
                qualifier = qualifier.or(Some(q));
            }
        }
        if let Some((_, q)) = self.suffixes.matching(&text[end..]).next() {
            qualifier = qualifier.or(Some(q));
        }
        let change_at = prefix.map_or(start, |(at, _, _)| at);
        let change = self.change_before(text, change_at);
        Read::Found(Found {
            start,
            end,
            detail: Detail::Figure(Box::new(Figure {
                value,
                value_to,
                unit: unit.to_string(),
                figure_kind: kind,
                qualifier,
                measure: None,
                change,
            })),
        })
    }

    /// 多 that begins the next word (3年多元化) is not "more than".
    fn starts_word_with_more(&self, text: &str, at: usize) -> bool {
        ["多元", "多样", "多种", "多家", "多个", "多方", "多项", "多次", "多地", "多位", "多名", "多所"]
            .iter()
            .any(|w| text[at..].starts_with(w))
    }

    /// The far end of a range starting after a figure that ends at `at`:
    /// ((value, scale of the second number), end, unit of the second).
    /// The unit itself, not its normalized name: that is not always a unit
    /// as written (个月 is read as 月).
    fn range_end(&self, text: &str, at: usize, unit: &str) -> Option<((f64, f64), usize, Option<Unit>)> {
        let conn = RANGE.iter().find(|r| text[at..].starts_with(**r))?;
        let from = at + conn.len();
        let second = parse(text, from)?;
        if second.percent || second.fraction {
            return None;
        }
        let mut end = second.end;
        let second_unit = self.unit_at(text, end);
        let scale = if second.scaled {
            // the multiplier of the second number (1600万 → 1e4)
            let digits: f64 =
                text[from..second.end].trim_end_matches(['万', '亿', '千', '百', '十']).parse().unwrap_or(second.value);
            if digits > 0.0 {
                second.value / digits
            } else {
                1.0
            }
        } else {
            1.0
        };
        match second_unit {
            Some((u, len)) if u.unit == unit || unit.is_empty() => end += len,
            Some(_) => return None,
            None if unit.is_empty() => return None,
            None => {}
        }
        if self.date_end(text, from, &second).is_some() {
            return None;
        }
        Some(((second.value, scale), end, second_unit.map(|(u, _)| u)))
    }

    /// The prefix qualifier right before `start`: (its offset, qualifier, word).
    fn prefix_before(&self, text: &str, start: usize) -> Option<(usize, Qualifier, &'static str)> {
        let before = &text[..start];
        self.prefixes.matching(before).next().map(|(w, q)| (start - w.len(), q, w))
    }

    /// A verb of change right before `at` (同比增长37.5%, 下降了3个百分点).
    fn change_before(&self, text: &str, at: usize) -> Option<Change> {
        let mut before = &text[..at];
        for filler in ["了", "达到", "达", "为", "至", "到"] {
            if let Some(b) = before.strip_suffix(filler) {
                before = b;
                break;
            }
        }
        self.changes.matching(before).next().map(|(_, d)| d)
    }
}

impl Default for FigureFinder {
    fn default() -> Self {
        Self::new()
    }
}

enum Read {
    Found(Found),
    /// Nothing here; resume the scan at this offset.
    Skip(usize),
}

/// A word a measure is made of: nouns, and one-character modifiers
/// inside the phrase (全产业链产值, 算力总规模).
fn is_measure_word(tag: &str, word: &str) -> bool {
    let noun = (tag.starts_with('n') && !matches!(word, "全部" | "其中"))
        || matches!(tag, "vn" | "j" | "x" | "eng" | "an")
        || (matches!(tag, "a" | "b") && word.chars().count() == 1);
    noun && word.chars().all(char::is_alphanumeric)
}
