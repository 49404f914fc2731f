// The package's entry for Node's import: the same module as require() gets,
// so an application mixing both shares one instance.
import { createRequire } from 'node:module';

const entry = createRequire(import.meta.url)('./index.cjs');
export const { Analyzer, initSync, wasmMemoryBytes } = entry;
export default entry.init;
