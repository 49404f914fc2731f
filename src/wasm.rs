//! The JavaScript binding: one `Analyzer` class whose methods return plain
//! objects (built by js/entities.js from columns, [`Columns`]), never one
//! class instance per token, and throw real `Error`s. Compiled for wasm32
//! only; the core knows nothing of JS.

use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analysis::{Article, ArticleKind, Detail, Entity};
use crate::Options;

/// Talc in place of Rust's default wasm allocator (dlmalloc): an analysis
/// allocates and frees many small records, and dlmalloc's bookkeeping was
/// 8% of one.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Options of `new Analyzer(options)`; every field is optional. */
export interface AnalyzerOptions {
  /** Inputs longer than this many bytes of UTF-8 throw instead of being analyzed (default 32 MiB). */
  maxInputBytes?: number;
  /** Organizations to recognize, by name or with the other names they go by; they take precedence. */
  organizations?: Array<string | { name: string; aliases?: string[] }>;
  /** Words for the segmenter, with an optional frequency (higher keeps it whole) and part-of-speech tag. */
  words?: Array<string | { word: string; freq?: number; tag?: string }>;
  /**
   * A dictionary in jieba's format (`word freq tag` per line; freq and tag optional), as text or UTF-8 bytes
   * (e.g. `await (await fetch(url)).arrayBuffer()`), added to the built-in one ("extend", the default) or
   * used in its place ("replace": then it should be a whole general dictionary, since the recognizers read its tags).
   */
  dictionary?: { text: string | Uint8Array | ArrayBuffer; mode?: "extend" | "replace" };
  /** Themes added to the built-in taxonomy ("extend", the default) or replacing it ("replace"). */
  taxonomy?: {
    mode?: "extend" | "replace";
    themes: Array<{ label: string; terms: Array<string | { term: string; weight: number }> }>;
  };
  /** The kinds of span to report; all when absent. */
  kinds?: Array<"org" | "person" | "place" | "figure" | "date" | "theme">;
}

/** One analysis of a text (SPEC.md). Offsets are UTF-16 code units into the text passed: `text.slice(start, end)`. */
export interface Analysis {
  articles: Article[];
  /** Every highlighted span, sorted by `start`, never overlapping. */
  entities: Entity[];
  /** One row per distinct organization. */
  organizations: Organization[];
}

export interface Article {
  title: string;
  kind: "article" | "caption";
  start: number;
  end: number;
  authors: string[];
  themes: ThemeScore[];
  keywords: string[];
}

export interface ThemeScore {
  label: string;
  score: number;
  evidence: string[];
}

interface SpanBase {
  /** Exactly `input.slice(start, end)`, layout damage included. */
  text: string;
  start: number;
  end: number;
  /** Index into `articles`, or null outside every article. */
  article: number | null;
}

export interface OrgEntity extends SpanBase { kind: "org"; name: string }
export interface PersonEntity extends SpanBase { kind: "person"; name: string; role?: string }
export interface PlaceEntity extends SpanBase { kind: "place"; name: string }
export interface DateEntity extends SpanBase { kind: "date"; name: string }
export type FigureKind = "money" | "percent" | "count" | "area" | "length" | "speed" | "weight"
  | "power" | "compute" | "duration" | "multiple" | "fraction" | "age" | "other";
export interface FigureEntity extends SpanBase {
  kind: "figure";
  /** In base units: 428亿元 → 42800000000; 48.5% → 48.5 (percent points). */
  value: number;
  /** Upper end of a range (1500万元至1600万元), else null. */
  valueTo: number | null;
  /** Normalized unit (元, 美元, %, 百分点, 家, 平方公里 …); "" when none (3亿). */
  unit: string;
  figureKind: FigureKind;
  /** 超过/余/多 → "over", 不足/以下 → "under", 约/近/左右 → "about". */
  qualifier: "over" | "under" | "about" | null;
  /** What the figure measures (软件业务收入), when the sentence says it. */
  measure: string | null;
  /** Direction given by a verb of change (增长 → "up", 下降 → "down"). */
  change: "up" | "down" | null;
}
export interface ThemeEntity extends SpanBase { kind: "theme"; label: string }
export type Entity = OrgEntity | PersonEntity | PlaceEntity | FigureEntity | DateEntity | ThemeEntity;

export interface Organization {
  name: string;
  aliases: string[];
  mentions: number;
}

/** A word of the segmentation. */
export interface Token {
  /** Exactly `input.slice(start, end)`. */
  text: string;
  /** The word as segmented, after repair of layout damage. */
  word: string;
  start: number;
  end: number;
  /** jieba part-of-speech tag (n, v, ns, nr, nt, m, x …). */
  tag: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// A panic aborts the instance with a bare `unreachable`; the hook writes
/// the panic's message and place to the console first, for the bug report.
fn report_panics_to_console() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| std::panic::set_hook(Box::new(|info| console_error(&format!("zhlens panicked: {info}")))));
}

