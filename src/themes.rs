//! Themes: which labels of the taxonomy (SPEC.md) each article is about,
//! ranked, with the words that show them.
//!
//! Each label has trigger terms with weights (`data/themes.tsv`). An
//! article's score for a label adds its terms' weights, counting repeats
//! with diminishing returns (1 + ln n) and the title and lead more than the
//! body. A label is asserted when its score clears an absolute floor (one
//! weak word is not a theme) and a share of the best label's score (a
//! passing mention in a long article is not either), at most six.

use rustc_hash::FxHashMap as HashMap;

use crate::analysis::{Detail, Found, ThemeScore};
use crate::entities::Segmented;
use crate::error::{Error, Result};
use crate::lexicon::Hit;

const BUILTIN: &str = include_str!("../data/themes.tsv");

/// Score a label needs to be asserted at all.
const MIN_SCORE: f64 = 4.5;
/// Share of the best label's score a label needs.
const MIN_SHARE: f64 = 0.1;
const MAX_LABELS: usize = 6;
const MAX_EVIDENCE: usize = 6;
/// How much each repeat of a term adds (as `REPEAT × ln n`).
const REPEAT: f64 = 0.5;
/// Weight of a term in the title, and in the lead (the first characters of the body).
const TITLE_FACTOR: f64 = 3.0;
const LEAD_FACTOR: f64 = 1.5;
const LEAD_BYTES: usize = 600;

struct Term {
    label: usize,
    weight: f64,
}

/// Labels and their trigger terms (found by the analyzer's lexicons).
pub struct Taxonomy {
    labels: Vec<String>,
    terms: Vec<Term>,
    patterns: Vec<String>,
}

/// One occurrence of a term in an article: term, span, position factor.
type TermHit = (usize, usize, usize, f64);

/// A label's score in an article and its terms' contributions.
type LabelScore = (usize, f64, Vec<(f64, usize)>);

/// Where an article is in the text, for weighing its terms.
pub struct ArticleSpan {
    pub start: usize,
    pub end: usize,
    /// End of the title line (== start when it has none).
    pub title_end: usize,
}

impl Taxonomy {
    /// The built-in taxonomy of SPEC.md.
    pub fn builtin() -> Self {
        Self::parse(BUILTIN).expect("the built-in taxonomy parses")
    }

