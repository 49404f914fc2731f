//! A pasted page split into its articles and photo captions, each with its
//! title and the people credited in its byline.
//!
//! A newspaper page has no markup left once copied, but its furniture is
//! regular: a title (sometimes with a kicker or subtitle) followed by a byline
//! (`□本报记者 林晓`, `■ 何川 宋嘉禾`, `◎通讯员 钟雨桐 本报记者 叶帆`) or a
//! dateline (`科技日报讯(记者周明远)`); a photo story is a paragraph closed by a
//! credit (`方毅 摄影报道`); a photo inside an article is a caption line
//! ending in its photographer (`…道路上。 陶立摄`). Articles are found from
//! these anchors, not from line lengths, so sub-headings inside an article
//! (short lines with no byline after them) do not start a new one. Text with
//! no anchors is one article titled by its first line.

use crate::data_lines;
use crate::repair::{is_cjk, is_han};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Article,
    Caption,
}

/// A person credited in a byline: the name and its span in the canonical text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// One article or caption: canonical byte span, title and authors.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub start: usize,
    pub end: usize,
    /// End of the title line (== `start` when the article has no title line).
    pub title_end: usize,
    pub title: String,
    pub kind: Kind,
    pub authors: Vec<Author>,
}

impl Article {
    /// The article as far as it lies in `range` of the text (all of it,
    /// unless it is longer than a part), with offsets into that range.
    pub fn within(&self, range: &std::ops::Range<usize>) -> Article {
        let clip = |pos: usize| pos.clamp(range.start, range.end) - range.start;
        Article {
            start: clip(self.start),
            end: clip(self.end),
            title_end: clip(self.title_end),
            authors: self
                .authors
                .iter()
                .filter(|a| range.start <= a.start && a.end <= range.end)
                .map(|a| Author { name: a.name.clone(), start: a.start - range.start, end: a.end - range.start })
                .collect(),
            title: self.title.clone(),
            kind: self.kind,
        }
    }
}

/// How much text an analysis handles at once (whole articles; see
/// [`crate::Analyzer::analyze_in_parts`]): a part's words and spans take
/// about twenty times its size, and 128 KB holds a page or a few (at 256 KB,
/// 10 MB of short articles left the wasm memory 4.1× the text; 3.8× now).
pub const PART_BYTES: usize = 128 * 1024;

/// A part of the text: whole articles and any text between them, or a
/// piece of an article longer than a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Byte range of the canonical text.
    pub text: std::ops::Range<usize>,
    /// Indices of its articles (the one it is a piece of).
    pub articles: std::ops::Range<usize>,
    /// Which piece of its article the part is (0 the first), for a part
    /// that holds a piece of an article longer than a part.
    pub piece: Option<usize>,
}

/// The text cut into parts of at least `max_bytes` (the last may be
/// shorter), where an article starts: together they cover it in order. An
/// article longer than that is cut into pieces of its own, after line
/// breaks (see [`crate::segment::pieces`]), so no text is ever analyzed
/// more than about a part at once: the words and spans of one 10 MB article
/// took twenty times its size.
pub fn parts(articles: &[Article], text: &str, max_bytes: usize) -> Vec<Part> {
    let mut parts = Vec::new();
    let (mut start, mut first) = (0, 0);
    for (i, a) in articles.iter().enumerate() {
        if i > first && a.start - start >= max_bytes {
            parts.push(Part { text: start..a.start, articles: first..i, piece: None });
            (start, first) = (a.start, i);
        }
        let end = articles.get(i + 1).map_or(text.len(), |next| next.start);
        if end - a.start > max_bytes {
            if i > first {
                parts.push(Part { text: start..a.start, articles: first..i, piece: None });
                start = a.start;
            }
            let pieces = crate::segment::pieces(&text[start..end], max_bytes);
            parts.extend(pieces.into_iter().enumerate().map(|(k, piece)| Part {
                text: start + piece.start..start + piece.end,
                articles: i..i + 1,
                piece: Some(k),
            }));
            (start, first) = (end, i + 1);
        }
    }
    if parts.is_empty() || start < text.len() || first < articles.len() {
        parts.push(Part { text: start..text.len(), articles: first..articles.len(), piece: None });
    }
    parts
}

/// Byline vocabulary, from data/bylines.txt.
pub struct Splitter {
    /// Words before names (本报记者), longest first.
    roles: Vec<&'static str>,
    /// Words after names (摄影报道, 摄), longest first.
    credits: Vec<&'static str>,
    /// Role and credit words never glued to a name (文, 图).
    roles_alone: Vec<&'static str>,
    credits_alone: Vec<&'static str>,
    /// Places a dateline names before 报道 (本报记者 张明 杭州报道).
    places: Vec<&'static str>,
}

const BYLINES: &str = include_str!("../data/bylines.txt");
const PLACES: &str = include_str!("../data/entities/places.txt");

