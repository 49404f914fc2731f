// Runs the analysis off the main thread, so the page never freezes on a long
// paste. If the module ever traps (a bug), the page is told to start a fresh
// worker: a trapped wasm instance cannot be trusted again.
import init, { Analyzer } from '../pkg/web/zhlens.js';

let analyzer;
const ready = init().then(() => { analyzer = new Analyzer(); });

self.onmessage = async ({ data: { id, text } }) => {
  try {
    await ready;
    const t0 = performance.now();
    const analysis = analyzer.analyze(text);
    self.postMessage({ id, text, analysis, ms: performance.now() - t0 });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e), fatal });
  }
};
ready.then(() => self.postMessage({ ready: true }), (e) => self.postMessage({ id: -1, error: String(e), fatal: true }));