    /// A taxonomy from `label<TAB>term<TAB>weight` lines (`#` comments).
    pub fn parse(tsv: &str) -> Result<Self> {
        let mut rows = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let weight = match cols.get(2) {
                Some(w) => crate::parse_number(w.trim()).filter(|w| w.is_finite() && *w > 0.0),
                None => Some(2.0),
            };
            match (cols.first(), cols.get(1), weight) {
                (Some(l), Some(t), Some(w)) if !l.trim().is_empty() && !t.trim().is_empty() => {
                    rows.push((l.trim().to_string(), t.trim().to_string(), w))
                }
                _ => {
                    return Err(Error::InvalidOption(format!(
                        "taxonomy line {}: expected `label<TAB>term<TAB>weight`, got {line:?}",
                        n + 1
                    )))
                }
            }
        }
        Ok(Self::from_rows(rows))
    }

    /// Builds from `(label, term, weight)` rows; a later row for the same
    /// label and term replaces the earlier one.
    pub fn from_rows(rows: Vec<(String, String, f64)>) -> Self {
        let mut labels: Vec<String> = Vec::new();
        let mut by_term: HashMap<(usize, String), f64> = HashMap::default();
        let mut order: Vec<(usize, String)> = Vec::new();
        for (label, term, weight) in rows {
            // From the end: a label's rows mostly come together.
            let l = labels.iter().rposition(|x| *x == label).unwrap_or_else(|| {
                labels.push(label);
                labels.len() - 1
            });
            if by_term.insert((l, term.clone()), weight).is_none() {
                order.push((l, term));
            }
        }
        let terms = order.iter().map(|k| Term { label: k.0, weight: by_term[k] }).collect();
        let patterns: Vec<String> = order.into_iter().map(|(_, t)| t).collect();
        Taxonomy { labels, terms, patterns }
    }

    /// The rows of this taxonomy, to extend it.
    pub fn rows(&self) -> Vec<(String, String, f64)> {
        self.terms
            .iter()
            .zip(&self.patterns)
            .map(|(t, p)| (self.labels[t.label].clone(), p.clone(), t.weight))
            .collect()
    }

    /// The terms, in order: the lexicon whose hits [`Taxonomy::score`] reads.
    pub fn terms(&self) -> &[String] {
        &self.patterns
    }

    /// The occurrences of the taxonomy's terms in an article, weighed by
    /// where they are, of `lexicon` (the terms found in the text).
    fn hits(&self, seg: &Segmented, art: &ArticleSpan, lexicon: &[Hit]) -> Vec<TermHit> {
        let first = lexicon.partition_point(|m| m.start < art.start);
        let mut hits: Vec<TermHit> = Vec::new();
        for m in lexicon[first..].iter().take_while(|m| m.end <= art.end) {
            let (s, e) = (m.start, m.end);
            // Two-character terms must start a word (园区, not 工业园|区…).
            if e - s <= 6 && !seg.starts_word(s) {
                continue;
            }
            let factor = if s < art.title_end {
                TITLE_FACTOR
            } else if s < art.title_end + LEAD_BYTES {
                LEAD_FACTOR
            } else {
                1.0
            };
            hits.push((m.index, s, e, factor));
        }
        hits
    }

    /// The spans of the evidence of `themes` (found for the same article
    /// before) in a later piece of it: the piece of an article longer than
    /// a part of the text ([`crate::Analyzer::analyze_in_parts`]).
    pub fn evidence(&self, seg: &Segmented, piece: &ArticleSpan, themes: &[ThemeScore], lexicon: &[Hit]) -> Vec<Found> {
        let mut hits = self.hits(seg, piece, lexicon);
        hits.retain(|&(t, ..)| {
            let label = &self.labels[self.terms[t].label];
            themes.iter().any(|th| th.label == *label && th.evidence.contains(&self.patterns[t]))
        });
        hits.into_iter()
            .map(|(t, start, end, _)| Found {
                start,
                end,
                detail: Detail::Theme { label: self.labels[self.terms[t].label].clone() },
            })
            .collect()
    }

    /// The themes of one article and the spans of their evidence, of
    /// `lexicon`: the terms found in the text ([`Taxonomy::terms`]).
    pub fn score(&self, seg: &Segmented, art: &ArticleSpan, lexicon: &[Hit]) -> (Vec<ThemeScore>, Vec<Found>) {
        let mut hits = self.hits(seg, art, lexicon);
        // Each term's hits together, in text order; the terms in the order of
        // the taxonomy, so a label's score is summed in an order of its own
        // (not a hash map's, which differs between builds).
        hits.sort_unstable_by_key(|&(t, s, ..)| (t, s));
        let mut by_label: HashMap<usize, (f64, Vec<(f64, usize)>)> = HashMap::default();
        for same in hits.chunk_by(|a, b| a.0 == b.0) {
            let (t, count) = (same[0].0, same.len());
            let factor = same.iter().map(|h| h.3).fold(0.0, f64::max);
            let term = &self.terms[t];
            let contribution = term.weight * factor * (1.0 + REPEAT * (count as f64).ln());
            let entry = by_label.entry(term.label).or_insert((0.0, Vec::new()));
            entry.0 += contribution;
            entry.1.push((contribution, t));
        }
        let best = by_label.values().map(|v| v.0).fold(0.0, f64::max);
        let mut ranked: Vec<LabelScore> = by_label
            .into_iter()
            .filter(|(_, (score, _))| *score >= MIN_SCORE && *score >= MIN_SHARE * best)
            .map(|(l, (score, terms))| (l, score, terms))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_LABELS);
        let mut themes = Vec::new();
        let mut spans = Vec::new();
        for (label, score, mut terms) in ranked {
            terms.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            terms.truncate(MAX_EVIDENCE);
            for &(_, t) in &terms {
                let first = hits.partition_point(|h| h.0 < t);
                for &(_, s, e, _) in hits[first..].iter().take_while(|h| h.0 == t) {
                    spans.push(Found { start: s, end: e, detail: Detail::Theme { label: self.labels[label].clone() } });
                }
            }
            themes.push(ThemeScore {
                label: self.labels[label].clone(),
                score: (score / best * 1000.0).round() / 1000.0,
                evidence: terms.iter().map(|&(_, t)| self.patterns[t].clone()).collect(),
            });
        }
        (themes, spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::with_segmented;

    fn themes(text: &str, title_end: usize) -> Vec<ThemeScore> {
        let span = ArticleSpan { start: 0, end: text.len(), title_end };
        let taxonomy = Taxonomy::builtin();
        let terms = crate::lexicon::hits_of(taxonomy.terms(), text);
        with_segmented(text, |seg| taxonomy.score(seg, &span, &terms).0)
    }

    #[test]
    fn an_article_gets_its_themes_ranked_with_evidence() {
        let text = "商业航天产业园开园\n\n近日，商业航天产业园开园，多家火箭企业入驻。园区将建设卫星总装线，\
                    支持运载火箭研发，吸引人才落户。今年园区火箭发射次数创新高。";
        let t = themes(text, text.find('\n').unwrap());
        assert_eq!(t[0].label, "商业航天");
        assert!(t[0].evidence.iter().any(|e| e == "火箭"));
        assert_eq!(t[0].score, 1.0);
        assert!(t.iter().any(|x| x.label == "产业园区与开发区"), "{t:?}");
        assert!(t.len() <= MAX_LABELS);
    }

    #[test]
    fn one_weak_word_is_not_a_theme() {
        let t = themes("今天天气很好，大家一起去公园散步，心情愉快。", 0);
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn user_taxonomy_parses_and_rejects_bad_lines() {
        let tax = Taxonomy::parse("# mine\n咖啡\t拿铁\t3\n咖啡\t咖啡豆\n").unwrap();
        assert_eq!(tax.rows().len(), 2);
        assert!(Taxonomy::parse("咖啡\n").is_err());
        assert!(Taxonomy::parse("咖啡\t拿铁\tNaN\n").is_err());
    }
}