/// Bullets that open a byline or a caption line on a printed page.
fn is_bullet(c: char) -> bool {
    matches!(c, '□' | '◎' | '■' | '●' | '◆' | '▲' | '★' | '☆' | '○' | '◇' | '△' | '▶' | '*' | '>')
}

/// A title longer than this is taken for a paragraph.
const TITLE_MAX_CHARS: usize = 60;
/// Lines of a title group: title, kicker, subtitle.
const TITLE_GROUP_MAX: usize = 3;
/// A first heading this short before a longer one is a column label (园区速递).
const COLUMN_LABEL_MAX_CHARS: usize = 4;
/// Characters of a caption's text that stand for its title when it has none.
const CAPTION_TITLE_CHARS: usize = 12;

#[derive(Debug, Clone, PartialEq)]
enum Class {
    Heading,
    /// A byline under a title: authors.
    HeadByline(Vec<Author>),
    /// A credit closing an article (`(贺山 周毅 文/图)`, `陶立摄`).
    EndCredit(Vec<Author>),
    /// A credit closing a photo story (`方毅 摄影报道`).
    PhotoReport(Vec<Author>),
    /// A first paragraph opening with a dateline (`科技日报讯(记者周明远)`).
    Dateline(Vec<Author>),
    /// Running text; authors from a trailing photo credit.
    Body(Vec<Author>),
}

#[derive(Debug)]
struct Line<'a> {
    start: usize,
    end: usize,
    /// Content without markdown marks and surrounding spaces.
    content: &'a str,
    md_level: usize,
    class: Class,
}

/// What a byline parse found.
struct Byline {
    authors: Vec<Author>,
    roles: bool,
    credits: bool,
    photo_report: bool,
}

impl Splitter {
    pub fn new() -> Self {
        let mut s = Splitter {
            roles: Vec::new(),
            credits: Vec::new(),
            roles_alone: Vec::new(),
            credits_alone: Vec::new(),
            places: data_lines(PLACES).collect(),
        };
        for line in data_lines(BYLINES) {
            let list = match line.split_once('\t') {
                Some(("role", w)) => (&mut s.roles, w),
                Some(("credit", w)) => (&mut s.credits, w),
                Some(("role-alone", w)) => (&mut s.roles_alone, w),
                Some(("credit-alone", w)) => (&mut s.credits_alone, w),
                _ => continue,
            };
            list.0.push(list.1.trim());
        }
        for list in [&mut s.roles, &mut s.credits] {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        s
    }

    /// Splits the canonical `text` into articles, in order, covering every
    /// line with content.
    /// `soft_breaks`: offsets where the repair removed spaces (see
    /// [`crate::repair::Repaired::soft_breaks`]); bylines split there too.
    pub fn split(&self, text: &str, soft_breaks: &[usize]) -> Vec<Article> {
        self.split_by(text, soft_breaks, SPLIT_BYTES)
    }

    /// [`Splitter::split`], reading the lines of `piece_bytes` of text at a
    /// time: a line's record is the size of a short line, and those of a
    /// page of ten thousand short articles took twice its size at once.
    /// The articles are the same: an article's start is decided by its
    /// anchor and at most `LOOKBACK` lines above it, so the lines of an
    /// article whose next one may still move are kept (with that many lines
    /// above them) for the next piece.
    fn split_by(&self, text: &str, soft_breaks: &[usize], piece_bytes: usize) -> Vec<Article> {
        let mut articles = Vec::new();
        // The lines read and kept, and the index among all of the first.
        let mut lines: Vec<Line> = Vec::new();
        let mut offset = 0;
        // The first line (an index among all) of no article yet.
        let mut pending = 0;
        let mut from = 0;
        while from < text.len() {
            // Whole lines: at least `piece_bytes`, and on to a line break.
            let to = text.as_bytes().get(from + piece_bytes..).and_then(|rest| memchr::memchr(b'\n', rest));
            let to = to.map_or(text.len(), |i| from + piece_bytes + i + 1);
            self.read_lines(text, from..to, soft_breaks, &mut lines);
            from = to;
            let last = to == text.len();
            let mut units: Vec<Unit> = self.units(&lines);
            units.retain(|u| u.first + offset >= pending);
            if last && units.is_empty() && articles.is_empty() && !lines.is_empty() {
                units.push(Unit { first: 0, title: Some(0), caption: false });
            }
            // Text before the first anchor (an editor's note, a page header)
            // belongs to the first article.
            if let (Some(u), true) = (units.first_mut(), articles.is_empty()) {
                u.first = pending - offset;
            }
            // Without the last piece, the last unit's end may still move, and
            // so may a unit whose start a later anchor could share.
            let settled = if last {
                units.len()
            } else {
                units.iter().skip(1).take_while(|u| u.first + LOOKBACK < lines.len()).count()
            };
            for (i, unit) in units[..settled].iter().enumerate() {
                let end = units.get(i + 1).map_or(lines.len(), |u| u.first);
                articles.push(article(&lines, unit, end));
            }
            // The next unit's start is settled too when an article ended there.
            if let (Some(next), true) = (units.get(settled), settled > 0) {
                pending = next.first + offset;
            }
            // Lines above the pending ones are kept as far as an anchor looks up.
            let drop = (pending.saturating_sub(LOOKBACK)).saturating_sub(offset).min(lines.len());
            lines.drain(..drop);
            offset += drop;
        }
        articles
    }

    /// Appends the lines with content of `text[range]` (whole lines).
    fn read_lines<'a>(&self, text: &'a str, range: std::ops::Range<usize>, soft: &[usize], lines: &mut Vec<Line<'a>>) {
        let mut start = range.start;
        for raw in text[range.clone()].strip_suffix('\n').unwrap_or(&text[range]).split('\n') {
            let end = start + raw.len();
            let trimmed = raw.trim_start_matches('#');
            let md_level = raw.len() - trimmed.len();
            let content = trimmed.trim();
            if !content.is_empty() {
                let content_start = start + md_level + (trimmed.len() - trimmed.trim_start().len());
                let class = Parse { splitter: self, soft }.classify(content, content_start);
                lines.push(Line { start, end, content, md_level, class });
            }
            start = end + 1;
        }
    }

