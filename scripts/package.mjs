// Writes pkg/package.json and the entry files that make pkg/ one package for
// bundlers and browsers (pkg/web) and Node, ESM and CommonJS (pkg/node).
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = cargo.match(/^version = "([^"]+)"/m)[1];
const description = cargo.match(/^description = "([^"]+)"/m)[1];
const pkg = (p) => new URL(`pkg/${p}`, root);

// Node's build is CommonJS inside an ESM package: mark its folder.
writeFileSync(pkg('node/package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
// ESM entry for Node: the module is ready at import; init() is a no-op so the
// same code runs in browsers and Node.
writeFileSync(pkg('node/index.mjs'), `import { createRequire } from 'node:module';
const wasm = createRequire(import.meta.url)('./zhlens.js');
export const Analyzer = wasm.Analyzer;
export const wasmMemoryBytes = wasm.wasmMemoryBytes;
export function initSync() { return wasm; }
export default async function init() { return wasm; }
`);

const manifest = {
  name: 'zhlens',
  version,
  description,
  license: 'MIT',
  type: 'module',
  main: './node/zhlens.js',
  module: './web/zhlens.js',
  types: './web/zhlens.d.ts',
  exports: {
    '.': {
      types: './web/zhlens.d.ts',
      node: { import: './node/index.mjs', require: './node/zhlens.js' },
      default: './web/zhlens.js',
    },
    './zhlens_bg.wasm': './web/zhlens_bg.wasm',
    './package.json': './package.json',
  },
  files: ['web/', 'node/', 'README.md', 'LICENSE'],
  sideEffects: false,
  keywords: ['chinese', 'nlp', 'ner', 'segmentation', 'jieba', 'wasm', 'news'],
};
writeFileSync(pkg('package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(new URL('README.md', root), pkg('README.md'));
copyFileSync(new URL('LICENSE', root), pkg('LICENSE'));
