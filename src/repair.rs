//! Repair of pasted text: the canonical text every recognizer reads, and an
//! exact map from it back to the input.
//!
//! Text copied out of PDFs and e-papers carries the layout of the page it
//! came from: spaces where a line wrapped (`北京经济技术开发 区`, `2000 万公 里`),
//! paragraphs cut in the middle of a word (`储能电池试验生` / `产线`), full-width
//! digits and letters, CR line ends, byte-order marks and control
//! characters. Recognizers should not each learn to skip these, so this pass
//! removes them once. What it keeps:
//! - spaces between Latin words and digits (`Titan X2`, `1 500`);
//! - spaces inside short lines with no sentence punctuation (titles,
//!   bylines, credits), where they separate names (`■ 何川 宋嘉禾`);
//! - paragraph breaks, normalized to `\n`.
//!
//! The map is a list of edits: one input character replaced by one output
//! character of another length (a full-width digit by its ASCII form), or
//! input deleted; between them the text is copied. A span of the canonical
//! text that straddles a deletion maps to an input span that includes it,
//! which is what a highlight should cover.

use std::borrow::Cow;
use std::cell::Cell;

/// A stretch of the canonical text that does not map byte for byte to the
/// input: a character replaced by one of another length (`，` by `,`), or
/// input deleted before canonical byte `canon` (`canon_len` 0). Between
/// edits the text is the input's, shifted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    canon: usize,
    orig: usize,
    canon_len: usize,
    orig_len: usize,
}

/// The canonical text and its map back to the input (byte offsets).
#[derive(Debug, Clone)]
pub struct Repaired {
    pub text: String,
    /// In order. Only where the map is not a shift: a page of Chinese has
    /// a full-width comma every few words, and a record for every copied
    /// stretch as well took as much memory as the text.
    edits: Vec<Edit>,
    /// The input offset the canonical text has reached.
    orig_end: usize,
    /// Canonical offsets where spaces of the input were removed, in order:
    /// where a byline glued by the repair (`贺山周毅文/图`) had its breaks.
    pub soft_breaks: Vec<usize>,
}

impl Repaired {
    /// The input offset where a span starting at canonical byte `c` starts.
    pub fn orig_start(&self, c: usize) -> usize {
        self.orig_start_near(c, &Cell::new(0))
    }

    /// The input offset where a span ending at canonical byte `c` (exclusive) ends.
    pub fn orig_end(&self, c: usize) -> usize {
        self.orig_end_near(c, &Cell::new(0))
    }

    /// [`Repaired::orig_start`], looking for the edit from `hint` on (and
    /// leaving it there): offsets that come in order (an analysis's sorted
    /// spans) each take a step or two instead of a binary search.
    pub fn orig_start_near(&self, c: usize, hint: &Cell<usize>) -> usize {
        let i = self.edits_where(hint, |e| e.canon <= c);
        let Some(e) = i.checked_sub(1).map(|i| &self.edits[i]) else {
            return c;
        };
        if c < e.canon + e.canon_len {
            e.orig
        } else {
            e.orig + e.orig_len + (c - e.canon - e.canon_len)
        }
    }

    /// [`Repaired::orig_end`], from `hint` on (see [`Repaired::orig_start_near`]).
    pub fn orig_end_near(&self, c: usize, hint: &Cell<usize>) -> usize {
        if c == 0 {
            return self.orig_start_near(0, hint);
        }
        let i = self.edits_where(hint, |e| e.canon < c);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => c,
            Some(e) => e.orig + e.orig_len + c.saturating_sub(e.canon + e.canon_len),
        }
    }

    /// How many edits (a prefix: `before` holds of the first ones only)
    /// `before` holds of: stepped to from `hint` when the answer lies a few
    /// edits after it, else found by binary search; left in `hint`.
    fn edits_where(&self, hint: &Cell<usize>, before: impl Fn(&Edit) -> bool) -> usize {
        const STEPS: usize = 8;
        let mut i = hint.get().min(self.edits.len());
        if i > 0 && !before(&self.edits[i - 1]) {
            i = self.edits[..i].partition_point(&before);
        } else {
            let end = (i + STEPS).min(self.edits.len());
            while i < end && before(&self.edits[i]) {
                i += 1;
            }
            if i == end && i < self.edits.len() {
                i += self.edits[i..].partition_point(&before);
            }
        }
        hint.set(i);
        i
    }

    fn push_verbatim(&mut self, orig: usize, s: &str) {
        self.skip_to(orig);
        self.text.push_str(s);
        self.orig_end += s.len();
    }

    fn push_replaced(&mut self, orig: usize, orig_len: usize, ch: char) {
        self.skip_to(orig);
        let canon = self.text.len();
        self.text.push(ch);
        self.orig_end += orig_len;
        if ch.len_utf8() != orig_len {
            self.edits.push(Edit { canon, orig, canon_len: ch.len_utf8(), orig_len });
        }
    }

    /// Input before `orig` not yet mapped is deleted.
    fn skip_to(&mut self, orig: usize) {
        debug_assert!(orig >= self.orig_end, "the input is read in order");
        if orig > self.orig_end {
            let canon = self.text.len();
            self.edits.push(Edit { canon, orig: self.orig_end, canon_len: 0, orig_len: orig - self.orig_end });
            self.orig_end = orig;
        }
    }
}

