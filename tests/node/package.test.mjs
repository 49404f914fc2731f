// The npm package as a user installs it: packed with `npm pack`, installed
// into a fresh project, imported from ESM and CommonJS by its name.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('../../pkg/', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'zhlens-user-'));
const TEXT = '新区打造产业高地\n\n□本报记者 李明\n\n近日，😀𠀾记者从北京经济技术开发 区获悉。';

before(() => {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: pkgDir, encoding: 'utf8' }).trim();
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(project, tarball)], { cwd: project, stdio: 'ignore' });
});

function run(file, source) {
  writeFileSync(join(project, file), source);
  return JSON.parse(execFileSync('node', [file], { cwd: project, encoding: 'utf8' }));
}

const check = `
const text = ${JSON.stringify(TEXT)};
const analyzer = new Analyzer();
const analysis = analyzer.analyze(text);
const tokens = analyzer.tokens(text);
let error = null;
try { new Analyzer({ maxInputBytes: 1 }).analyze(text); } catch (e) { error = e instanceof Error && e.message; }
console.log(JSON.stringify({
  authors: analysis.articles.map((a) => a.authors),
  slices: [...analysis.entities, ...tokens].every((e) => text.slice(e.start, e.end) === e.text),
  count: tokens.length,
  error,
}));`;

function assertResult(r) {
  assert.deepEqual(r.authors, [['李明']]);
  assert.equal(r.slices, true);
  assert.ok(r.count > 5);
  assert.match(r.error, /maxInputBytes/);
}

test('Node ESM: import { Analyzer } from "zhlens"', () => {
  assertResult(run('esm.mjs', `import init, { Analyzer } from 'zhlens';\nawait init();\n${check}`));
});

test('Node CommonJS: require("zhlens")', () => {
  assertResult(run('cjs.cjs', `const { Analyzer } = require('zhlens');\n${check}`));
});
