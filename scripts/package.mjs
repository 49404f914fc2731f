// Assembles the npm package in the build's output folder (pkg/ by default):
// the wasm-bindgen glue of each target, with the package's own JavaScript
// layer from js/ (entries, trap recovery, the worker API), and package.json.
//   web/   browsers and bundlers: index.js (init + Analyzer), worker-api.js
//   node/  Node: index.cjs for require(), index.mjs for import
import { readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const out = new URL(`${process.argv[2] ?? 'pkg'}/`, root);
const js = (name) => new URL(`js/${name}`, root);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = cargo.match(/^version = "([^"]+)"/m)[1];
const description = cargo.match(/^description = "([^"]+)"/m)[1];

for (const name of ['index.js', 'index.d.ts', 'core.js', 'worker.js', 'worker-api.js', 'worker-api.d.ts']) {
  copyFileSync(js(name), new URL(`web/${name}`, out));
}
// `[Symbol.dispose]` exists at run time, but typing it would break
// type-checking for every project whose `lib` predates ESNext.Disposable.
for (const target of ['web', 'node']) {
  const types = new URL(`${target}/zhlens.d.ts`, out);
  writeFileSync(types, readFileSync(types, 'utf8').replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/m, ''));
}
copyFileSync(js('node.cjs'), new URL('node/index.cjs', out));
copyFileSync(js('node.mjs'), new URL('node/index.mjs', out));
copyFileSync(js('index.d.ts'), new URL('node/index.d.ts', out));
// core.js as CommonJS: its only module syntax is the one export.
const core = readFileSync(js('core.js'), 'utf8');
if (!core.includes('export function wrap(')) throw new Error('package: js/core.js no longer exports wrap()');
writeFileSync(
  new URL('node/core.cjs', out),
  core.replace('export function wrap(', 'function wrap(') + '\nexports.wrap = wrap;\n',
);
// The JavaScript the Rust side imports (`#[wasm_bindgen(module)]`, e.g.
// js/entities.js) is an ES module; the Node glue require()s it, so it is
// turned into CommonJS the same way: its only module syntax is its exported
// functions.
const snippets = new URL('node/snippets/', out);
for (const entry of readdirSync(snippets, { recursive: true })) {
  if (!entry.endsWith('.js')) continue;
  const file = new URL(entry, snippets);
  const source = readFileSync(file, 'utf8');
  const names = [...source.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  const body = source.replace(/^export function /gm, 'function ');
  if (names.length === 0 || /^\s*(export|import)\b/m.test(body)) {
    throw new Error(`package: ${entry} has module syntax other than exported functions`);
  }
  writeFileSync(file, body + names.map((n) => `exports.${n} = ${n};\n`).join(''));
}
// The Node glue is CommonJS inside an ESM package: mark its folder.
writeFileSync(new URL('node/package.json', out), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');

const manifest = {
  name: 'zhlens',
  version,
  description,
  license: 'MIT',
  type: 'module',
  main: './node/index.cjs',
  module: './web/index.js',
  types: './web/index.d.ts',
  exports: {
    '.': {
      node: { types: './node/index.d.ts', import: './node/index.mjs', require: './node/index.cjs' },
      types: './web/index.d.ts',
      default: './web/index.js',
    },
    './worker': { types: './web/worker-api.d.ts', default: './web/worker-api.js' },
    './zhlens_bg.wasm': './web/zhlens_bg.wasm',
    './package.json': './package.json',
  },
  files: ['web/', 'node/', 'README.md', 'LICENSE'],
  sideEffects: ['./web/worker.js'],
  keywords: ['chinese', 'nlp', 'ner', 'segmentation', 'jieba', 'wasm', 'news'],
};
writeFileSync(new URL('package.json', out), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(new URL('README.md', root), new URL('README.md', out));
copyFileSync(new URL('LICENSE', root), new URL('LICENSE', out));