/// Han ideographs and the other characters of Chinese running text, between
/// which a space is layout, not meaning.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF
        | 0x3000..=0x303F   // CJK symbols and punctuation: 、。〈〉《》「」【】
        | 0xFF00..=0xFFEF   // full-width and half-width forms
        | 0x2018..=0x201F   // curly quotes, used as Chinese quotes
        | 0x2014 | 0x2026 | 0x00B7 | 0x2027 | 0x30FB)
}

/// Han ideographs only.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Whether `c` is one of the characters of `set`. (`set.contains(c)` with
/// a multi-byte `c` runs a substring search, set up anew on every call:
/// 6% of an analysis in wasm when the recognizers used it.)
pub fn one_of(c: char, set: &str) -> bool {
    set.chars().any(|s| s == c)
}

/// `s` without whitespace (borrowed when it has none, as nearly every name).
pub fn compact(s: &str) -> Cow<'_, str> {
    if s.contains(char::is_whitespace) {
        Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// How many Han ideographs `s` has.
pub fn han_chars(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

fn is_horizontal_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{A0}' || (c.is_whitespace() && !is_line_break(c))
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters that carry nothing: byte-order marks, zero-width characters,
/// soft hyphens, control characters.
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{AD}')
        || (c.is_control() && !is_line_break(c) && c != '\t')
}

/// The canonical form of one character, when it differs.
fn fold(c: char) -> Option<char> {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// Sentence punctuation: a line with none of it is a label (title, byline,
/// credit), whose inner spaces separate words.
fn is_sentence_punct(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | ',' | ';' | '!' | '?')
}

/// Characters that open a line of page furniture rather than continue a
/// paragraph: markdown heading marks, byline and caption bullets, dashes.
fn opens_label(c: char) -> bool {
    matches!(c, '#' | '□' | '◎' | '■' | '●' | '◆' | '▲' | '★' | '☆' | '○' | '—' | '-' | '*' | '>' | '|')
}

const LABEL_MAX_CHARS: usize = 100;
/// A line shorter than this is not taken for a wrapped paragraph line.
const PARAGRAPH_MIN_CHARS: usize = 16;

struct Line {
    /// Content, without its terminator.
    start: usize,
    end: usize,
    /// Content without leading/trailing spaces and dropped characters.
    first: Option<char>,
    last: Option<char>,
    chars: usize,
    label: bool,
}

/// The input's lines, one at a time: held all at once, their records took
/// as much memory as the text itself.
struct Lines<'a> {
    input: &'a str,
    /// Where the next line starts; `None` after the last.
    at: Option<usize>,
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let start = self.at?;
        let end = match self.input[start..].char_indices().find(|&(_, c)| is_line_break(c)) {
            Some((i, c)) => {
                self.at = Some(start + i + break_len(self.input, start + i, c));
                start + i
            }
            None => {
                self.at = None;
                self.input.len()
            }
        };
        Some(Line::new(self.input, start, end))
    }
}

/// The length of the line break `c` at byte `at` (`\r\n` is one).
fn break_len(input: &str, at: usize, c: char) -> usize {
    if c == '\r' && input.as_bytes().get(at + 1) == Some(&b'\n') {
        2
    } else {
        c.len_utf8()
    }
}

