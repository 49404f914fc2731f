// Runs inside the Worker that worker-api.js starts: one Analyzer, built with
// the options the page sends, answering analyze/tokens requests in order.
import init, { Analyzer } from './index.js';

let analyzer = null;
let configureError = 'zhlens: no options were sent to the worker';
const ready = init();

self.onmessage = async ({ data: { id, method, argument } }) => {
  try {
    await ready;
    let result = null;
    if (method === 'configure') {
      analyzer?.free();
      analyzer = null;
      try {
        analyzer = new Analyzer(argument);
      } catch (error) {
        configureError = `zhlens: the analyzer could not be built: ${error.message}`;
        throw error;
      }
    } else {
      if (!analyzer) throw new Error(configureError);
      const started = performance.now();
      result = { value: analyzer[method](argument), ms: performance.now() - started };
    }
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: { name: error.name, message: error.message ?? String(error) } });
  }
};
