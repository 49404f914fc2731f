// Benchmarks zhlens against its peers in one run, on the same inputs, and
// prints ratios (machines here are noisy: compare within one run only):
//   bytes shipped to a browser (raw, gzip -9, brotli 11): zhlens vs jieba-wasm
//   cold start (median of fresh Node processes): import → first analyze / cut,
//     split into import, construction and first call
//   throughput (median of runs): zhlens analyze and tokens, jieba-wasm cut and
//     tag (HMM), Recognizers-Text (zh-cn number, percentage, currency,
//     dimension, age)
//   scaling from 10 KB to 10 MB, and memory after many analyses.
// `npm run bench` (after scripts/build.sh). BENCH_QUICK=1 for a short run.
// `npm run bench -- FILE…` adds the throughput of both on each FILE, and the
// first paste of each into a fresh page: the built-in text is one sample
// repeated, kinder to both than a real page of many articles is (and its few
// dictionary words are loaded once), so pages like the users' are measured too.
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const quick = !!process.env.BENCH_QUICK;
const SAMPLE = readFileSync(`${root}/www/sample.txt`, 'utf8');
const page = (bytes) => SAMPLE.repeat(Math.max(1, Math.round(bytes / Buffer.byteLength(SAMPLE))));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (s) => Buffer.byteLength(s) / 1e6;
const fmt = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// `warmMs`: calls before timing, so code is measured at its steady speed
// (V8 runs a wasm function unoptimized until it has been hot a while).
function time(f, runs, warmMs = 0) {
  const warmUntil = performance.now() + warmMs;
  do f(); while (performance.now() < warmUntil);
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

// The medians of `fs` measured in turn, a block of runs of each at a
// time: a slow spell of the machine then falls on all of them alike, where
// one measured after another could catch it alone (a ratio of 1.35 in one
// run, 2.07 in the next). Blocks, not single runs: each one's garbage is
// collected in its own block.
function timeTogether(fs, runs, warmMs) {
  for (const f of fs) time(f, 0, warmMs);
  const ts = fs.map(() => []);
  const block = 5;
  for (let done = 0; done < runs; done += block) {
    fs.forEach((f, k) => {
      for (let i = 0; i < Math.min(block, runs - done); i++) {
        const t0 = performance.now();
        f();
        ts[k].push(performance.now() - t0);
      }
    });
  }
  return ts.map(median);
}

function table(title, header, rows) {
  console.log(`\n${title}`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

// --- size ---------------------------------------------------------------------
function shipped(files) {
  const bufs = files.map((f) => readFileSync(f));
  const raw = bufs.reduce((n, b) => n + b.length, 0);
  const gz = bufs.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const br = bufs.reduce((n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
  return { raw, gz, br };
}
const jiebaDir = `${root}/node_modules/jieba-wasm/pkg/web`;
const ours = shipped([`${root}/pkg/web/zhlens_bg.wasm`, `${root}/pkg/web/zhlens.js`]);
const theirs = shipped([`${jiebaDir}/jieba_rs_wasm_bg.wasm`, `${jiebaDir}/jieba_rs_wasm.js`]);
const MB = (n) => fmt(n / 1e6, 2);
table('Shipped to a browser (wasm + JS), MB', ['', 'raw', 'gzip -9', 'brotli 11'], [
  ['zhlens', MB(ours.raw), MB(ours.gz), MB(ours.br)],
  ['jieba-wasm 2.4.0', MB(theirs.raw), MB(theirs.gz), MB(theirs.br)],
  ['ratio', fmt(ours.raw / theirs.raw, 2), fmt(ours.gz / theirs.gz, 2), fmt(ours.br / theirs.br, 2)],
]);

// --- cold start ---------------------------------------------------------------
// Each fresh process prints its times (ms since the start of the import):
// the median of each column is taken apart.
// Fresh processes of each kind in turn (`kinds`: [code, node flags]), the
// median of each column per kind: in turns, a busy spell of the machine
// falls on every kind alike.
function cold(kinds, runs) {
  const rows = kinds.map(() => []);
  for (let i = 0; i < runs; i++) {
    kinds.forEach(([code, flags], k) => {
      const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
      rows[k].push(out.trim().split(/\s+/).map(Number));
    });
  }
  return rows.map((r) => r[0].map((_, c) => median(r.map((row) => row[c]))));
}
const firstText = JSON.stringify(SAMPLE);
const coldRuns = quick ? 3 : 11;
const coldCode = `const t0 = performance.now();
const { Analyzer } = await import('./pkg/node/index.mjs');
const t1 = performance.now();
const analyzer = new Analyzer();
const t2 = performance.now();
analyzer.analyze(${firstText});
const t3 = performance.now();
console.log(t3 - t0, t1 - t0, t2 - t1, t3 - t2);`;
const [coldOurs, coldLiftoff, coldTheirs] = cold([
  [coldCode, []],
  // Without V8's optimizing tier: what is left when no function is optimized
  // on background threads while the first analysis runs.
  [coldCode, ['--liftoff-only']],
  [`const t0 = performance.now();
const { cut } = await import('jieba-wasm');
const t1 = performance.now();
cut(${firstText}, true);
const t2 = performance.now();
console.log(t2 - t0, t1 - t0, t2 - t1);`, []],
], coldRuns);
table(`Cold start: import → first result, median of ${coldRuns} fresh processes of each, in turns, ms`,
  ['', 'total', 'import', 'new Analyzer', 'first call'], [
    ['zhlens analyze()', fmt(coldOurs[0]), fmt(coldOurs[1]), fmt(coldOurs[2]), fmt(coldOurs[3])],
    ['zhlens, node --liftoff-only', fmt(coldLiftoff[0]), fmt(coldLiftoff[1]), fmt(coldLiftoff[2]), fmt(coldLiftoff[3])],
    ['jieba-wasm cut(HMM)', fmt(coldTheirs[0]), fmt(coldTheirs[1]), '', fmt(coldTheirs[2])],
    ['ratio zhlens / jieba-wasm', fmt(coldOurs[0] / coldTheirs[0], 2), '', '', ''],
  ]);

// --- throughput ---------------------------------------------------------------
const { Analyzer, wasmMemoryBytes } = await import(`${root}/pkg/node/index.mjs`);
const jieba = require('jieba-wasm');
const R = require('@microsoft/recognizers-text-suite');
const analyzer = new Analyzer();
const text60 = page(60e3);
// 25 runs of a few milliseconds: one slow spell of the process (seen
// twice: every row of zhlens at 7–8 MB/s; the garbage collector's work or
// the machine's, not reproduced alone) could cover nine of them.
const runs = quick ? 3 : 25;
// Segmentation on its own ground too: words with part-of-speech tags and
// offsets (zhlens tokens()) against jieba-wasm's tag().
const [tAnalyze, tCut, tTokens, tTag] = timeTogether([
  () => analyzer.analyze(text60),
  () => jieba.cut(text60, true),
  () => analyzer.tokens(text60),
  () => jieba.tag(text60, true),
], runs, 1000);
// Recognizers-Text is slow: measured on a smaller slice of the same text.
const text6 = page(6e3);
const recognize = (t) => {
  for (const f of [R.recognizeNumber, R.recognizePercentage, R.recognizeCurrency, R.recognizeDimension, R.recognizeAge]) {
    f(t, R.Culture.Chinese);
  }
};
const tRec = time(() => recognize(text6), quick ? 1 : 3);
const speed = (t, s) => mb(s) / (t / 1000);
const sOurs = speed(tAnalyze, text60);
const sCut = speed(tCut, text60);
const sTokens = speed(tTokens, text60);
const sTag = speed(tTag, text60);
const sRec = speed(tRec, text6);
table(`Throughput, median of ${runs} runs (in blocks of 5 taking turns) after 1 s of warm-up, on ${fmt(mb(text60), 2)} MB (Recognizers on ${fmt(mb(text6) * 1000, 0)} KB)`, ['', 'MB/s', 'vs jieba cut', 'vs Recognizers'], [
  ['zhlens analyze() (all passes)', fmt(sOurs, 2), fmt(sOurs / sCut, 2), fmt(sOurs / sRec, 0)],
  ['jieba-wasm cut(HMM)', fmt(sCut, 2), '1.00', fmt(sCut / sRec, 0)],
  ['zhlens tokens() (words, tags, offsets)', fmt(sTokens, 2), fmt(sTokens / sCut, 2), ''],
  ['jieba-wasm tag(HMM) (words, tags)', fmt(sTag, 2), fmt(sTag / sCut, 2), ''],
  ['Recognizers-Text zh-cn (5 recognizers)', fmt(sRec, 4), fmt(sRec / sCut, 4), '1'],
]);

// The same on the caller's texts.
const files = process.argv.slice(2);
if (files.length > 0) {
  table(`Throughput on the texts given, median of ${runs} runs (in turns, as above) after 1 s of warm-up`, ['text', 'KB', 'zhlens analyze() MB/s', 'jieba-wasm cut(HMM) MB/s', 'ratio'], files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const [ours, theirs] = timeTogether([() => analyzer.analyze(text), () => jieba.cut(text, true)], runs, 1000).map((t) => speed(t, text));
    return [file.split('/').pop(), fmt(mb(text) * 1000, 0), fmt(ours, 2), fmt(theirs, 2), fmt(ours / theirs, 2)];
  }));
}

// --- scaling ------------------------------------------------------------------
// And the wasm memory each size leaves over the baseline (the memory after
// the 60 KB runs above), in multiples of the input: it never shrinks, so
// each figure is the largest analysis so far.
const sizes = quick ? [10e3, 100e3, 1e6] : [10e3, 100e3, 1e6, 10e6];
const baseline = wasmMemoryBytes();
table('Scaling: zhlens analyze() throughput and wasm memory by input size', ['size', 'ms', 'MB/s', 'memory ×'], sizes.map((n) => {
  const t = page(n);
  const ms = time(() => analyzer.analyze(t), n >= 1e6 ? 1 : 3);
  return [`${fmt(mb(t), 2)} MB`, fmt(ms, 0), fmt(speed(ms, t), 2), fmt((wasmMemoryBytes() - baseline) / Buffer.byteLength(t), 2)];
}));

// Texts of other shapes, each in a fresh process (memory never shrinks):
// ten thousands of short articles, and one article of 10 MB.
const shapes = {
  'short articles (a title, byline, paragraph)': `const line = '近日，滨江高新区管委会主任陈立新表示，园区产值实现286.5亿元，同比增长32.4%。';
    const one = (i) => '滨江高新区打造产业集群' + i + '\\n\\n□本报记者 林晓\\n\\n' + line + '\\n';`,
  'one article (a title, then paragraphs)': `const line = '近日，滨江高新区管委会主任陈立新表示，园区产值实现286.5亿元，同比增长32.4%。北京经济技术开发区（以下简称经开区）引进项目42个。';
    const one = (i) => (i ? '' : '滨江高新区打造产业集群\\n\\n□本报记者 林晓\\n\\n') + line.replace('42', String(i % 1000)) + '\\n';`,
};
const shapeBytes = quick ? 1e6 : 10e6;
table(`Wasm memory after ${fmt(shapeBytes / 1e6, 0)} MB of other shapes (fresh process each), × the input over the baseline`, ['text', 'articles', 'memory ×'],
  Object.entries(shapes).map(([name, make]) => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `${make}
      const parts = []; for (let i = 0, n = 0; n < ${shapeBytes}; i++) { parts.push(one(i)); n += Buffer.byteLength(parts[i]); }
      const text = parts.join('');
      const { Analyzer, wasmMemoryBytes } = await import('./pkg/node/index.mjs');
      const a = new Analyzer(); a.analyze(one(0));
      const base = wasmMemoryBytes();
      const r = a.analyze(text);
      console.log(r.articles.length, (wasmMemoryBytes() - base) / Buffer.byteLength(text));`], { cwd: root, encoding: 'utf8' });
    const [articles, ratio] = out.trim().split(/\s+/).map(Number);
    return [name, fmt(articles, 0), fmt(ratio, 2)];
  }));