impl Line {
    fn new(input: &str, start: usize, end: usize) -> Line {
        let content = &input[start..end];
        let mut meaningful = content.chars().filter(|&c| !is_horizontal_space(c) && !is_dropped(c));
        let first = meaningful.next().map(|c| fold(c).unwrap_or(c));
        let last =
            content.chars().rev().find(|&c| !is_horizontal_space(c) && !is_dropped(c)).map(|c| fold(c).unwrap_or(c));
        let chars = content.chars().count();
        let label = chars <= LABEL_MAX_CHARS && !content.chars().map(|c| fold(c).unwrap_or(c)).any(is_sentence_punct);
        Line { start, end, first, last, chars, label }
    }
}

/// Whether the break after line `a` cuts a paragraph in two, given the next
/// non-empty line `b`.
fn joins(a: &Line, b: &Line) -> bool {
    let (Some(last), Some(first)) = (a.last, b.first) else {
        return false;
    };
    // Both sides read as running text: a label (title, byline) after a cut
    // line is more likely than a fragment with no punctuation at all.
    !a.label
        && !b.label
        && !a.first.is_some_and(opens_label)
        && a.chars >= PARAGRAPH_MIN_CHARS
        && (is_han(last) || last.is_ascii_alphanumeric())
        && (is_han(first)
            || first.is_ascii_digit()
            || matches!(first, '(' | '（' | '）' | ')' | '、' | '，' | ',' | '。'))
        && !opens_label(first)
}

/// Repairs `input`; see the module docs for what changes.
pub fn repair(input: &str) -> Repaired {
    let mut out =
        Repaired { text: String::with_capacity(input.len()), edits: Vec::new(), orig_end: 0, soft_breaks: Vec::new() };
    let mut lines = Lines { input, at: Some(0) };
    let mut line = lines.next();
    while let Some(current) = line {
        emit_line(&mut out, input, &current);
        // The next line with content decides what the breaks before it become.
        let mut next = lines.next();
        while next.as_ref().is_some_and(|l| l.first.is_none()) {
            next = lines.next();
        }
        if next.as_ref().is_some_and(|n| joins(&current, n)) {
            line = next;
            continue;
        }
        // Keep every break (as `\n`) up to the next content line.
        let gap = &input[current.end..next.as_ref().map_or(input.len(), |n| n.start)];
        let mut chars = gap.char_indices();
        while let Some((i, c)) = chars.next() {
            if is_line_break(c) {
                let len = break_len(input, current.end + i, c);
                if len == 2 {
                    chars.next();
                }
                if c == '\n' {
                    out.push_verbatim(current.end + i, "\n");
                } else {
                    out.push_replaced(current.end + i, len, '\n');
                }
            }
        }
        line = next;
    }
    // The map is held until the whole text is analyzed; on a page of
    // Chinese it is an edit every few characters, and a vector grown by
    // doubling holds up to as much again.
    out.edits.shrink_to_fit();
    out.soft_breaks.shrink_to_fit();
    out
}

