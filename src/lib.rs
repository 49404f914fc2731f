//! zhlens reads Chinese news text and finds its articles, organizations,
//! people, places, figures, dates and themes, entirely on the caller's
//! machine. This crate is the pure-Rust core (no JavaScript types); the
//! `wasm` module is the thin binding the npm package is built from, and
//! `src/bin/zhlens.rs` the command-line tool.
//!
//! ```
//! let analyzer = zhlens::Analyzer::new(zhlens::Options::default()).unwrap();
//! let analysis = analyzer.analyze("□本报记者 林晓\n\n近日，记者获悉。").unwrap();
//! assert_eq!(analysis.articles[0].authors, ["林晓"]);
//! ```
//!
//! The passes run in this order over the repaired text, each in its own
//! module: repair → articles → segment → (recognizers) → analysis; from
//! segmentation on, a part of the text (whole articles) at a time.
//!
//! ## Hot loops
//!
//! In the browser and Node, V8 runs a wasm function unoptimized (Liftoff)
//! until it has used up a budget, then optimizes it on background threads.
//! The budget is charged by code size ("a rough approximation of bytes
//! executed"): each return and each turn of a loop costs about the size of
//! the code it spans, whatever path was taken. A large function called for
//! every word, or a loop over characters whose body holds a rare but large
//! branch, is therefore optimized during the first analysis of even a 1 KB
//! page, and on a 2-core machine the optimizing threads took the main
//! thread's time: that first analysis took 30–35 ms instead of 22. So loops
//! over words and characters stay small: their rare heavy branch is a
//! function of its own (`#[inline(never)]`), and a large function is called
//! only where it has work. Constructors too: a loop over a data file in a
//! large constructor (or std's float parser, called for every row) had V8
//! optimize code that never runs again, on a thread the first analysis
//! needed. The cold start, from import to the first result, fell from
//! 51 to 44 ms when the finders' loops and constructors were kept small so.

pub mod analysis;
pub mod articles;
pub mod entities;
pub mod error;
pub mod figures;
pub mod keywords;
pub mod lexicon;
mod offsets;
pub mod repair;
pub mod segment;
pub mod themes;
/// The JavaScript binding (wasm32 only); public so wasm tests can call it.
#[cfg(target_arch = "wasm32")]
#[path = "wasm.rs"]
pub mod wasm_api;

use serde::{Deserialize, Serialize};

/// The lines of a data file under `data/`: trailing spaces trimmed, blank
/// lines and `#` comments left out.
pub(crate) fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A number of a data file or a user's table (`3`, `0.5`, `1e8`), as
/// `str::parse` reads it. Plain decimals of up to 15 digits, all the data
/// files hold, are read by a small loop of our own: std's parser is large
/// enough that V8 optimized it while an analyzer was being built (see the
/// crate's docs on hot loops). Exact alike: the digits and the power of ten
/// are both exact in an `f64`, so their quotient is the correctly rounded
/// value, as std's.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    const POWERS: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = whole.bytes().chain(fraction.bytes());
    if whole.is_empty() || whole.len() + fraction.len() > 15 || !digits.clone().all(|b| b.is_ascii_digit()) {
        return text.parse().ok();
    }
    let mantissa = digits.fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
    Some(mantissa as f64 / POWERS[fraction.len()])
}

pub use analysis::{Analysis, Article, Detail, Entity, Organization};
pub use error::{Error, Result};

use analysis::SpanMap;
use articles::Splitter;
use entities::{EntityFinder, Segmented};
use figures::FigureFinder;
use keywords::Keywords;
use segment::Segmenter;
use themes::{ArticleSpan, Taxonomy};

