//! The analysis object of SPEC.md, and its assembly from the passes.
//!
//! Passes report spans as byte offsets into the repaired text. This module
//! is the one place they are mapped back to the input and converted to UTF-16
//! code units, so every offset a caller sees slices the string it passed.

use std::cell::Cell;

use serde::Serialize;

use crate::articles::{self, Article as ArticleSpan};
use crate::figures::Figure;
use crate::offsets::Utf16Index;
use crate::repair::Repaired;

/// One analysis (SPEC.md): articles, highlighted spans, organizations.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub organizations: Vec<Organization>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ArticleKind {
    Article,
    Caption,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub title: String,
    pub kind: ArticleKind,
    /// UTF-16 span of the whole article in the input.
    pub start: usize,
    pub end: usize,
    pub authors: Vec<String>,
    pub themes: Vec<ThemeScore>,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ThemeScore {
    pub label: String,
    pub score: f64,
    pub evidence: Vec<String>,
}

/// A highlighted span: `text` is exactly `input[start..end]` in UTF-16 units.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index into `articles` of the article holding the span.
    pub article: Option<usize>,
    #[serde(flatten)]
    pub detail: Detail,
}

/// What a span is; serialized as its `kind` and the fields of that kind.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Detail {
    Org {
        name: String,
    },
    Person {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        role: Option<String>,
    },
    Place {
        name: String,
    },
    /// Boxed: a figure is the largest detail by far, and every span holds one's size.
    Figure(Box<Figure>),
    Date {
        name: String,
    },
    Theme {
        label: String,
    },
}

impl Detail {
    /// The kind this detail is of.
    pub fn kind(&self) -> crate::Kind {
        match self {
            Detail::Org { .. } => crate::Kind::Org,
            Detail::Person { .. } => crate::Kind::Person,
            Detail::Place { .. } => crate::Kind::Place,
            Detail::Figure(_) => crate::Kind::Figure,
            Detail::Date { .. } => crate::Kind::Date,
            Detail::Theme { .. } => crate::Kind::Theme,
        }
    }

    /// Which of two overlapping spans is kept: the lower rank.
    fn rank(&self) -> u8 {
        match self {
            Detail::Date { .. } | Detail::Figure(_) => 0,
            Detail::Person { .. } | Detail::Org { .. } | Detail::Place { .. } => 1,
            Detail::Theme { .. } => 2,
        }
    }
}

/// One distinct organization, with every other name it goes by.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: usize,
}

/// A span found by a pass: byte offsets into the repaired text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub detail: Detail,
}

impl Found {
    /// The same span `by` bytes later: from a part of the text into the whole.
    pub fn moved_forward(self, by: usize) -> Found {
        Found { start: self.start + by, end: self.end + by, ..self }
    }
}

/// Maps repaired-text byte spans to input UTF-16 spans.
pub struct SpanMap<'a> {
    input: &'a str,
    repaired: &'a Repaired,
    utf16: Utf16Index<'a>,
    /// Where the last start and end were found among the repair's edits:
    /// spans come sorted, so the next is a step or two on.
    start_hint: Cell<usize>,
    end_hint: Cell<usize>,
}

impl<'a> SpanMap<'a> {
    pub fn new(input: &'a str, repaired: &'a Repaired) -> Self {
        SpanMap { input, repaired, utf16: Utf16Index::new(input), start_hint: Cell::new(0), end_hint: Cell::new(0) }
    }

    /// Input byte span of a repaired-text span.
    pub fn input_bytes(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.repaired.orig_start_near(start, &self.start_hint);
        let e = self.repaired.orig_end_near(end, &self.end_hint).max(s);
        (s, e)
    }

    /// The repaired text of a span.
    pub fn repaired(&self, start: usize, end: usize) -> &'a str {
        &self.repaired.text[start..end]
    }

    /// Input UTF-16 span and text of a repaired-text span.
    pub fn utf16(&self, start: usize, end: usize) -> (usize, usize, &'a str) {
        let (s, e) = self.input_bytes(start, end);
        (self.utf16.utf16(s), self.utf16.utf16(e), &self.input[s..e])
    }
}

/// Puts the passes' findings together into the analysis object.
/// What the theme and key-phrase passes found for one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleTopics {
    pub themes: Vec<ThemeScore>,
    pub keywords: Vec<String>,
}