/// Results cross as columns that JavaScript builds objects from (articles,
/// entities, tokens: [`Columns`]) or, for the one short list of
/// organizations, as JSON it parses: building the objects field by field
/// from wasm (serde-wasm-bindgen) took most of the time of a whole
/// analysis; plain JavaScript and `JSON.parse` build them natively.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    parse(&serde_json::to_string(value).map_err(|e| JsError::new(&format!("zhlens: {e}")))?)
}

#[wasm_bindgen(module = "/js/entities.js")]
extern "C" {
    /// Appends the entities written in `numbers` and the string table
    /// (`strings` cut at `ends`) to `list` (js/entities.js).
    #[wasm_bindgen(js_name = pushEntities)]
    fn push_entities(list: &js_sys::Array, input: &JsString, numbers: &[f64], strings: &str, ends: &[u32]);

    /// The same for tokens.
    #[wasm_bindgen(js_name = pushTokens)]
    fn push_tokens(list: &js_sys::Array, input: &JsString, numbers: &[f64], strings: &str, ends: &[u32]);

    /// The same for articles.
    #[wasm_bindgen(js_name = pushArticles)]
    fn push_articles(list: &js_sys::Array, numbers: &[f64], strings: &str, ends: &[u32]);
}

/// One part's articles, entities or tokens as js/entities.js reads them:
/// numbers, and a table holding each distinct string once. As JSON they
/// were ten times the input, every span's text encoded, decoded and parsed
/// again; here JavaScript slices a span's text from the input it holds,
/// most names are their span's text, and theme labels, evidence and key
/// phrases recur from article to article.
#[derive(Default)]
struct Columns<'a> {
    numbers: Vec<f64>,
    strings: String,
    /// The UTF-16 offset in `strings` where each string of the table ends.
    ends: Vec<u32>,
    index: rustc_hash::FxHashMap<&'a str, usize>,
}

/// -1 in `Columns::numbers` for a missing string, or a name that is its span's text.
const NONE: f64 = -1.0;

impl<'a> Columns<'a> {
    fn of_entities(entities: &'a [Entity]) -> Self {
        let mut columns = Columns { numbers: Vec::with_capacity(entities.len() * 6), ..Columns::default() };
        for e in entities {
            columns.push(e);
        }
        columns
    }

    fn of_tokens(tokens: &'a [crate::Token]) -> Self {
        let mut columns = Columns { numbers: Vec::with_capacity(tokens.len() * 4), ..Columns::default() };
        for t in tokens {
            let (word, tag) = (columns.name(&t.word, &t.text), columns.string(&t.tag));
            columns.numbers.extend([t.start as f64, t.end as f64, word, tag]);
        }
        columns
    }

    fn of_articles(articles: &'a [Article]) -> Self {
        let mut columns = Columns { numbers: Vec::with_capacity(articles.len() * 40), ..Columns::default() };
        for a in articles {
            let kind = match a.kind {
                ArticleKind::Article => 0.0,
                ArticleKind::Caption => 1.0,
            };
            let title = columns.string(&a.title);
            columns.numbers.extend([title, kind, a.start as f64, a.end as f64]);
            columns.strings_of(&a.authors);
            columns.numbers.push(a.themes.len() as f64);
            for theme in &a.themes {
                let label = columns.string(&theme.label);
                columns.numbers.extend([label, theme.score]);
                columns.strings_of(&theme.evidence);
            }
            columns.strings_of(&a.keywords);
        }
        columns
    }

    /// A list of strings: its length, then each.
    fn strings_of(&mut self, list: &'a [String]) {
        self.numbers.push(list.len() as f64);
        for s in list {
            let i = self.string(s);
            self.numbers.push(i);
        }
    }

    fn push(&mut self, e: &'a Entity) {
        // The kind codes of js/entities.js (ORG … THEME there).
        let kind = match &e.detail {
            Detail::Org { .. } => 0.0,
            Detail::Person { .. } => 1.0,
            Detail::Place { .. } => 2.0,
            Detail::Figure(_) => 3.0,
            Detail::Date { .. } => 4.0,
            Detail::Theme { .. } => 5.0,
        };
        let article = e.article.map_or(NONE, |a| a as f64);
        self.numbers.extend([kind, e.start as f64, e.end as f64, article]);
        match &e.detail {
            Detail::Org { name } | Detail::Place { name } | Detail::Date { name } => {
                let name = self.name(name, &e.text);
                self.numbers.push(name);
            }
            Detail::Person { name, role } => {
                let (name, role) = (self.name(name, &e.text), self.optional(role.as_deref()));
                self.numbers.extend([name, role]);
            }
            Detail::Theme { label } => {
                let label = self.string(label);
                self.numbers.push(label);
            }
            Detail::Figure(f) => {
                let row = [
                    f.value,
                    f.value_to.unwrap_or(f64::NAN),
                    self.string(&f.unit),
                    self.string(f.figure_kind.as_str()),
                    self.optional(f.qualifier.map(|q| q.as_str())),
                    self.optional(f.measure.as_deref()),
                    self.optional(f.change.map(|c| c.as_str())),
                ];
                self.numbers.extend(row);
            }
        }
    }