/// Settings of an [`Analyzer`]; every field has a default. In JavaScript the
/// same object with camelCase keys (`{ maxInputBytes: 1e6 }`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Inputs longer than this many bytes of UTF-8 are refused with
    /// [`Error::InputTooLarge`] instead of exhausting memory.
    pub max_input_bytes: usize,
    /// Organizations to recognize, with the other names they go by; they
    /// take precedence over what the analyzer finds by itself.
    pub organizations: Vec<UserOrganization>,
    /// Words for the segmenter (names, terms of a trade).
    pub words: Vec<UserWord>,
    /// A dictionary in jieba's format (`word freq tag` lines), added to the
    /// built-in one or replacing it.
    pub dictionary: Option<UserDictionary>,
    /// Themes to add to the built-in taxonomy, or to replace it with.
    pub taxonomy: Option<UserTaxonomy>,
    /// The kinds of span to report (`org`, `person`, `place`, `figure`,
    /// `date`, `theme`); all when absent.
    pub kinds: Option<Vec<Kind>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: 32 * 1024 * 1024,
            organizations: Vec::new(),
            words: Vec::new(),
            dictionary: None,
            taxonomy: None,
            kinds: None,
        }
    }
}

/// An organization the user names: `"星河云帆"` or `{ name, aliases }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum UserOrganization {
    Name(String),
    WithAliases {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

/// A word for the segmenter: `"具身智能"` or `{ word, freq, tag }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum UserWord {
    Word(String),
    Entry {
        word: String,
        #[serde(default)]
        freq: Option<usize>,
        #[serde(default)]
        tag: Option<String>,
    },
}

/// A user dictionary: jieba's text format, loaded over the built-in
/// dictionary (`extend`, the default) or in its place (`replace`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserDictionary {
    pub text: String,
    #[serde(default)]
    pub mode: MergeMode,
}

/// A user taxonomy: themes with their terms, added to the built-in one
/// (`extend`, the default) or used alone (`replace`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UserTaxonomy {
    #[serde(default)]
    pub mode: MergeMode,
    pub themes: Vec<UserTheme>,
}

/// How user data meets the built-in data: added to it or used alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MergeMode {
    #[default]
    Extend,
    Replace,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserTheme {
    pub label: String,
    pub terms: Vec<UserTerm>,
}

/// A term that shows a theme: `"拿铁"` (weight 2) or `{ term, weight }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum UserTerm {
    Term(String),
    Weighted { term: String, weight: f64 },
}

/// The kinds of highlighted span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Org,
    Person,
    Place,
    Figure,
    Date,
    Theme,
}

/// A word of the segmentation: UTF-16 span in the input, the word as
/// segmented (repaired), and its part-of-speech tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    pub text: String,
    pub word: String,
    pub start: usize,
    pub end: usize,
    pub tag: String,
}

/// Holds the loaded dictionaries and lexicons; build one and reuse it.
pub struct Analyzer {
    options: Options,
    segmenter: Segmenter,
    splitter: Splitter,
    figures: FigureFinder,
    entities: EntityFinder,
    taxonomy: Taxonomy,
    keywords: Keywords,
    /// The lexicons of the taxonomy, the organizations, the places and the
    /// date words, searched together (in that order: [`LexiconHits`]).
    lexicons: lexicon::LexiconSet,
}

/// The words of the analyzer's lexicons found in a text, each lexicon's
/// leftmost-longest, by one search for all: what the passes read.
pub struct LexiconHits(Vec<Vec<lexicon::Hit>>);

impl LexiconHits {
    /// The taxonomy's terms ([`themes::Taxonomy::score`]).
    pub fn themes(&self) -> &[lexicon::Hit] {
        &self.0[0]
    }

    /// The known organizations' names ([`entities::OrgFinder::find`]).
    pub fn orgs(&self) -> &[lexicon::Hit] {
        &self.0[1]
    }

    /// The place names ([`entities::PlaceFinder::find`]).
    pub fn places(&self) -> &[lexicon::Hit] {
        &self.0[2]
    }

    /// The date words ([`figures::FigureFinder::find`]).
    pub fn dates(&self) -> &[lexicon::Hit] {
        &self.0[3]
    }
}