/// Settles the overlaps of the spans found (theme words aside, which
/// `overlaps_any` fits in after): bylines' authors first, then the better
/// ranked and the longer span. Returns them sorted by start.
pub fn settle_overlaps(articles: &[ArticleSpan], mut found: Vec<Found>) -> Vec<Found> {
    // Bylines are the surest people of all: nothing else may cut into them.
    // Authors come in text order and never overlap, so the one that could
    // cut into a span is the last starting before its end.
    let authors: Vec<Found> = articles
        .iter()
        .flat_map(|a| &a.authors)
        .map(|au| Found { start: au.start, end: au.end, detail: Detail::Person { name: au.name.clone(), role: None } })
        .collect();
    debug_assert!(authors.windows(2).all(|w| w[0].end <= w[1].start));
    found.retain(|f| {
        let i = authors.partition_point(|a| a.start < f.end);
        i == 0 || authors[i - 1].end <= f.start
    });
    found.extend(authors);
    without_overlaps(found)
}

/// Whether `start..end` overlaps one of `spans` (sorted by start, not overlapping).
pub fn overlaps_any(spans: &[Found], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|s| s.start < end);
    i > 0 && spans[i - 1].end > start
}

/// The analysis from the settled spans (`settle_overlaps`, then theme words
/// where nothing else is; sorted by start) and each article's topics.
/// `articles` are those of one part of the text, the first of them article
/// number `first_article` of the whole.
pub fn assemble(
    map: &SpanMap,
    articles: &[ArticleSpan],
    first_article: usize,
    found: Vec<Found>,
    topics: Vec<ArticleTopics>,
) -> Analysis {
    let organizations = organizations(map, &found);
    // Articles are in order and do not overlap: a binary search finds a span's.
    let article_of = |pos: usize| {
        let i = articles.partition_point(|a| a.start <= pos);
        i.checked_sub(1).filter(|&i| pos < articles[i].end.max(articles[i].start + 1)).map(|i| first_article + i)
    };
    let entities = found
        .into_iter()
        .map(|f| {
            let (start, end, text) = map.utf16(f.start, f.end);
            Entity { text: text.to_string(), start, end, article: article_of(f.start), detail: f.detail }
        })
        .collect();
    let articles = articles
        .iter()
        .zip(topics.into_iter().chain(std::iter::repeat_with(ArticleTopics::default)))
        .map(|(a, topics)| {
            let (start, end, _) = map.utf16(a.start, a.end);
            Article {
                title: a.title.clone(),
                kind: match a.kind {
                    articles::Kind::Article => ArticleKind::Article,
                    articles::Kind::Caption => ArticleKind::Caption,
                },
                start,
                end,
                authors: a.authors.iter().map(|x| x.name.clone()).collect(),
                themes: topics.themes,
                keywords: topics.keywords,
            }
        })
        .collect();
    Analysis { articles, entities, organizations }
}

impl Analysis {
    /// Appends the analysis of the text's next part
    /// ([`crate::Analyzer::analyze_in_parts`]).
    pub fn append(&mut self, part: Analysis) {
        self.articles.extend(part.articles);
        self.entities.extend(part.entities);
        merge_organizations(&mut self.organizations, part.organizations);
    }
}

/// Adds the organizations of a later part of the text to `rows`: one row per
/// name still, in order of first mention, with the names of both and the
/// mentions of both counted.
pub fn merge_organizations(rows: &mut Vec<Organization>, later: Vec<Organization>) {
    if rows.is_empty() {
        *rows = later;
        return;
    }
    let mut row_of: rustc_hash::FxHashMap<String, usize> =
        rows.iter().enumerate().map(|(i, r)| (r.name.clone(), i)).collect();
    for org in later {
        match row_of.get(&org.name) {
            Some(&i) => {
                let row = &mut rows[i];
                row.mentions += org.mentions;
                for alias in org.aliases {
                    if !row.aliases.contains(&alias) {
                        row.aliases.push(alias);
                    }
                }
            }
            None => {
                row_of.insert(org.name.clone(), rows.len());
                rows.push(org);
            }
        }
    }
}

/// One row per distinct organization, in order of first mention: the other
/// names it went by and how often it was mentioned.
fn organizations(map: &SpanMap, found: &[Found]) -> Vec<Organization> {
    let mut rows: Vec<Organization> = Vec::new();
    let mut row_of: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for f in found {
        let Detail::Org { name } = &f.detail else { continue };
        // The mention as written, without layout spaces.
        let surface = crate::repair::compact(map.repaired(f.start, f.end));
        let i = *row_of.entry(name).or_insert_with(|| {
            rows.push(Organization { name: name.clone(), aliases: Vec::new(), mentions: 0 });
            rows.len() - 1
        });
        let row = &mut rows[i];
        row.mentions += 1;
        if *surface != **name && !row.aliases.iter().any(|a| *a == *surface) {
            row.aliases.push(surface.into_owned());
        }
    }
    rows
}