// --- memory -------------------------------------------------------------------
// In a fresh analyzer's terms: the wasm memory grows to the largest
// analysis and is reused, so a loop must not grow it.
const m0 = { wasm: wasmMemoryBytes(), rss: process.memoryUsage().rss };
const loops = quick ? 100 : 1000;
for (let i = 0; i < loops; i++) analyzer.analyze(text60);
const m1 = { wasm: wasmMemoryBytes(), rss: process.memoryUsage().rss };
table(`Memory: ${loops} analyses of ${fmt(mb(text60) * 1000, 0)} KB (after the 10 MB analysis above)`, ['', 'before MB', 'after MB'], [
  ['wasm linear memory', fmt(m0.wasm / 1e6), fmt(m1.wasm / 1e6)],
  ['process rss', fmt(m0.rss / 1e6), fmt(m1.rss / 1e6)],
]);
// --- the page ----------------------------------------------------------------
// Paste 60 KB into the page in headless Chromium: time from the paste event
// to the highlights on screen, and the longest main-thread task meanwhile.
{
  const { chromium } = await import('playwright-core');
  const { serve } = await import('./serve.mjs');
  const server = await serve(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  // Times one paste in `page`: to the first highlights, to everything
  // rendered, and the longest main-thread task meanwhile.
  const paste = (page, text) => page.evaluate(async (text) => {
    const longest = { ms: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration);
    });
    observer.observe({ type: 'longtask' });
    const area = document.querySelector('#text');
    const status = document.querySelector('#status');
    status.textContent = '';
    // As a paste goes: the event (with the clipboard's text), then the
    // browser puts the text in the area and fires input.
    area.value = '';
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    const t0 = performance.now();
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    // Marks of the previous run are cleared when the new result arrives.
    const until = (ready) => new Promise((resolve) => {
      const poll = () => (ready() ? requestAnimationFrame(resolve) : requestAnimationFrame(poll));
      poll();
    });
    await until(() => /^Rendering|^Analyzed/.test(status.textContent) && document.querySelector('#reading mark'));
    const first = performance.now() - t0;
    await until(() => /^Analyzed/.test(status.textContent));
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    observer.disconnect();
    return { first, ms, longTask: longest.ms };
  }, text);
  const open = async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/www/`);
    await page.waitForSelector('#analyze:not([disabled])', { timeout: 60000 });
    return page;
  };
  const page = await open();
  const pasteRuns = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    pasteRuns.push(await paste(page, i % 2 ? text60 : text60 + '\n'));
  }
  await page.close();
  // A user's first paste: a fresh page (its worker warmed on the sample
  // only), a real page's text, so its dictionary words are loaded then. A
  // second after the page is ready, as a user pastes: not while the page
  // and its worker are still starting.
  const firstPastes = [];
  for (const file of files) {
    const fresh = await open();
    await new Promise((r) => setTimeout(r, 1000));
    firstPastes.push([file.split('/').pop(), await paste(fresh, readFileSync(file, 'utf8'))]);
    await fresh.close();
  }
  await browser.close();
  server.close();
  table(`The page in headless Chromium: a ${fmt(mb(text60) * 1000, 0)} KB paste, median of ${pasteRuns.length}`, ['', 'ms'], [
    ['paste → first highlights on screen', fmt(median(pasteRuns.map((r) => r.first)))],
    ['paste → everything rendered (reading view, panels, figure table)', fmt(median(pasteRuns.map((r) => r.ms)))],
    ['longest main-thread task meanwhile (0: none over 50 ms)', fmt(median(pasteRuns.map((r) => r.longTask)))],
  ]);
  if (firstPastes.length > 0) {
    table('The first paste into a fresh page (a second after it is ready) of each text given, ms', ['text', 'first highlights', 'everything rendered', 'longest task'],
      firstPastes.map(([name, r]) => [name, fmt(r.first), fmt(r.ms), fmt(r.longTask)]));
  }
}

console.log(`\nzhlens wasm: ${statSync(`${root}/pkg/web/zhlens_bg.wasm`).size.toLocaleString()} bytes; node ${process.version}`);
