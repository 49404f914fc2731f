// The npm package as a user meets it: packed with `npm pack`, installed into
// fresh sample projects, and used by its name from a Node ESM script, a Node
// CommonJS script, and a Vite production build (tests/projects/vite, with a
// sub-path `base` and the worker API) loaded in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveFolders } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const TEXT = '新区打造产业高地\n\n□本报记者 李明\n\n近日，😀𠀾记者从北京经济技术开发 区获悉。';
let tarball;

/** A fresh project with the packed package installed from its tarball. */
function project(name) {
  const dir = mkdtempSync(join(tmpdir(), `zhlens-${name}-`));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `user-${name}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: dir, stdio: 'ignore' });
  return dir;
}

/** Bytes of the files under `dir`: raw, gzip -9 and brotli, summed file by file. */
function sizes(dir) {
  const all = { raw: 0, gzip: 0, brotli: 0 };
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    all.raw += bytes.length;
    all.gzip += gzipSync(bytes, { level: 9 }).length;
    all.brotli += brotliCompressSync(bytes).length;
  }
  return all;
}

const mb = ({ raw, gzip, brotli }) =>
  `${(raw / 1e6).toFixed(2)} MB raw, ${(gzip / 1e6).toFixed(2)} MB gzip, ${(brotli / 1e6).toFixed(2)} MB brotli`;

before(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'zhlens-pack-'));
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: join(root, 'pkg'), encoding: 'utf8' }).trim();
  tarball = join(packDir, name);
});

const check = `
const text = ${JSON.stringify(TEXT)};
const analyzer = new Analyzer();
const analysis = analyzer.analyze(text);
const tokens = analyzer.tokens(text);
let error = null;
try { new Analyzer({ maxInputBytes: 1 }).analyze(text); } catch (e) { error = e instanceof Error && e.message; }
const dictionary = new Analyzer({ dictionary: { text: new TextEncoder().encode('产业高地 99999 n\\n') } });
console.log(JSON.stringify({
  authors: analysis.articles.map((a) => a.authors),
  slices: [...analysis.entities, ...tokens].every((e) => text.slice(e.start, e.end) === e.text),
  count: tokens.length,
  error,
  dictionaryWord: dictionary.tokens(text).some((t) => t.word === '产业高地'),
}));`;

function assertResult(r) {
  assert.deepEqual(r.authors, [['李明']]);
  assert.equal(r.slices, true);
  assert.ok(r.count > 5);
  assert.match(r.error, /maxInputBytes/);
  assert.equal(r.dictionaryWord, true);
}

test('Node: import from ESM and require from CommonJS, by the package name', () => {
  const dir = project('node');
  const run = (file, source) => {
    writeFileSync(join(dir, file), source);
    return JSON.parse(execFileSync('node', [file], { cwd: dir, encoding: 'utf8' }));
  };
  assertResult(run('esm.mjs', `import init, { Analyzer } from 'zhlens';\nawait init();\n${check}`));
  assertResult(run('cjs.cjs', `const { Analyzer } = require('zhlens');\n${check}`));
  console.log(`Node projects: node_modules/zhlens/node ships ${mb(sizes(join(dir, 'node_modules/zhlens/node')))}`);
});

let browser, server;
after(async () => {
  await browser?.close();
  server?.close();
});

test('Vite: a TypeScript app type-checks, builds for production under a sub-path, and analyzes in Chromium', async () => {
  const dir = project('vite');
  cpSync(join(root, 'tests/projects/vite'), dir, { recursive: true });
  execFileSync(bin('tsc'), ['-p', dir], { cwd: dir, stdio: 'inherit' });
  execFileSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  const dist = join(dir, 'dist');
  console.log(`Vite app: dist/ ships ${mb(sizes(dist))}`);
  server = await serveFolders({ 'app/': dist });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/app/`);
  await page.waitForFunction(() => window.zhlensResult, null, { timeout: 60000 });
  const r = await page.evaluate(() => window.zhlensResult);
  assert.equal(r.error, undefined);
  assert.match(r.beforeInit, /not initialized.*await init\(\)/);
  assert.deepEqual(r.authors, [['李明']]);
  assert.ok(r.orgs.includes('北京经济技术开发区'));
  assert.deepEqual(r.values.find((v) => v[0] === '428亿元'), ['428亿元', 42800000000, '元']);
  assert.deepEqual(r.workerKinds, ['figure']);
  assert.deepEqual(r.workerValues, r.values.map((v) => v[1]));
  assert.deepEqual(errors, []);
});