impl Analyzer {
    pub fn new(options: Options) -> Result<Self> {
        if options.max_input_bytes == 0 {
            return Err(Error::InvalidOption("maxInputBytes must be at least 1".into()));
        }
        let mut segmenter = match &options.dictionary {
            None => Segmenter::new()?,
            Some(UserDictionary { text, mode: MergeMode::Replace }) => Segmenter::with_dictionary(text)?,
            Some(UserDictionary { text, mode: MergeMode::Extend }) => {
                let mut segmenter = Segmenter::new()?;
                segmenter.load_dictionary(text)?;
                segmenter
            }
        };
        for w in &options.words {
            let (word, freq, tag) = match w {
                UserWord::Word(word) => (word, None, None),
                UserWord::Entry { word, freq, tag } => (word, *freq, tag.as_deref()),
            };
            if word.trim().is_empty() || word.chars().any(char::is_whitespace) {
                return Err(Error::InvalidOption(format!("words: {word:?} is not a word")));
            }
            segmenter.add_word(word, freq, tag);
        }
        let mut user_orgs = Vec::new();
        for o in &options.organizations {
            let (name, aliases) = match o {
                UserOrganization::Name(name) => (name.clone(), Vec::new()),
                UserOrganization::WithAliases { name, aliases } => (name.clone(), aliases.clone()),
            };
            if name.trim().is_empty() || aliases.iter().any(|a| a.trim().is_empty()) {
                return Err(Error::InvalidOption("organizations: names and aliases must not be empty".into()));
            }
            // Whole words to the segmenter, so names are never cut in two.
            for form in std::iter::once(&name).chain(&aliases) {
                segmenter.add_word(form, None, Some("nt"));
            }
            user_orgs.push((name, aliases));
        }
        let taxonomy = match &options.taxonomy {
            None => Taxonomy::builtin(),
            Some(user) => {
                let mut rows = match user.mode {
                    MergeMode::Extend => Taxonomy::builtin().rows(),
                    MergeMode::Replace => Vec::new(),
                };
                for theme in &user.themes {
                    if theme.label.trim().is_empty() || theme.terms.is_empty() {
                        return Err(Error::InvalidOption("taxonomy: each theme needs a label and terms".into()));
                    }
                    for t in &theme.terms {
                        let (term, weight) = match t {
                            UserTerm::Term(term) => (term.clone(), 2.0),
                            UserTerm::Weighted { term, weight } => (term.clone(), *weight),
                        };
                        if term.trim().is_empty() || !(weight.is_finite() && weight > 0.0) {
                            return Err(Error::InvalidOption(format!(
                                "taxonomy: theme {:?} has an empty term or a weight that is not a positive number",
                                theme.label
                            )));
                        }
                        rows.push((theme.label.clone(), term, weight));
                    }
                }
                Taxonomy::from_rows(rows)
            }
        };
        let (figures, entities) = (FigureFinder::new(), EntityFinder::with_organizations(&user_orgs));
        let themes: Vec<&str> = taxonomy.terms().iter().map(String::as_str).collect();
        let orgs: Vec<&str> = entities.orgs.known_forms().iter().map(String::as_str).collect();
        let lexicons = lexicon::LexiconSet::new(&[&themes, &orgs, entities.places.names(), figures.date_words()]);
        Ok(Analyzer {
            options,
            segmenter,
            splitter: Splitter::new(),
            figures,
            entities,
            taxonomy,
            keywords: Keywords::new(),
            lexicons,
        })
    }