    /// Where articles start: title groups above bylines and datelines,
    /// top-level markdown headings, and photo stories.
    fn units(&self, lines: &[Line]) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        // Two anchors may open the same unit: the index of each unit by its
        // first line merges them (a search of all units was quadratic).
        let mut unit_at: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
        let mut push = |units: &mut Vec<Unit>, u: Unit| match unit_at.get(&u.first) {
            Some(&k) => units[k].caption |= u.caption,
            None => {
                unit_at.insert(u.first, units.len());
                units.push(u);
            }
        };
        for (i, line) in lines.iter().enumerate() {
            let anchor = match &line.class {
                Class::HeadByline(_) => {
                    !matches!(i.checked_sub(1).map(|j| &lines[j].class), Some(Class::HeadByline(_)))
                }
                Class::Dateline(_) => true,
                Class::Body(_) => false,
                Class::Heading => {
                    line.md_level > 0
                        && line.md_level <= 2
                        && !matches!(i.checked_sub(1).map(|j| &lines[j].class), Some(Class::Heading))
                }
                Class::PhotoReport(_) => {
                    push(&mut units, photo_story(lines, i));
                    false
                }
                Class::EndCredit(_) => false,
            };
            if !anchor {
                continue;
            }
            if matches!(line.class, Class::Heading) {
                push(&mut units, Unit { first: i, title: Some(i), caption: false });
                continue;
            }
            // The headings right above the byline are the title group.
            let mut first = i;
            while first > 0 && i - (first - 1) <= TITLE_GROUP_MAX && lines[first - 1].class == Class::Heading {
                first -= 1;
            }
            if first == i {
                push(&mut units, Unit { first: i, title: None, caption: false });
                continue;
            }
            let title = (first..i)
                .find(|&t| {
                    let c = lines[t].content;
                    !is_subtitle(c) && (c.chars().count() > COLUMN_LABEL_MAX_CHARS || t + 1 == i)
                })
                .unwrap_or(first);
            // An editor's note right above the title belongs to its article.
            let first = if title > 0 && lines[title - 1].content.contains("编者按") { title - 1 } else { title };
            push(&mut units, Unit { first, title: Some(title), caption: false });
        }
        units.sort_by_key(|u| u.first);
        // A unit opened a line above its title (an editor's note) takes in
        // the one its title opened on its own (a markdown heading): the
        // title is inside its article.
        units.dedup_by(|next, unit| {
            let inside = unit.title.is_some_and(|t| next.first <= t);
            unit.caption |= inside && next.caption;
            inside
        });
        units
    }
}

/// Line classification, with the soft breaks of the text at hand.
struct Parse<'s> {
    splitter: &'s Splitter,
    soft: &'s [usize],
}

