// Analysis off the main thread, for pages: the same Analyzer, inside a
// module Worker, behind promises. A long paste then never freezes the page.
// Bundlers (Vite, webpack 5) see the `new Worker(new URL(...))` pattern below
// and bundle the worker and the wasm file with the application.

export class AnalyzerWorker {
  #worker = null;
  #pending = new Map();
  #next = 0;
  #options;
  #loaded = false;

  /** @param {import('./index.js').AnalyzerOptions} [options] */
  constructor(options) {
    this.#options = options;
    this.ready = this.#start();
  }

  /** The analysis of `text`, computed in the worker. */
  analyze(text) {
    return this.#request('analyze', text).then((r) => r.value);
  }

  /** Like `analyze`, with how long the worker took, in milliseconds. */
  analyzeTimed(text) {
    return this.#request('analyze', text).then((r) => ({ analysis: r.value, ms: r.ms }));
  }

  /** The segmentation of `text`, computed in the worker. */
  tokens(text) {
    return this.#request('tokens', text).then((r) => r.value);
  }

  /** Stops the worker; pending and later calls reject. */
  terminate() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#failAll('zhlens: the worker was terminated');
  }

  #start() {
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#worker.onmessage = ({ data: { id, result, error } }) => {
      const pending = this.#pending.get(id);
      if (!pending) return;
      this.#pending.delete(id);
      if (error) {
        const e = new Error(error.message);
        e.name = error.name;
        pending.reject(e);
      } else {
        pending.resolve(result);
      }
    };
    // The worker itself died: fail what was asked of it and, if it had
    // worked before (so it is not a load failure that would repeat), start a
    // fresh one for the next call.
    this.#worker.onerror = (event) => {
      event.preventDefault?.();
      this.#worker.terminate();
      this.#worker = null;
      this.#failAll(`zhlens: the analysis worker stopped: ${event.message || 'it failed to load or ran out of memory'}`);
      if (this.#loaded) this.ready = this.#start();
    };
    const ready = this.#request('configure', this.#options).then(() => {
      this.#loaded = true;
    });
    ready.catch(() => {}); // reported to whoever awaits `ready` or calls analyze()
    return ready;
  }

  #request(method, argument) {
    if (!this.#worker) return Promise.reject(new Error('zhlens: the worker was terminated or failed to load'));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, method, argument });
    });
  }

  #failAll(message) {
    for (const { reject } of this.#pending.values()) reject(new Error(message));
    this.#pending.clear();
  }
}