fn emit_line(out: &mut Repaired, input: &str, line: &Line) {
    let content = &input[line.start..line.end];
    let mut chars = content.char_indices().peekable();
    let mut prev: Option<char> = None; // last character emitted on this line
    let mut verbatim_from: Option<usize> = None; // start of a pending verbatim stretch
    let flush = |out: &mut Repaired, from: &mut Option<usize>, to: usize| {
        if let Some(f) = from.take() {
            out.push_verbatim(line.start + f, &content[f..to]);
        }
    };
    while let Some((i, c)) = chars.next() {
        if is_dropped(c) {
            flush(out, &mut verbatim_from, i);
            continue;
        }
        if is_horizontal_space(c) {
            // The whole run of spaces is kept or dropped together.
            let run_start = i;
            let mut run_end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if is_horizontal_space(d) || is_dropped(d) {
                    run_end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let next = chars.peek().map(|&(_, d)| fold(d).unwrap_or(d));
            // Leading and trailing spaces go; inner ones stay between Latin
            // words, and in labels everywhere but beside digits.
            let keep = match (prev, next) {
                (Some(p), Some(n)) => {
                    !(is_cjk(p) || is_cjk(n)) || (line.label && !p.is_ascii_digit() && !n.is_ascii_digit())
                }
                _ => false,
            };
            flush(out, &mut verbatim_from, run_start);
            if !keep && prev.is_some() && next.is_some() {
                out.soft_breaks.push(out.text.len());
            }
            if keep {
                let run = &content[run_start..run_end];
                if run.chars().all(|d| d == ' ') {
                    out.push_verbatim(line.start + run_start, run);
                } else {
                    out.push_replaced(line.start + run_start, run_end - run_start, ' ');
                }
                prev = Some(' ');
            }
            continue;
        }
        if let Some(f) = fold(c) {
            flush(out, &mut verbatim_from, i);
            out.push_replaced(line.start + i, c.len_utf8(), f);
            prev = Some(f);
            continue;
        }
        if verbatim_from.is_none() {
            verbatim_from = Some(i);
        }
        prev = Some(c);
    }
    flush(out, &mut verbatim_from, content.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The input span a canonical span maps back to.
    fn back<'a>(input: &'a str, r: &Repaired, start: usize, end: usize) -> &'a str {
        &input[r.orig_start(start)..r.orig_end(end)]
    }

    fn find(r: &Repaired, needle: &str) -> (usize, usize) {
        let s = r.text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", r.text));
        (s, s + needle.len())
    }

    #[test]
    fn offsets_mapped_in_any_order_from_a_hint_are_those_of_a_search() {
        let input = "北京经济技术开发 区，产值４２８亿元，\r\n同比增长。\u{FEFF}新区 负责人，表示！".repeat(30);
        let r = repair(&input);
        assert!(r.edits.len() > 100, "{}", r.edits.len());
        let offsets: Vec<usize> = (0..=r.text.len()).filter(|&c| r.text.is_char_boundary(c)).collect();
        // In order (as an analysis's spans come), backwards, and in jumps.
        let mut orders = vec![offsets.clone(), offsets.iter().rev().copied().collect()];
        orders.push(offsets.iter().step_by(37).chain(offsets.iter().step_by(5)).copied().collect());
        for order in orders {
            let (start_hint, end_hint) = (Cell::new(0), Cell::new(0));
            for &c in &order {
                let searched = (r.edits.partition_point(|e| e.canon <= c), r.edits.partition_point(|e| e.canon < c));
                assert_eq!(r.orig_start_near(c, &start_hint), r.orig_start(c), "start at {c}");
                assert_eq!(r.orig_end_near(c, &end_hint), r.orig_end(c), "end at {c}");
                assert_eq!(start_hint.get(), searched.0);
                assert!(c == 0 || end_hint.get() == searched.1);
            }
        }
    }

    #[test]
    fn spaces_between_han_in_running_text_are_removed() {
        let input = "他说，北京经济技术开发 区的企业在 2000 万公 里路测中，表现突出。";
        let r = repair(input);
        assert_eq!(r.text, "他说,北京经济技术开发区的企业在2000万公里路测中,表现突出。");
        let (s, e) = find(&r, "北京经济技术开发区");
        assert_eq!(back(input, &r, s, e), "北京经济技术开发 区");
        let (s, e) = find(&r, "2000万公里");
        assert_eq!(back(input, &r, s, e), "2000 万公 里");
    }

    #[test]
    fn removed_spaces_are_remembered() {
        let input = "工程顺利完成。 (贺山 周毅 文/图)";
        let r = repair(input);
        assert_eq!(r.text, "工程顺利完成。(贺山周毅文/图)");
        let at = |s: &str| r.text.find(s).unwrap();
        assert_eq!(r.soft_breaks, [at("("), at("周毅"), at("文/图")]);
    }

    #[test]
    fn caption_lines_are_not_joined() {
        let input = "●研究员展示\"全息存储器\"，效果显著。 张三 摄\n\n际竞争。\"他说。";
        assert!(repair(input).text.contains("摄\n\n际竞争"));
    }

    #[test]
    fn latin_spaces_stay() {
        let input = "发布了人形机器人 Titan X2 和 Titan M，售价 1 500 元。";
        let r = repair(input);
        assert!(r.text.contains("Titan X2"), "{}", r.text);
        assert!(r.text.contains("Titan M"), "{}", r.text);
        assert!(r.text.contains("1 500"), "{}", r.text);
    }

    #[test]
    fn the_map_holds_no_spare_room() {
        // It is held while the whole text is analyzed, an edit every few characters.
        let r = repair(&"园区产值，同比增长（一季度）。北京经济技术开发 区\n".repeat(100));
        assert!(r.edits.len() > 300 && !r.soft_breaks.is_empty());
        assert_eq!((r.edits.capacity(), r.soft_breaks.capacity()), (r.edits.len(), r.soft_breaks.len()));
    }

    #[test]
    fn label_lines_keep_name_separators() {
        let input = "■ 何川 宋嘉禾 张骁\n\n本报记者 许若溪 通讯员 邓远航 摄影报道\n";
        let r = repair(input);
        assert_eq!(r.text, "■ 何川 宋嘉禾 张骁\n\n本报记者 许若溪 通讯员 邓远航 摄影报道\n");
    }

    #[test]
    fn broken_paragraphs_are_rejoined() {
        let input = "做强装备制造产业，支持企业建设国内首条新型储能电池试验生\n\n产线（2.0版），带动配套企业协同发展。\n\n下一段开始了。";
        let r = repair(input);
        assert_eq!(r.text, "做强装备制造产业,支持企业建设国内首条新型储能电池试验生产线(2.0版),带动配套企业协同发展。\n\n下一段开始了。");
        let (s, e) = find(&r, "生产线");
        assert_eq!(back(input, &r, s, e), "生\n\n产线");
    }

    #[test]
    fn headings_are_not_joined_to_what_follows() {
        let input = "加快培育三大新兴产业\n\n在三大新兴产业方面,做强高端装备产业。";
        assert_eq!(repair(input).text, input);
        // A paragraph that ends a sentence is not joined either.
        let input = "他说,这是我们的目标。\n\n新的一段从这里开始,继续。";
        assert_eq!(repair(input).text, input);
        // Nor is a byline after a cut paragraph.
        let input = "这是一个很长的段落，里面有逗号和很多字被截断在\n\n□本报记者 林晓";
        assert!(repair(input).text.contains("截断在\n\n□本报记者 林晓"));
    }

    #[test]
    fn full_width_forms_fold_and_map_back() {
        let input = "２０２４年增长４８．５％，ＡＢＣ公司";
        let r = repair(input);
        assert_eq!(r.text, "2024年增长48.5%,ABC公司");
        let (s, e) = find(&r, "48.5%");
        assert_eq!(back(input, &r, s, e), "４８．５％");
        let (s, e) = find(&r, "2024年");
        assert_eq!(back(input, &r, s, e), "２０２４年");
    }

    #[test]
    fn line_ends_bom_and_controls() {
        let input = "\u{FEFF}第一行\r\n第二\u{0}行\r第三行\u{200B}";
        let r = repair(input);
        assert_eq!(r.text, "第一行\n第二行\n第三行");
        let (s, e) = find(&r, "第二行");
        assert_eq!(back(input, &r, s, e), "第二\u{0}行");
        let (s, e) = find(&r, "第一行");
        assert_eq!(back(input, &r, s, e), "第一行");
    }

    #[test]
    fn astral_and_emoji_map_exactly() {
        let input = "𠀾 😀 北京 区，全文。";
        let r = repair(input);
        let (s, e) = find(&r, "北京区");
        assert_eq!(back(input, &r, s, e), "北京 区");
        let (s, e) = find(&r, "𠀾");
        assert_eq!(back(input, &r, s, e), "𠀾");
    }

    #[test]
    fn every_canonical_boundary_maps_to_an_input_boundary() {
        let input = "Ａ 北京 区\r\n\r\n生产\n\n线 😀\u{FEFF}，２０ 万。\t x";
        let r = repair(input);
        for (c, _) in r.text.char_indices().chain([(r.text.len(), ' ')]) {
            assert!(input.is_char_boundary(r.orig_start(c)));
            assert!(input.is_char_boundary(r.orig_end(c)));
            assert!(r.orig_start(c) <= input.len() && r.orig_end(c) <= input.len());
        }
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(repair("").text, "");
        assert_eq!(repair("   \t ").text, "");
        assert_eq!(repair("\n\n").text, "\n\n");
    }
}
