// Types of the zhlens package. The result and option shapes (Analysis,
// Entity, AnalyzerOptions …) are generated from the Rust binding.
import type { AnalyzerOptions, Analysis, Token } from './zhlens.js';

export type {
  AnalyzerOptions,
  Analysis,
  Article,
  ThemeScore,
  Entity,
  OrgEntity,
  PersonEntity,
  PlaceEntity,
  DateEntity,
  FigureEntity,
  FigureKind,
  ThemeEntity,
  Organization,
  Token,
} from './zhlens.js';

/** What `init` accepts: where to fetch the `.wasm` from, its bytes, or the module compiled. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the module; call it once (later calls do nothing) before `new Analyzer()`.
 * Without an argument the `.wasm` is fetched from beside this file; bundlers rewrite that URL.
 * In Node the module is ready at import and this resolves at once.
 */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Instantiates the module synchronously from its bytes or a compiled module. */
export function initSync(input: BufferSource | WebAssembly.Module): void;

/**
 * Analyzes Chinese news text. Build one and reuse it: it keeps the dictionary words its texts needed loaded.
 * Every method throws an `Error` with a clear message on bad input; if the module ever traps on a bug, the call
 * throws, the module is restarted, and the next call works.
 */
export declare class Analyzer {
  /** @throws Error when called before `init()`, or on an unknown or invalid option. */
  constructor(options?: AnalyzerOptions);
  /** Articles, entities and organizations of `text`; offsets are UTF-16 code units: `text.slice(start, end)`. */
  analyze(text: string): Analysis;
  /** The segmentation of `text`, each word with its UTF-16 span and part-of-speech tag. */
  tokens(text: string): Token[];
  /** Releases the analyzer's memory now rather than at garbage collection (`using` works too, untyped). */
  free(): void;
}

/** Bytes of linear memory the module holds now (it grows to the largest analysis and is reused after). */
export function wasmMemoryBytes(): number;