    /// The words of its lexicons in `text` (repaired): what its passes read.
    pub fn lexicon_hits(&self, text: &str) -> LexiconHits {
        LexiconHits(self.lexicons.find(text))
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    fn check(&self, text: &str) -> Result<()> {
        if text.len() > self.options.max_input_bytes {
            return Err(Error::InputTooLarge { bytes: text.len(), max: self.options.max_input_bytes });
        }
        Ok(())
    }

    /// The analysis of `text` (SPEC.md); offsets are UTF-16 units into `text`.
    pub fn analyze(&self, text: &str) -> Result<Analysis> {
        let mut whole = Analysis::default();
        self.analyze_in_parts(text, |part| {
            whole.append(part);
            Ok::<(), Error>(())
        })?;
        Ok(whole)
    }

    /// The analysis of `text` in parts, each handed to `emit` as soon as it
    /// is made: the articles of about [`articles::PART_BYTES`] of text (a page or a
    /// few are one part) with their spans and organizations. Appended in order
    /// ([`Analysis::append`]) they are [`Analyzer::analyze`]'s result.
    ///
    /// Why parts: the words and spans of a text take many times its size,
    /// and wasm memory never shrinks; made and handed over a part at a time,
    /// a 10 MB text needs little more than its own size and one part's.
    /// An organization's other names and a person's later bare mentions
    /// are linked within a part: across the whole text, for a page or a few.
    /// An article longer than a part is analyzed in pieces of its own (its
    /// article record comes with the first, its topics are read there).
    pub fn analyze_in_parts<E: From<Error>>(
        &self,
        text: &str,
        mut emit: impl FnMut(Analysis) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.check(text)?;
        let repaired = repair::repair(text);
        let map = SpanMap::new(text, &repaired);
        let articles = self.splitter.split(&repaired.text, &repaired.soft_breaks);
        // The themes of an article cut into pieces, found in its first.
        let mut themes_of_long: Vec<analysis::ThemeScore> = Vec::new();
        for part in articles::parts(&articles, &repaired.text, articles::PART_BYTES) {
            let base = part.text.start;
            // The part's articles with offsets into the part's text.
            let local: Vec<articles::Article> =
                articles[part.articles.clone()].iter().map(|a| a.within(&part.text)).collect();
            let continued = matches!(part.piece, Some(k) if k > 0);
            let (found, topics) =
                self.find_in(&repaired.text[part.text.clone()], &local, continued.then_some(themes_of_long.as_slice()));
            if part.piece == Some(0) {
                themes_of_long = topics.first().map(|t| t.themes.clone()).unwrap_or_default();
            }
            let found = found.into_iter().map(|f| f.moved_forward(base)).collect();
            let mut analysis =
                analysis::assemble(&map, &articles[part.articles.clone()], part.articles.start, found, topics);
            if continued {
                // The article is in the analysis of its first piece.
                analysis.articles.clear();
            }
            // Last, so it also applies to the bylines' authors, which settling the overlaps adds as people.
            if let Some(kinds) = &self.options.kinds {
                analysis.entities.retain(|e| kinds.contains(&e.detail.kind()));
                if !kinds.contains(&Kind::Org) {
                    analysis.organizations.clear();
                }
            }
            emit(analysis)?;
        }
        Ok(())
    }

    /// The recognizers over one part of the repaired text: its settled spans
    /// (sorted by start) and each article's topics, in offsets into `text`.
    /// The words (a record per word: the largest part of the memory an
    /// analysis holds) are dropped on return.
    ///
    /// `continued`: the part is a later piece of an article longer than a
    /// part, whose themes were found in its first piece (its topics are
    /// read there: the first piece alone is longer than any news article);
    /// their evidence is marked in this piece too.
    fn find_in(
        &self,
        text: &str,
        articles: &[articles::Article],
        continued: Option<&[analysis::ThemeScore]>,
    ) -> (Vec<analysis::Found>, Vec<analysis::ArticleTopics>) {
        let words = self.segmenter.tag(text);
        let seg = Segmented::new(text, &words);
        let hits = self.lexicon_hits(text);
        let mut found = self.figures.find(&seg, hits.dates());
        found.extend(self.entities.find(&seg, hits.orgs(), hits.places()));
        let mut people: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| matches!(f.detail, Detail::Person { .. }))
            .map(|f| (f.start, f.end))
            .chain(articles.iter().flat_map(|a| a.authors.iter().map(|x| (x.start, x.end))))
            .collect();
        people.sort_unstable();
        // Overlaps are settled before the themes: a theme word is kept
        // only where no other span is, so of the many theme words only
        // those shown are ever held.
        let mut found = analysis::settle_overlaps(articles, found);
        if let Some(themes) = continued {
            let piece = ArticleSpan { start: 0, end: text.len(), title_end: 0 };
            let mut spans = self.taxonomy.evidence(&seg, &piece, themes, hits.themes());
            spans.retain(|s| !analysis::overlaps_any(&found, s.start, s.end));
            found.extend(spans);
            // Two sorted runs: a stable sort merges them (an unstable one sorts afresh).
            found.sort_by_key(|f| f.start);
            return (found, Vec::new());
        }
        let mut theme_words = Vec::new();
        let mut idf_cache = rustc_hash::FxHashMap::default();
        let topics: Vec<_> = articles
            .iter()
            .map(|a| {
                let span = ArticleSpan { start: a.start, end: a.end, title_end: a.title_end };
                let (themes, spans) = self.taxonomy.score(&seg, &span, hits.themes());
                theme_words.extend(
                    spans.into_iter().filter(|s| s.start < s.end && !analysis::overlaps_any(&found, s.start, s.end)),
                );
                analysis::ArticleTopics {
                    themes,
                    keywords: self.keywords.extract(&seg, &self.segmenter, &span, &people, &mut idf_cache),
                }
            })
            .collect();
        found.extend(theme_words);
        // Two sorted runs, as above.
        found.sort_by_key(|f| f.start);
        (found, topics)
    }