/// Keeps, of overlapping spans, the better ranked and then the longer one;
/// returns them sorted by start. Decided on indices and spans, so the
/// spans themselves are not moved around (or copied) until the end.
fn without_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    found.retain(|f| f.start < f.end);
    let mut order: Vec<u32> = (0..found.len() as u32).collect();
    order.sort_by_key(|&i| {
        let f = &found[i as usize];
        (f.detail.rank(), std::cmp::Reverse(f.end - f.start), f.start)
    });
    // The bytes the spans kept so far cover, a bit each: spans are short,
    // so a span is tested and marked a word or two at a time (a tree of
    // the kept spans was 4% of an analysis in wasm).
    let text_end = found.iter().map(|f| f.end).max().unwrap_or(0);
    let mut taken = vec![0u64; text_end / 64 + 1];
    let mut keep = vec![false; found.len()];
    for i in order {
        let f = &found[i as usize];
        if masks(f.start, f.end).any(|(w, mask)| taken[w] & mask != 0) {
            continue;
        }
        for (w, mask) in masks(f.start, f.end) {
            taken[w] |= mask;
        }
        keep[i as usize] = true;
    }
    let mut i = 0;
    found.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    // The passes' lists, each in order: a stable sort merges the runs.
    found.sort_by_key(|f| f.start);
    found
}

/// The bits of bytes `start..end` in a bitmap of 64-bit words: (word, mask) pairs.
fn masks(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
    let mut at = start;
    std::iter::from_fn(move || {
        (at < end).then(|| {
            let (word, bit) = (at / 64, at % 64);
            let n = (end - at).min(64 - bit);
            at += n;
            (word, if n == 64 { u64::MAX } else { ((1u64 << n) - 1) << bit })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(start: usize, end: usize) -> Found {
        Found { start, end, detail: Detail::Org { name: String::new() } }
    }

    #[test]
    fn organizations_of_later_parts_merge_by_name_in_order_of_first_mention() {
        let row = |name: &str, aliases: &[&str], mentions| Organization {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions,
        };
        let mut rows = Vec::new();
        merge_organizations(&mut rows, vec![row("甲公司", &["甲"], 2), row("乙局", &[], 1)]);
        merge_organizations(&mut rows, vec![row("丙院", &[], 1), row("甲公司", &["甲司", "甲"], 3)]);
        assert_eq!(rows, [row("甲公司", &["甲", "甲司"], 5), row("乙局", &[], 1), row("丙院", &[], 1)]);
    }

    #[test]
    fn byte_masks_cover_exactly_the_span() {
        for (start, end) in [(0, 1), (3, 64), (0, 64), (60, 70), (63, 200), (128, 192)] {
            let mut bitmap = [0u64; 4];
            for (w, mask) in masks(start, end) {
                assert_eq!(bitmap[w] & mask, 0, "{start}..{end}");
                bitmap[w] |= mask;
            }
            let set: Vec<usize> = (0..256).filter(|&i| bitmap[i / 64] >> (i % 64) & 1 == 1).collect();
            assert_eq!(set, (start..end).collect::<Vec<_>>(), "{start}..{end}");
        }
    }

    #[test]
    fn overlaps_keep_rank_then_length() {
        let date = Found { start: 2, end: 4, detail: Detail::Date { name: String::new() } };
        let kept = without_overlaps(vec![org(0, 3), org(5, 9), org(6, 7), date.clone(), org(9, 10)]);
        let spans: Vec<(usize, usize)> = kept.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(spans, [(2, 4), (5, 9), (9, 10)]);
    }

    #[test]
    fn a_span_overlaps_a_settled_one_or_fits_between() {
        let settled = [org(2, 5), org(5, 6), org(9, 12)];
        for (start, end, expected) in
            [(0, 2, false), (0, 3, true), (4, 5, true), (6, 9, false), (7, 8, false), (11, 20, true), (12, 13, false)]
        {
            assert_eq!(overlaps_any(&settled, start, end), expected, "{start}..{end}");
        }
        assert!(!overlaps_any(&[], 0, 1));
    }

    #[test]
    fn bylines_authors_win_over_any_span() {
        let article = ArticleSpan {
            start: 0,
            end: 20,
            title: String::new(),
            title_end: 0,
            kind: articles::Kind::Article,
            authors: vec![articles::Author { name: "李明".into(), start: 4, end: 10 }],
        };
        let settled = settle_overlaps(&[article], vec![org(0, 6), org(10, 14)]);
        let spans: Vec<(usize, usize)> = settled.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(spans, [(4, 10), (10, 14)]);
    }

    #[test]
    fn entities_serialize_with_their_kind() {
        let e = Entity {
            text: "张强".into(),
            start: 1,
            end: 3,
            article: Some(0),
            detail: Detail::Person { name: "张强".into(), role: Some("书记".into()) },
        };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "person");
        assert_eq!(json["role"], "书记");
        assert_eq!(json["start"], 1);
    }
}