impl Parse<'_> {
    fn classify(&self, content: &str, at: usize) -> Class {
        if let Some(b) = self.standalone_byline(content, at) {
            return if b.photo_report {
                Class::PhotoReport(b.authors)
            } else if b.credits || content.starts_with('(') {
                Class::EndCredit(b.authors)
            } else {
                Class::HeadByline(b.authors)
            };
        }
        if is_heading(content) {
            return Class::Heading;
        }
        let dateline = self.dateline(content, at);
        let photo = self.trailing_credit(content, at);
        if dateline.is_empty() {
            Class::Body(photo)
        } else {
            Class::Dateline(dateline.into_iter().chain(photo).collect())
        }
    }

    /// A whole line that is a byline or credit.
    fn standalone_byline(&self, content: &str, at: usize) -> Option<Byline> {
        let mut s = content;
        let mut off = at;
        let mut bullet = false;
        while let Some(c) = s.chars().next().filter(|&c| is_bullet(c) || c == ' ') {
            bullet |= c != ' ';
            s = &s[c.len_utf8()..];
            off += c.len_utf8();
        }
        let inner = s.strip_prefix('(').and_then(|x| x.strip_suffix(')'));
        let parens = inner.is_some();
        if let Some(inner) = inner {
            s = inner;
            off += 1;
        }
        let b = self.byline(s, off)?;
        (b.roles || b.credits || bullet || parens).then_some(b)
    }

    /// `科技日报讯(记者周明远)`, `新华社北京3月5日电(记者 张三)`: the byline at
    /// the start of a first paragraph.
    fn dateline(&self, content: &str, at: usize) -> Vec<Author> {
        let head = &content[..content.char_indices().nth(24).map_or(content.len(), |(i, _)| i)];
        // The first 讯(, else the first 电(: char searches, since every line is asked.
        for marker in ['讯', '电'] {
            let open = head.match_indices('(').find(|&(i, _)| head[..i].ends_with(marker)).map(|(i, _)| i + 1);
            if let Some(open) = open {
                if let Some(close) = content[open..].find(')') {
                    if let Some(b) = self.byline(&content[open..open + close], at + open) {
                        return b.authors;
                    }
                }
            }
        }
        Vec::new()
    }

    /// Splits `s` (at canonical offset `at`) at spaces and at spaces the
    /// repair removed: `(relative offset, token)`. Lazily: a line of body
    /// text fails at its first token, and every line is asked.
    fn tokens<'s>(&'s self, s: &'s str, at: usize) -> impl Iterator<Item = (usize, &'s str)> + 's {
        let first = self.soft.partition_point(|&b| b <= at);
        let mut soft = self.soft[first..].iter().map(move |&b| b - at).take_while(move |&b| b < s.len()).peekable();
        let mut from = 0;
        std::iter::from_fn(move || {
            while from < s.len() {
                let space = s[from..].find(' ').map_or(s.len(), |i| from + i);
                while soft.next_if(|&b| b <= from).is_some() {}
                let cut = soft.peek().map_or(space, |&b| b.min(space));
                let (start, piece) = (from, &s[from..cut]);
                from = if cut == space && cut < s.len() { cut + 1 } else { cut };
                if !piece.trim().is_empty() {
                    return Some((start, piece));
                }
            }
            None
        })
    }

    /// Credits closing a paragraph: the photographer of a caption
    /// (`图为…道路上。 陶立摄`), the authors of an article (`…建设。 (贺山 周毅 文/图)`).
    fn trailing_credit(&self, content: &str, at: usize) -> Vec<Author> {
        if let Some(inner) = content.strip_suffix(')') {
            if let Some(open) = inner.rfind('(').filter(|&o| o > 0) {
                return match self.byline(&inner[open + 1..], at + open + 1) {
                    Some(b) if b.credits || b.roles => b.authors,
                    _ => Vec::new(),
                };
            }
        }
        if !content.ends_with('摄') && !content.ends_with("摄影") {
            return Vec::new();
        }
        let cut = content
            .rfind(['。', '”', '"', ')', '!', '?', '！', '？'])
            .map_or(0, |i| i + content[i..].chars().next().map_or(0, char::len_utf8));
        match self.byline(&content[cut..], at + cut) {
            Some(b) if b.credits && cut > 0 => b.authors,
            _ => Vec::new(),
        }
    }

    /// Parses `s` (at canonical offset `at`) as a run of role words, names
    /// and credit words separated by spaces; `None` if anything else is there
    /// or no name is.
    fn byline(&self, s: &str, at: usize) -> Option<Byline> {
        let mut b = Byline { authors: Vec::new(), roles: false, credits: false, photo_report: false };
        for (tok_at, token) in self.tokens(s, at) {
            let (name, role, credit) = self.token(token)?;
            b.roles |= role;
            b.credits |= credit.is_some();
            b.photo_report |= credit.is_some_and(|c| c.contains("摄影报道") || c == "报道");
            if let Some((ns, ne)) = name {
                let start = at + tok_at + ns;
                b.authors.push(Author { name: token[ns..ne].to_string(), start, end: start + (ne - ns) });
            }
        }
        (!b.authors.is_empty()).then_some(b)
    }

    /// One space-separated byline token: a role word, a credit word, or a
    /// name with a role glued before it (记者周明远) or a credit after it
    /// (陶立摄). Returns the name's byte range in the token.
    #[allow(clippy::type_complexity)]
    fn token(&self, token: &str) -> Option<(Option<(usize, usize)>, bool, Option<&'static str>)> {
        // A word standing alone: a credit if it can be one (文 after names), else a role.
        if let Some(&c) = self.splitter.credits.iter().chain(&self.splitter.credits_alone).find(|&&c| c == token) {
            return Some((None, false, Some(c)));
        }
        if self.splitter.roles.iter().chain(&self.splitter.roles_alone).any(|&r| r == token) {
            return Some((None, true, None));
        }
        let prefixes = self.splitter.roles.iter().filter(|r| token.starts_with(**r)).map(|r| r.len()).chain([0]);
        for p in prefixes {
            let rest = &token[p..];
            // A glued credit first: 刘晓光摄 is 刘晓光 credited, not a four-character name.
            for &c in &self.splitter.credits {
                let Some(n) = rest.strip_suffix(c) else { continue };
                // A dateline's place before 报道 is not the name's (张明杭州报道),
                // and alone it is no name (张明 杭州报道).
                let place = if c == "报道" { self.splitter.places.iter().find(|&&pl| n.ends_with(pl)) } else { None };
                if let Some(place) = place {
                    let name = &n[..n.len() - place.len()];
                    if name.is_empty() && p == 0 {
                        return Some((None, false, Some(c)));
                    }
                    if name.chars().nth(1).is_some() && is_name(name) {
                        return Some((Some((p, p + name.len())), p > 0, Some(c)));
                    }
                }
                if is_name(n) {
                    return Some((Some((p, p + n.len())), p > 0, Some(c)));
                }
            }
            if is_name(rest) {
                return Some((Some((p, token.len())), p > 0, None));
            }
        }
        None
    }
}

