// The page in headless Chromium (Debian's, driven by playwright-core):
// it loads the module in its worker and analyzes pasted text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
let server, browser, url;

before(async () => {
  server = await serve(0);
  url = `http://127.0.0.1:${server.address().port}/www/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the page analyzes pasted text in a worker', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('#analyze:not([disabled])', { timeout: 20000 });
  const text = '新区打造产业高地\n\n□本报记者 李明\n\n近日，😀记者从北京经济技术开发 区获悉。';
  await page.fill('#text', text);
  await page.click('#analyze');
  await page.waitForFunction(() => document.querySelectorAll('#tokens .tok').length > 0);
  assert.equal(await page.textContent('#articles li strong'), '新区打造产业高地');
  assert.match(await page.textContent('#articles li .authors'), /李明/);
  // The reading view shows the text exactly as pasted.
  assert.equal(await page.textContent('#tokens'), text);
  const analysis = JSON.parse(await page.textContent('#json'));
  assert.ok(analysis.entities.every((e) => text.slice(e.start, e.end) === e.text));
  assert.deepEqual(errors, []);
});

test('pasted HTML stays text', async () => {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#analyze:not([disabled])', { timeout: 20000 });
  await page.evaluate(() => { window.pwned = false; });
  await page.fill('#text', '<img src=x onerror="window.pwned=true"><script>window.pwned=true</script>北京');
  await page.click('#analyze');
  await page.waitForFunction(() => document.querySelectorAll('#tokens .tok').length > 0);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), false);
  assert.equal(await page.locator('#tokens img').count(), 0);
});
