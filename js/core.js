// The Analyzer users call, wrapped around the wasm-bindgen class. It adds
// what the generated glue cannot know:
// - a clear error when it is used before the module is initialized;
// - options that only JavaScript has (a dictionary as bytes), checked here;
// - recovery from a trap. A Rust panic aborts the wasm instance, and every
//   later call into it would fail until the page reloads. On a trap the
//   instance is replaced (wasm-bindgen's reset function, from the module
//   already compiled), the call throws an Error saying so, and every
//   Analyzer rebuilds itself from its options on its next call.
// Shared by the browser/bundler entry (ESM) and Node's (CommonJS, generated
// from this file by scripts/package.mjs).

export function wrap(glue, isReady) {
  let generation = 0;

  function guard(call) {
    try {
      return call();
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      glue.__wbg_reset_state();
      generation += 1;
      throw new Error(
        `zhlens: internal error (${error.message}; the console has the details). The module was restarted and ` +
          'the next call will work; please report the input that caused it.',
        { cause: error },
      );
    }
  }

  return class Analyzer {
    #options;
    #raw;
    #generation;

    /** @param {import('./index.js').AnalyzerOptions} [options] */
    constructor(options) {
      if (!isReady()) {
        throw new Error(
          'zhlens: the module is not initialized. Call `await init()` (or `initSync(bytes)`) once before `new Analyzer()`.',
        );
      }
      this.#options = normalizeOptions(options);
      this.#build();
    }

    analyze(text) {
      return this.#call('analyze', text);
    }

    tokens(text) {
      return this.#call('tokens', text);
    }

    /** Releases the analyzer's memory now rather than at garbage collection. */
    free() {
      if (this.#raw && this.#generation === generation) this.#raw.free();
      this.#raw = null;
    }

    [Symbol.dispose]() {
      this.free();
    }

    #call(method, text) {
      if (this.#raw === null) throw new Error(`zhlens: ${method}() called on an Analyzer that was freed`);
      if (typeof text !== 'string') {
        throw new TypeError(`zhlens: ${method}() takes a string, not ${text === null ? 'null' : typeof text}`);
      }
      if (this.#generation !== generation) this.#build();
      return guard(() => this.#raw[method](text));
    }

    /** The wasm-side analyzer, on the current instance. */
    #build() {
      this.#raw = guard(() => new glue.Analyzer(this.#options));
      this.#generation = generation;
    }
  };
}

// Options are checked in Rust (unknown keys, bad values); here only what
// JavaScript alone can do: a dictionary given as bytes becomes text.
function normalizeOptions(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('zhlens: options must be an object, e.g. new Analyzer({ maxInputBytes: 1e6 })');
  }
  const dictionary = options.dictionary;
  if (dictionary === undefined || dictionary === null || typeof dictionary.text === 'string') return options;
  if (typeof dictionary !== 'object') {
    throw new TypeError('zhlens: invalid option: dictionary must be { text: string | Uint8Array | ArrayBuffer, mode? }');
  }
  const { text } = dictionary;
  if (!(text instanceof Uint8Array || text instanceof ArrayBuffer)) {
    throw new TypeError('zhlens: invalid option: dictionary.text must be a string, a Uint8Array or an ArrayBuffer');
  }
  let decoded;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    throw new TypeError('zhlens: invalid option: dictionary.text is not valid UTF-8');
  }
  return { ...options, dictionary: { ...dictionary, text: decoded } };
}