impl Default for Splitter {
    fn default() -> Self {
        Self::new()
    }
}

struct Unit {
    first: usize,
    title: Option<usize>,
    caption: bool,
}

/// The article of `unit`, whose lines end before line `end`.
fn article(lines: &[Line], unit: &Unit, end: usize) -> Article {
    let body = &lines[unit.first..end];
    let title = match unit.title {
        Some(t) => clean_title(lines[t].content),
        None => caption_title(body),
    };
    let mut authors: Vec<Author> = Vec::new();
    for line in body {
        if let Class::HeadByline(a)
        | Class::EndCredit(a)
        | Class::PhotoReport(a)
        | Class::Dateline(a)
        | Class::Body(a) = &line.class
        {
            for author in a {
                if !authors.iter().any(|x| x.name == author.name) {
                    authors.push(author.clone());
                }
            }
        }
    }
    // Every article is held until the text is analyzed: a page of short
    // ones is tens of thousands, and a vector grown by pushes holds room
    // for four authors (3.97× the input in memory after 10 MB of them).
    authors.shrink_to_fit();
    Article {
        start: lines[unit.first].start,
        end: lines[end - 1].end,
        title_end: unit.title.map_or(lines[unit.first].start, |t| lines[t].end),
        title,
        kind: if unit.caption { Kind::Caption } else { Kind::Article },
        authors,
    }
}

/// How many lines above its anchor an article's start is looked for: its
/// title group, and an editor's note above that.
const LOOKBACK: usize = TITLE_GROUP_MAX + 2;

/// How much text the splitter reads lines of at a time.
const SPLIT_BYTES: usize = 64 * 1024;

/// A photo story ending at the credit on line `credit`: its paragraph, and
/// the heading above it if there is one.
fn photo_story(lines: &[Line], credit: usize) -> Unit {
    let mut first = credit;
    if credit > 0 && matches!(lines[credit - 1].class, Class::Body(_) | Class::Dateline(_)) {
        first = credit - 1;
    }
    if first > 0 && lines[first - 1].class == Class::Heading {
        return Unit { first: first - 1, title: Some(first - 1), caption: true };
    }
    Unit { first, title: None, caption: true }
}

fn is_subtitle(content: &str) -> bool {
    content.starts_with(['—', '-', '－', '─'])
}

/// A short line with no sentence in it.
fn is_heading(content: &str) -> bool {
    let chars = content.chars().count();
    let commas = content.matches([',', '，']).count();
    (2..=TITLE_MAX_CHARS).contains(&chars)
        && !content.contains(['。', ';', '；'])
        && commas <= 1
        && !content.ends_with([',', '，', ':', '：', '、'])
        && !content.starts_with("图为")
        && !content.starts_with(is_bullet)
        && content.chars().any(is_han)
}

/// A person's name in a byline: two to four Han characters, or a
/// transliterated name with a middle dot.
fn is_name(s: &str) -> bool {
    // One pass over the characters: it is asked of every piece of every
    // line that could be a byline.
    let (mut n, mut dots) = (0, 0);
    for c in s.chars() {
        match c {
            '·' => dots += 1,
            c if !is_han(c) => return false,
            _ => {}
        }
        n += 1;
        if n > 12 {
            return false;
        }
    }
    if dots > 0 {
        n <= 12 && !s.starts_with('·') && !s.ends_with('·')
    } else {
        (2..=4).contains(&n)
    }
}

