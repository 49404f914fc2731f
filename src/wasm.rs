//! The JavaScript binding: one `Analyzer` class whose methods return plain
//! objects (parsed from JSON), never one class instance per token, and
//! throw real `Error`s. Compiled for wasm32 only; the core knows nothing of JS.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Options;

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
  /** What the figure measures (全产业链产值), when the sentence says it. */
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

/// Results cross as JSON that JavaScript parses: building the objects
/// field by field from wasm (serde-wasm-bindgen) took most of the time of a
/// whole analysis; `JSON.parse` builds them natively. (Long lists go by
/// [`push_all`].)
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    parse(write_json(value, &mut Vec::new())?)
}

/// `value` as JSON in `buffer` (cleared first).
fn write_json<'b, T: Serialize + ?Sized>(value: &T, buffer: &'b mut Vec<u8>) -> Result<&'b str, JsError> {
    buffer.clear();
    serde_json::to_writer(&mut *buffer, value).map_err(|e| JsError::new(&format!("zhlens: {e}")))?;
    // serde_json writes UTF-8.
    Ok(std::str::from_utf8(buffer).unwrap_or_default())
}

const CHUNK_ITEMS: usize = 4096;

/// Appends `items` to `array` from JSON a chunk of [`CHUNK_ITEMS`] at a
/// time; `json` is the buffer. As one string, the JSON of a 10 MB page
/// needed wasm memory 16 times the input (wasm memory never shrinks), and
/// tens of MB of input would pass V8's longest string.
fn push_all<T: Serialize>(array: &js_sys::Array, items: &[T], json: &mut Vec<u8>) -> Result<(), JsError> {
    let push = js_sys::Reflect::get(array, &"push".into()).map_err(|_| JsError::new("zhlens: no Array.push"))?;
    let push: js_sys::Function = push.unchecked_into();
    for chunk in items.chunks(CHUNK_ITEMS) {
        let part = parse(write_json(chunk, json)?)?;
        push.apply(array, part.unchecked_ref()).map_err(|_| JsError::new("zhlens: the result could not be built"))?;
    }
    Ok(())
}

/// The analysis of `text` as a JS object, built a part at a time
/// ([`crate::Analyzer::analyze_in_parts`]): each part's articles and
/// entities become JS objects before the next part is analyzed, so wasm
/// memory holds one part's results, never the whole text's.
fn analysis_to_js(analyzer: &crate::Analyzer, text: &str) -> Result<JsValue, JsError> {
    let (articles, entities) = (js_sys::Array::new(), js_sys::Array::new());
    let mut organizations = Vec::new();
    let mut json = Vec::new();
    analyzer.analyze_in_parts(text, |part| {
        push_all(&articles, &part.articles, &mut json)?;
        push_all(&entities, &part.entities, &mut json)?;
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
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsError> {
        // Test builds only: makes the module trap, so the package's recovery
        // from a trap can be tested on a real one.
        #[cfg(feature = "fault-injection")]
        if text == "zhlens:trap" {
            panic!("zhlens: fault injected");
        }
        analysis_to_js(&self.inner, text)
    }

    /// The segmentation of `text`, each word with its UTF-16 span and tag.
    #[wasm_bindgen(unchecked_return_type = "Token[]")]
    pub fn tokens(&self, text: &str) -> Result<JsValue, JsError> {
        // A part at a time, as `analyze`.
        let (tokens, mut json) = (js_sys::Array::new(), Vec::new());
        self.inner.tokens_in_parts(text, |part| push_all(&tokens, &part, &mut json))?;
        Ok(tokens.into())
    }
}
