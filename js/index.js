// The package's entry for browsers and bundlers (Vite, webpack): call
// `await init()` once, then use `Analyzer`. Offsets in results are UTF-16
// code units into the string passed, so `text.slice(start, end)` works.
import initGlue, { initSync as initGlueSync } from './zhlens.js';
import * as glue from './zhlens.js';
import { wrap } from './core.js';

let ready = false;

/**
 * Loads and instantiates the module. With no argument it fetches
 * `zhlens_bg.wasm` next to this file (bundlers rewrite that URL); pass a URL,
 * a `Response`, bytes or a compiled `WebAssembly.Module` to load it yourself.
 * Calling it again is harmless.
 */
export default async function init(input) {
  await initGlue(input === undefined ? undefined : { module_or_path: input });
  ready = true;
}

/** Instantiates the module from bytes or a compiled `WebAssembly.Module`, synchronously. */
export function initSync(input) {
  initGlueSync({ module: input });
  ready = true;
}

export const Analyzer = wrap(glue, () => ready);

/** Bytes of linear memory the module holds (it grows to the largest analysis and is reused). */
export function wasmMemoryBytes() {
  return ready ? glue.wasmMemoryBytes() : 0;
}