    /// The segmentation of `text` (after repair), without whitespace tokens.
    pub fn tokens(&self, text: &str) -> Result<Vec<Token>> {
        let mut all = Vec::new();
        self.tokens_in_parts(text, |part| {
            all.extend(part);
            Ok::<(), Error>(())
        })?;
        Ok(all)
    }

    /// [`Analyzer::tokens`] a part of the text at a time, as
    /// [`Analyzer::analyze_in_parts`] (parts end after a line break).
    pub fn tokens_in_parts<E: From<Error>>(
        &self,
        text: &str,
        mut emit: impl FnMut(Vec<Token>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.check(text)?;
        let repaired = repair::repair(text);
        let map = SpanMap::new(text, &repaired);
        for piece in segment::pieces(&repaired.text, articles::PART_BYTES) {
            let base = piece.start;
            let tokens = self
                .segmenter
                .tag(&repaired.text[piece])
                .into_iter()
                .map(|w| (base + w.start, base + w.end, w.tag))
                .filter(|&(start, end, _)| !repaired.text[start..end].trim().is_empty())
                .map(|(start, end, tag)| {
                    let (utf16_start, utf16_end, original) = map.utf16(start, end);
                    Token {
                        text: original.to_string(),
                        word: repaired.text[start..end].to_string(),
                        start: utf16_start,
                        end: utf16_end,
                        tag: tag.to_string(),
                    }
                })
                .collect();
            emit(tokens)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_std_reads_them() {
        for text in [
            "3",
            "0.5",
            "2.25",
            "0.1",
            "0.7",
            "1000",
            "100000000",
            "123456789012345",
            "0.000000000000001",
            "3.",
            "1234567890123456",
            "1e8",
            ".5",
            "-2",
            "+1",
            "inf",
            "NaN",
            "1.2.3",
            "",
            "一",
            "1_000",
            " 1",
        ] {
            let std = text.parse::<f64>().ok();
            let ours = parse_number(text);
            assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{text:?}");
        }
    }

    #[test]
    fn the_built_in_lexicons_are_read_prebuilt_unless_options_change_them() {
        assert!(Analyzer::new(Options::default()).unwrap().lexicons.is_prebuilt());
        let orgs = Options { organizations: vec![UserOrganization::Name("某某集团".into())], ..Options::default() };
        let with_orgs = Analyzer::new(orgs).unwrap();
        assert!(!with_orgs.lexicons.is_prebuilt());
        assert_eq!(with_orgs.lexicon_hits("某某集团发布").orgs().len(), 1);
        let themes = UserTaxonomy {
            mode: MergeMode::Extend,
            themes: vec![UserTheme { label: "咖啡".into(), terms: vec![UserTerm::Term("拿铁".into())] }],
        };
        let with_themes = Analyzer::new(Options { taxonomy: Some(themes), ..Options::default() }).unwrap();
        assert!(!with_themes.lexicons.is_prebuilt());
        let text = "一杯拿铁，中国国务院今年发布";
        let hits = with_themes.lexicon_hits(text);
        assert!(hits.themes().iter().any(|h| &text[h.start..h.end] == "拿铁"));
        assert!(!hits.orgs().is_empty() && !hits.places().is_empty() && !hits.dates().is_empty());
    }
}