    fn name(&mut self, name: &'a str, text: &str) -> f64 {
        if name == text {
            NONE
        } else {
            self.string(name)
        }
    }

    fn optional(&mut self, s: Option<&'a str>) -> f64 {
        s.map_or(NONE, |s| self.string(s))
    }

    fn string(&mut self, s: &'a str) -> f64 {
        let next = self.ends.len();
        let i = *self.index.entry(s).or_insert(next);
        if i == next {
            self.strings.push_str(s);
            let utf16: usize = s.chars().map(char::len_utf16).sum();
            self.ends.push(self.ends.last().copied().unwrap_or(0) + utf16 as u32);
        }
        i as f64
    }
}

/// The analysis of `text` as a JS object, built a part at a time
/// ([`crate::Analyzer::analyze_in_parts`]): each part's articles and
/// entities become JS objects before the next part is analyzed, so wasm
/// memory holds one part's results, never the whole text's.
fn analysis_to_js(analyzer: &crate::Analyzer, input: &JsString) -> Result<JsValue, JsError> {
    let text = input.as_string().ok_or_else(|| JsError::new("zhlens: analyze() takes a string"))?;
    let (articles, entities) = (js_sys::Array::new(), js_sys::Array::new());
    let mut organizations = Vec::new();
    analyzer.analyze_in_parts(&text, |part| {
        let columns = Columns::of_articles(&part.articles);
        push_articles(&articles, &columns.numbers, &columns.strings, &columns.ends);
        let columns = Columns::of_entities(&part.entities);
        push_entities(&entities, input, &columns.numbers, &columns.strings, &columns.ends);
        crate::analysis::merge_organizations(&mut organizations, part.organizations);
        Ok::<(), JsError>(())
    })?;
    // The fields in SPEC.md's order; articles and entities set below.
    #[derive(Serialize)]
    struct Head<'a> {
        articles: [(); 0],
        entities: [(); 0],
        organizations: &'a [crate::analysis::Organization],
    }
    let object = to_js(&Head { articles: [], entities: [], organizations: &organizations })?;
    for (key, array) in [("articles", articles), ("entities", entities)] {
        js_sys::Reflect::set(&object, &key.into(), array.as_ref())
            .map_err(|_| JsError::new("zhlens: the result could not be built"))?;
    }
    Ok(object)
}

fn parse(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| JsError::new("zhlens: the result did not parse as JSON"))
}

/// Bytes of linear memory the module holds now (it grows to the largest
/// analysis and is reused after): for watching memory from JavaScript.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// Analyzes Chinese news text. Build one and reuse it: it keeps the
/// dictionary words its texts needed loaded.
#[wasm_bindgen]
pub struct Analyzer {
    inner: crate::Analyzer,
}

#[wasm_bindgen]
impl Analyzer {
    /// `new Analyzer({ maxInputBytes })`: throws an `Error` on an unknown or invalid option.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AnalyzerOptions")] options: JsValue,
    ) -> Result<Analyzer, JsError> {
        report_panics_to_console();
        let options: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            // Through serde_json, which reads every key, so an unknown or
            // misspelled option is an error rather than silently ignored.
            let invalid = |e: &dyn std::fmt::Display| JsError::new(&format!("zhlens: invalid options: {e}"));
            let value: serde_json::Value = serde_wasm_bindgen::from_value(options).map_err(|e| invalid(&e))?;
            serde_json::from_value(value).map_err(|e| invalid(&e))?
        };
        Ok(Analyzer { inner: crate::Analyzer::new(options)? })
    }

    /// The analysis of `text`: articles, entities, organizations (SPEC.md).
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn analyze(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsString,
    ) -> Result<JsValue, JsError> {
        // Test builds only: makes the module trap, so the package's recovery
        // from a trap can be tested on a real one.
        #[cfg(feature = "fault-injection")]
        if *text == "zhlens:trap" {
            panic!("zhlens: fault injected");
        }
        analysis_to_js(&self.inner, text)
    }

    /// The segmentation of `text`, each word with its UTF-16 span and tag.
    #[wasm_bindgen(unchecked_return_type = "Token[]")]
    pub fn tokens(&self, #[wasm_bindgen(unchecked_param_type = "string")] text: &JsString) -> Result<JsValue, JsError> {
        // A part at a time, as `analyze`.
        let tokens = js_sys::Array::new();
        let input = text.as_string().ok_or_else(|| JsError::new("zhlens: tokens() takes a string"))?;
        self.inner.tokens_in_parts(&input, |part| {
            let columns = Columns::of_tokens(&part);
            push_tokens(&tokens, text, &columns.numbers, &columns.strings, &columns.ends);
            Ok::<(), JsError>(())
        })?;
        Ok(tokens.into())
    }
}
