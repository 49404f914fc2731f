import type { AnalyzerOptions, Analysis, Token } from './index.js';

/**
 * An Analyzer running in a module Worker, behind promises: analysis never blocks the page.
 * Browsers and bundlers only (it starts a `Worker`).
 */
export declare class AnalyzerWorker {
  /** Starts the worker and builds an Analyzer there with `options`. */
  constructor(options?: AnalyzerOptions);
  /** Resolves once the worker has loaded the module and built its Analyzer; rejects on invalid options. */
  ready: Promise<void>;
  analyze(text: string): Promise<Analysis>;
  /** Like `analyze`, with the milliseconds the worker spent. */
  analyzeTimed(text: string): Promise<{ analysis: Analysis; ms: number }>;
  tokens(text: string): Promise<Token[]>;
  /** Stops the worker; pending and later calls reject. */
  terminate(): void;
}