/// The title as a reader writes it: no markdown marks or bullets, and no
/// layout spaces between Chinese characters.
fn clean_title(content: &str) -> String {
    let s = content.trim_start_matches(|c: char| is_bullet(c) || c == '#' || c == ' ');
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if before.is_some_and(is_cjk) || after.is_some_and(is_cjk) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A caption with no heading is titled by its first characters.
fn caption_title(body: &[Line]) -> String {
    let text = body
        .iter()
        .find(|l| matches!(l.class, Class::Body(_) | Class::Dateline(_)))
        .or(body.first())
        .map_or("", |l| l.content);
    clean_title(text).chars().take(CAPTION_TITLE_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<Article> {
        Splitter::new().split(text, &[])
    }

    fn names(a: &Article) -> Vec<&str> {
        a.authors.iter().map(|x| x.name.as_str()).collect()
    }

    const PAGE: &str = "\
高新区建设芯片设计高地 以创新激发发展活力

□本报记者 李明

近日，记者从某高新区获悉，今年以来园区引进重点项目二十多个，产业链条不断延伸。

服务企业再提速

园区有关负责人介绍，将继续提升服务水平，支持企业做大做强。

春风十里 花开满园
——城郊乡村旅游季开幕

◎通讯员 王小红 本报记者 陈大海

近日，城郊乡村旅游季开幕，游客纷纷前来踏青赏花。

图为游客在花海中拍照留念。 刘晓光摄

旧物换新颜

为增强居民环保意识，某社区近日组织了旧物置换活动，居民踊跃参加。

本报记者 赵一鸣 通讯员 孙二 摄影报道
";

    #[test]
    fn reading_lines_a_piece_at_a_time_splits_as_reading_them_all_does() {
        let splitter = Splitter::new();
        let shapes = [
            PAGE.to_string(),
            "本版编辑 王五\n\n编者按：今年以来，各地加快发展。\n高新区产值创新高\n\n□本报记者 李明\n\n近日，园区产值增长。\n".into(),
            "## 湖畔寻\"绿\"\n\n### -生态修复新样本的实践\n\n#### ■ 钱多多 周正\n\n湖区西北十公里。\n\n# 山区公路桥梁加固\n\n工人们已开始吊装。\n".into(),
            "园区速递\n\n国际仿生材料实验室启用\n\n科技日报讯(记者周明远)3月8日，实验室启用。\n".into(),
            "没有任何标记的一段文字。\n第二段文字，仍然没有。\n".into(),
            // An article that starts a line above its title, which starts one of its own.
            format!("{PAGE}编者按：今年以来，各地加快发展。\n# 高新区产值创新高\n□本报记者 李明\n\n近日，园区产值增长。\n"),
        ];
        let mut texts: Vec<String> = shapes.to_vec();
        texts.push(shapes.concat().repeat(3));
        texts.push(format!("{}{}", shapes[4].repeat(5), shapes[..4].concat()));
        for text in &texts {
            let whole = splitter.split_by(text, &[], usize::MAX / 2);
            assert!(!whole.is_empty());
            for bytes in [1, 7, 50, 200, 1000] {
                assert_eq!(splitter.split_by(text, &[], bytes), whole, "{bytes} bytes a piece: {text}");
            }
        }
    }

    /// Proptest is a native dev-dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;

        /// Text made of the lines articles are found by, in any order.
        fn page_lines() -> impl proptest::strategy::Strategy<Value = String> {
            use proptest::prelude::*;
            let lines = prop::sample::select(vec![
                "高新区产值创新高\n",
                "——副标题在这里\n",
                "园区速递\n",
                "# 大标题\n",
                "## 湖畔寻绿\n",
                "编者按：今年以来，各地加快发展。\n",
                "□本报记者 李明\n",
                "◎通讯员 王小红 本报记者 陈大海\n",
                "科技日报讯(记者周明远)3月8日，实验室启用。\n",
                "近日，园区引进重点项目二十多个，产业链条不断延伸。\n",
                "图为游客在花海中拍照留念。 刘晓光摄\n",
                "本报记者 赵一鸣 通讯员 孙二 摄影报道\n",
                "(贺山 周毅 文/图)\n",
                "\n",
                "没有换行的一句话。",
            ]);
            prop::collection::vec(lines, 0..30).prop_map(|v| v.concat())
        }

        proptest::proptest! {
            #[test]
            fn any_page_splits_the_same_a_piece_at_a_time_and_its_parts_cover_it(text in page_lines()) {
                let splitter = Splitter::new();
                let whole = splitter.split_by(&text, &[], usize::MAX / 2);
                for bytes in [1, 40, 200] {
                    proptest::prop_assert_eq!(&splitter.split_by(&text, &[], bytes), &whole);
                }
                let parts = parts(&whole, &text, 120);
                proptest::prop_assert_eq!(parts[0].text.start, 0);
                proptest::prop_assert_eq!(parts.last().unwrap().text.end, text.len());
                proptest::prop_assert_eq!(parts.last().unwrap().articles.end, whole.len());
                for (a, b) in parts.iter().zip(&parts[1..]) {
                    proptest::prop_assert_eq!(a.text.end, b.text.start);
                    proptest::prop_assert!(a.articles.end == b.articles.start || b.piece.is_some_and(|k| k > 0));
                    proptest::prop_assert!(text.is_char_boundary(a.text.end));
                }
                for p in &parts {
                    for a in &whole[p.articles.clone()] {
                        let local = a.within(&p.text);
                        proptest::prop_assert!(local.start <= local.title_end && local.title_end <= local.end);
                        proptest::prop_assert!(local.end <= p.text.len());
                    }
                }
            }
        }
    }

    #[test]
    fn an_editors_note_above_a_heading_and_its_byline_opens_one_article() {
        let text = "编者按：今年以来，各地加快发展。\n# 高新区产值创新高\n□本报记者 李明\n\n近日，园区产值增长。\n";
        let arts = split(text);
        assert_eq!(arts.len(), 1, "{arts:?}");
        assert_eq!((arts[0].start, arts[0].title.as_str()), (0, "高新区产值创新高"));
        assert!(arts[0].title_end <= arts[0].end && text[..arts[0].title_end].ends_with("高新区产值创新高"));
        assert_eq!(names(&arts[0]), ["李明"]);
    }

    #[test]
    fn page_with_bylines_and_a_photo_story() {
        let arts = split(PAGE);
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["高新区建设芯片设计高地以创新激发发展活力", "春风十里花开满园", "旧物换新颜"]);
        assert_eq!(names(&arts[0]), ["李明"]);
        assert_eq!(names(&arts[1]), ["王小红", "陈大海", "刘晓光"]);
        assert_eq!(names(&arts[2]), ["赵一鸣", "孙二"]);
        assert_eq!(arts[0].kind, Kind::Article);
        assert_eq!(arts[2].kind, Kind::Caption);
        // The sub-heading stays inside the first article.
        assert!(PAGE[arts[0].start..arts[0].end].contains("服务企业再提速"));
        assert!(PAGE[arts[0].start..arts[0].end].ends_with("支持企业做大做强。"));
        // Author spans point at the names.
        for a in &arts {
            for au in &a.authors {
                assert_eq!(&PAGE[au.start..au.end], au.name);
            }
        }
    }

    #[test]
    fn the_place_of_a_reports_dateline_is_not_a_name() {
        for byline in ["□本报记者 吴晓桐 杭州报道", "□本报记者吴晓桐杭州报道", "□本报记者 吴晓桐 周正 深圳报道"]
        {
            let text = format!("# 湖区湿地恢复生机\n{byline}\n\n近日，湖区湿地正在恢复。\n");
            let arts = split(&text);
            assert_eq!(names(&arts[0])[0], "吴晓桐", "{byline}: {arts:?}");
            assert!(names(&arts[0]).iter().all(|n| !n.contains("杭州") && !n.contains("深圳")), "{byline}: {arts:?}");
        }
    }

    #[test]
    fn markdown_headings_and_bulleted_bylines() {
        let text = "## 湖畔寻\"绿\"\n\n### -生态修复新样本的实践\n\n#### ■ 钱多多 周正 吴一凡\n\n湖区西北十公里，湿地正在恢复。\n\n#### 候鸟\"一年比一年多\"\n\n这里每一年都不同，鸟越来越多。\n\n# 山区公路桥梁加固\n\n#### ●工人吊装预制梁。\n\n4月9日，江边细雨初停，工人们已开始吊装。\n";
        let arts = split(text);
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["湖畔寻\"绿\"", "山区公路桥梁加固"]);
        assert_eq!(names(&arts[0]), ["钱多多", "周正", "吴一凡"]);
        assert!(names(&arts[1]).is_empty());
    }

    #[test]
    fn datelines_start_articles_and_column_labels_are_skipped() {
        let text = "园区速递\n\n国际仿生材料实验室启用\n\n科技日报讯(记者周明远)3月8日，国际仿生材料实验室启用。\n\n高新区入选示范名单\n\n本报讯(记者 张三 通讯员 李四)11月25日，记者获悉，高新区入选。\n";
        let arts = split(text);
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["国际仿生材料实验室启用", "高新区入选示范名单"]);
        assert_eq!(names(&arts[0]), ["周明远"]);
        assert_eq!(names(&arts[1]), ["张三", "李四"]);
    }

    #[test]
    fn articles_hold_no_spare_room_for_authors() {
        // Tens of thousands of articles are held at once on a page of short ones.
        let text = "高新区产值创新高\n\n□本报记者 李明\n\n近日，园区产值增长。\n\n春风十里花开满园\n\n■ 钱多多 周正 吴一凡\n\n花开了。\n";
        let arts = split(text);
        assert_eq!(arts.iter().map(|a| a.authors.len()).collect::<Vec<_>>(), [1, 3]);
        assert!(arts.iter().all(|a| a.authors.capacity() == a.authors.len()));
    }

    #[test]
    fn end_credits_and_untitled_photo_stories() {
        let text = "# 公路公司完成桥梁加固\n\n4月9日，江边细雨初停，工人们已开始吊装。\n\n(邱一 周二 文/图)\n\n4月8日，某市举办青年就业双选会，帮助毕业生寻找岗位。\n\n吉三 摄影报道\n";
        let arts = split(text);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "公路公司完成桥梁加固");
        assert_eq!(names(&arts[0]), ["邱一", "周二"]);
        assert_eq!(arts[1].title, "4月8日，某市举办青年就");
        assert_eq!(arts[1].kind, Kind::Caption);
        assert_eq!(names(&arts[1]), ["吉三"]);
    }

    #[test]
    fn credits_glued_by_the_repair_are_split_again() {
        let r = crate::repair::repair("# 桥梁加固\n\n工程顺利完成，保障了汛期通行。 (贺山 周毅 文/图)\n");
        let arts = Splitter::new().split(&r.text, &r.soft_breaks);
        assert_eq!(names(&arts[0]), ["贺山", "周毅"]);
    }

    #[test]
    fn plain_text_is_one_article_titled_by_its_first_line() {
        let text = "今天天气很好，我们去公园散步。\n公园里人很多。";
        let arts = split(text);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].title, "今天天气很好，我们去公园散步。");
        assert_eq!((arts[0].start, arts[0].end), (0, text.len()));
        assert!(split("").is_empty());
        assert!(split("\n \n").is_empty());
        assert_eq!(split("hello world")[0].title, "hello world");
    }

    #[test]
    fn titles_are_not_bylines() {
        // Two four-character phrases separated by a space are a title, not names.
        let text = "以茶会友 共谋发展\n\n□本报记者 余一\n\n近日，茶文化节举办。";
        let arts = split(text);
        assert_eq!(arts[0].title, "以茶会友共谋发展");
        assert_eq!(names(&arts[0]), ["余一"]);
    }

    #[test]
    fn parts_cut_only_where_an_article_starts_and_cover_the_text() {
        let page = format!("{PAGE}\n\n");
        let text = page.repeat(40);
        let arts = split(&text);
        let max = page.len() * 5;
        let parts = parts(&arts, &text, max);
        assert!(parts.len() >= 7, "{parts:?}");
        assert_eq!(parts[0].text.start, 0);
        assert_eq!(parts.last().unwrap().text.end, text.len());
        assert_eq!(parts.last().unwrap().articles.end, arts.len());
        for (a, b) in parts.iter().zip(&parts[1..]) {
            assert_eq!(a.text.end, b.text.start);
            assert_eq!(a.articles.end, b.articles.start);
            assert_eq!(arts[b.articles.start].start, b.text.start, "a part starts with an article");
            assert!(a.text.len() >= max && a.text.len() < max + page.len(), "{a:?}");
            assert_eq!(a.piece, None);
        }
        // Short text: one part.
        assert_eq!(super::parts(&arts, &text, text.len() + 1).len(), 1);
        assert_eq!(super::parts(&[], "", 100), [Part { text: 0..0, articles: 0..0, piece: None }]);
    }

    #[test]
    fn an_article_longer_than_a_part_is_cut_into_pieces_after_line_breaks() {
        let body = "很长的文章正文内容，第二句在这里。\n".repeat(400);
        let text = format!("{PAGE}\n\n长文标题\n\n□本报记者 余一\n\n{body}\n\n{PAGE}");
        let arts = split(&text);
        let long = arts.iter().position(|a| a.title == "长文标题").unwrap();
        let parts = parts(&arts, &text, 2_000);
        let pieces: Vec<&Part> = parts.iter().filter(|p| p.piece.is_some()).collect();
        assert!(pieces.len() >= 5, "{parts:?}");
        for (k, p) in pieces.iter().enumerate() {
            assert_eq!((p.piece, p.articles.clone()), (Some(k), long..long + 1));
            assert!(p.text.end == arts[long + 1].start || text[..p.text.end].ends_with('\n'), "{p:?}");
        }
        assert_eq!(pieces[0].text.start, arts[long].start);
        assert_eq!(pieces.last().unwrap().text.end, arts[long + 1].start);
        assert_eq!(parts[0].text.start, 0);
        assert_eq!(parts.last().unwrap().text.end, text.len());
        for (a, b) in parts.iter().zip(&parts[1..]) {
            assert_eq!(a.text.end, b.text.start);
        }
        // Its pieces keep their offsets, and the title and byline stay with the first.
        let first = arts[long].within(&pieces[0].text);
        assert_eq!((first.start, first.authors.len()), (0, 1));
        let second = arts[long].within(&pieces[1].text);
        assert_eq!((second.start, second.title_end, second.end), (0, 0, pieces[1].text.len()));
        assert!(second.authors.is_empty());
        // A text that is one article (and one line) is pieces too.
        let line = "很长的文章正文内容。".repeat(1000);
        let one = split(&line);
        let parts = super::parts(&one, &line, 100);
        assert!(parts.len() > 100 && parts.iter().all(|p| p.text.len() < 250), "{}", parts.len());
    }
}
