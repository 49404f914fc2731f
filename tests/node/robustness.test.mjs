// Robustness from JavaScript: strings JS can hold and Rust cannot (lone
// surrogates), control characters, ten-megabyte inputs, recovery from a
// trapped module, and memory over many analyses and many analyzers (run
// with --expose-gc for the last).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, wasmMemoryBytes } from '../../pkg/node/index.mjs';
import * as faulty from '../../target/fault-pkg/node/index.mjs';

const analyzer = new Analyzer();
const PAGE = '滨江高新区加快打造产业集群\n\n□本报记者 林晓\n\n近日，滨江高新区管委会主任陈立新表示，园区产值实现286.5亿元，同比增长32.4%。\n';

function assertSlices(text, analysis) {
  for (const e of analysis.entities) {
    assert.ok(e.start >= 0 && e.start < e.end && e.end <= text.length, JSON.stringify(e));
    // Lone surrogates arrive in Rust as U+FFFD, one unit each: the offsets still hold.
    assert.equal(text.slice(e.start, e.end).replace(/[\uD800-\uDFFF]/g, '\uFFFD'), e.text);
  }
}

test('lone surrogates, NUL, BOM, CR line ends and RTL text analyze with valid offsets', () => {
  for (const text of ['\uD800', '北京\uDC00经济技术开发区实现428亿元', `\uFEFF${PAGE}`, PAGE.replace(/\n/g, '\r\n'),
    PAGE.replace(/\n/g, '\r'), '\u0000\u0001北京\u0007', 'مرحبا بالعالم ١٢٣', 'e\u0301\u0301 北京', '亿亿亿亿元', '9'.repeat(400) + '元']) {
    assertSlices(text, analyzer.analyze(text));
  }
});

test('ten megabytes of news and of one character analyze with valid offsets', () => {
  const pages = [];
  for (let i = 0, bytes = 0; bytes < 10 << 20; i++) {
    pages.push(PAGE.replace('286.5', String(100 + (i % 900))) + '😀𠀾\n');
    bytes += Buffer.byteLength(pages[i]);
  }
  const news = pages.join('');
  const analyzer = new Analyzer();
  analyzer.analyze(PAGE);
  const baseline = wasmMemoryBytes();
  for (const [name, text] of [['news', news], ['one character', '京'.repeat((10 << 20) / 3)]]) {
    const bytes = Buffer.byteLength(text);
    const started = performance.now();
    const analysis = analyzer.analyze(text);
    const seconds = (performance.now() - started) / 1000;
    assertSlices(text, analysis);
    console.log(`${name}: ${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(2)} s, ` +
      `${analysis.entities.length} entities; wasm memory ${((wasmMemoryBytes() - baseline) / bytes).toFixed(1)}× the input over the baseline`);
  }
});

test('a trap is an Error, and every Analyzer works again after it', () => {
  const first = new faulty.Analyzer({ organizations: ['青禾智造'] });
  const second = new faulty.Analyzer();
  assert.equal(first.analyze('青禾智造发布新品').organizations[0].name, '青禾智造');
  assert.throws(() => first.analyze('zhlens:trap'), (e) => e instanceof Error && /internal error.*restarted/.test(e.message) &&
    e.cause instanceof WebAssembly.RuntimeError);
  // Both analyzers were built on the trapped instance; both rebuild themselves, options included.
  assert.equal(first.analyze('青禾智造发布新品').organizations[0].name, '青禾智造');
  assert.ok(second.tokens('北京经济技术开发区').length > 0);
  assert.ok(new faulty.Analyzer().analyze(PAGE).entities.length > 0);
});

test('wrong arguments are clear errors', () => {
  assert.throws(() => analyzer.analyze(42), /analyze\(\) takes a string, not number/);
  assert.throws(() => analyzer.tokens(undefined), /tokens\(\) takes a string, not undefined/);
  assert.throws(() => new Analyzer('big'), /options must be an object/);
  assert.throws(() => new Analyzer({ dictionary: { text: new Uint8Array([0xff]) } }), /not valid UTF-8/);
  const freed = new Analyzer();
  freed.free();
  assert.throws(() => freed.analyze('北京'), /freed/);
});

test('memory does not grow over 10,000 analyses or 1,000 analyzers', { skip: !global.gc && 'needs --expose-gc' }, () => {
  for (let i = 0; i < 200; i++) analyzer.analyze(PAGE);
  global.gc();
  const before = wasmMemoryBytes();
  for (let i = 0; i < 10000; i++) analyzer.analyze(PAGE);
  global.gc();
  assert.ok(wasmMemoryBytes() <= before + (1 << 20), `grew from ${before} to ${wasmMemoryBytes()}`);
  const a = new Analyzer();
  a.free();
  global.gc();
  const beforeCycles = wasmMemoryBytes();
  for (let i = 0; i < 1000; i++) {
    const x = new Analyzer();
    x.analyze('北京');
    x.free();
  }
  global.gc();
  assert.ok(wasmMemoryBytes() <= beforeCycles + (4 << 20), `grew from ${beforeCycles} to ${wasmMemoryBytes()}`);
});
