// Runs the analysis off the main thread: the page never freezes on a long paste.
import init, { Analyzer } from '../pkg/web/zhlens.js';

let analyzer;
const ready = init().then(() => { analyzer = new Analyzer(); });

self.onmessage = async ({ data: { id, text } }) => {
  try {
    await ready;
    const t0 = performance.now();
    const analysis = analyzer.analyze(text);
    const tokens = analyzer.tokens(text);
    self.postMessage({ id, analysis, tokens, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
self.postMessage({ loading: true });
ready.then(() => self.postMessage({ ready: true }), (e) => self.postMessage({ error: String(e) }));
