// The page in headless Chromium (Debian's, driven by playwright-core): paste,
// highlights checked against the module's own analysis, legend toggles,
// figure sorting, CSV export, pasted HTML kept inert, a 2 MB paste.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { Analyzer } from '../../pkg/node/index.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE = readFileSync(new URL('../../www/sample.txt', import.meta.url), 'utf8');
let server, faultServer, browser, url, faultUrl;

before(async () => {
  server = await serve(0);
  url = `http://127.0.0.1:${server.address().port}/www/`;
  // The page over a test build of the package in which analyze("zhlens:trap") traps.
  faultServer = await serve(0, '127.0.0.1', { pkg: 'target/fault-pkg' });
  faultUrl = `http://127.0.0.1:${faultServer.address().port}/www/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  faultServer?.close();
});

async function open(at = url) {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(at);
  await page.waitForSelector('#analyze:not([disabled])', { timeout: 30000 });
  return { page, errors };
}

async function paste(page, text) {
  await page.evaluate(() => { window.__before = document.querySelector('#status').textContent; });
  await page.fill('#text', text);
  await page.click('#analyze');
  await page.waitForFunction(() => /^Analyzed|^Could not/.test(document.querySelector('#status').textContent), null, { timeout: 60000 });
}

test('highlights match the module’s own analysis, per kind', async () => {
  const { page, errors } = await open();
  await paste(page, SAMPLE);
  const expected = {};
  for (const e of new Analyzer().analyze(SAMPLE).entities) expected[e.kind] = (expected[e.kind] ?? 0) + 1;
  const shown = await page.$$eval('#reading mark', (ms) => ms.reduce((acc, m) => {
    acc[m.dataset.kind] = (acc[m.dataset.kind] ?? 0) + 1;
    return acc;
  }, {}));
  assert.deepEqual(shown, expected);
  for (const kind of ['org', 'person', 'figure', 'date', 'theme']) assert.ok(shown[kind] > 0, `no ${kind} highlighted`);
  // Offsets on the marks slice the pasted text.
  const marks = await page.$$eval('#reading mark', (ms) => ms.map((m) => [Number(m.dataset.start), Number(m.dataset.end), m.textContent]));
  for (const [s, e, t] of marks) assert.equal(SAMPLE.slice(s, e), t);
  // The reading view shows the text exactly as pasted.
  assert.equal((await page.textContent('#reading')).replace(/\n/g, '').includes('滨江高新区管委会主任陈立新表示'), true);
  assert.equal(await page.locator('article.article h2').first().textContent(), '滨江高新区加快打造新能源汽车产业集群');
  assert.deepEqual(errors, []);
});

// A real paste: the event carries the clipboard's text, then the browser
// puts it in the area (line breaks as LF) and fires input.
async function clipboardPaste(page, { before, at, pasted, after }) {
  return page.evaluate(async ({ before, at, pasted, after }) => {
    const area = document.querySelector('#text');
    const status = document.querySelector('#status');
    const seen = [];
    new MutationObserver(() => seen.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    area.value = before;
    area.setSelectionRange(at, at);
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', pasted);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    const atOnce = status.textContent;
    area.value = after;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    // Past the input debounce, so a second request would have been made.
    await new Promise((resolve) => setTimeout(resolve, 800));
    await new Promise((resolve) => {
      const poll = () => (/^Analyzed/.test(status.textContent) ? resolve() : setTimeout(poll, 20));
      poll();
    });
    return { atOnce, requests: seen.filter((t) => /^Analyzing/.test(t)).length, reading: [...document.querySelectorAll('#reading .body, #reading .gap')].map((n) => n.textContent).join('') };
  }, { before, at, pasted, after });
}

test('a paste is analyzed at once as the text it makes, and once', async () => {
  const { page, errors } = await open();
  const pasted = '北京经济技术开发区产值达428亿元。\r\n本报记者 李明\r\n';
  const after = '开头。' + pasted.replace(/\r\n/g, '\n') + '结尾。';
  const r = await clipboardPaste(page, { before: '开头。结尾。', at: 3, pasted, after });
  assert.match(r.atOnce, /^Analyzing/, 'the analysis starts in the paste event');
  assert.equal(r.requests, 1, 'the input event after the paste asks for nothing more');
  assert.equal(r.reading.replace(/\s/g, ''), after.replace(/\s/g, ''));
  assert.ok(await page.locator('#reading mark[data-kind="figure"]').count() > 0);
  // When the area does not end up holding what the paste should make, what it holds is analyzed.
  const other = '上海市浦东新区发布新政策。';
  const r2 = await clipboardPaste(page, { before: '', at: 0, pasted: '428亿元', after: other });
  assert.equal(r2.reading.replace(/\s/g, ''), other);
  assert.deepEqual(errors, []);
});

test('legend toggles a kind; hovering shows details; organizations panel focuses mentions', async () => {
  const { page } = await open();
  await paste(page, SAMPLE);
  const bg = () => page.$eval('#reading mark[data-kind="org"]', (m) => getComputedStyle(m).backgroundColor);
  const before = await bg();
  await page.click('#legend button[data-kind="org"]');
  assert.equal(await page.getAttribute('#legend button[data-kind="org"]', 'aria-pressed'), 'false');
  assert.notEqual(await bg(), before);
  await page.click('#legend button[data-kind="org"]');
  assert.equal(await bg(), before);
  await page.hover('#reading mark[data-kind="figure"]');
  assert.match(await page.textContent('#details'), /Value/);
  await page.click('#orgs button[data-org]');
  assert.ok(await page.locator('#reading mark.focus').count() > 0);
});

test('the figures table sorts by value and exports CSV with a BOM', async () => {
  const { page } = await open();
  await paste(page, SAMPLE);
  const figures = new Analyzer().analyze(SAMPLE).entities.filter((e) => e.kind === 'figure');
  assert.equal(await page.locator('#figures tbody tr').count(), figures.length);
  await page.click('#figures button[data-sort="value"]');
  const ascending = [...figures].sort((a, b) => a.value - b.value).map((f) => f.text);
  assert.deepEqual(await page.$$eval('#figures tbody tr td:first-child', (tds) => tds.map((t) => t.textContent)), ascending);
  await page.click('#figures button[data-sort="value"]');
  assert.equal(await page.getAttribute('#figures th:nth-child(2)', 'aria-sort'), 'descending');
  await page.click('summary:has-text("Export")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-figures')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFFtext,value'));
  assert.equal(csv.trim().split('\r\n').length, figures.length + 1);
});

test('pasted HTML stays text and runs nothing', async () => {
  const { page } = await open();
  await page.evaluate(() => { window.pwned = false; });
  await paste(page, '<img src=x onerror="window.pwned=true"><script>window.pwned=true</script>北京经济技术开发区发布<b>公告</b>');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), false);
  assert.equal(await page.locator('#reading img, #reading script, #reading b').count(), 0);
  assert.match(await page.textContent('#reading'), /<img src=x/);
});

test('a 2 MB paste keeps the page responsive and is analyzed', async () => {
  const { page } = await open();
  const big = SAMPLE.repeat(Math.ceil(2e6 / SAMPLE.length));
  await page.evaluate((t) => { document.querySelector('#text').value = t; }, big);
  await page.click('#analyze');
  // While the worker analyzes, the main thread answers at once.
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  assert.ok(Date.now() - t0 < 500, `main thread blocked for ${Date.now() - t0} ms`);
  await page.waitForFunction(() => /^Analyzed/.test(document.querySelector('#status').textContent), null, { timeout: 120000 });
  assert.ok(await page.locator('#reading article').count() > 100);
});

test('a trap in the module is reported, the pasted text is kept, and the next analysis works', async () => {
  const { page, errors } = await open(faultUrl);
  await paste(page, 'zhlens:trap');
  assert.match(await page.textContent('#status'), /^Could not analyze: zhlens: internal error .*restarted/);
  assert.equal(await page.inputValue('#text'), 'zhlens:trap');
  await paste(page, SAMPLE);
  assert.match(await page.textContent('#status'), /^Analyzed/);
  assert.ok(await page.locator('#reading mark[data-kind="org"]').count() > 0);
  assert.deepEqual(errors, []);
});
