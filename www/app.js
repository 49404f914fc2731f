// The page: sends the text to the package's analysis worker and shows what comes back.
// Pasted text is only ever put in the page as text nodes (textContent),
// never parsed as HTML.
import { AnalyzerWorker } from '../pkg/web/worker-api.js';
import { formatValue, figuresCsv, organizationsCsv } from './format.js';

const $ = (id) => document.getElementById(id);
const KINDS = [
  ['org', 'Organizations'], ['person', 'People'], ['place', 'Places'],
  ['figure', 'Figures'], ['date', 'Dates'], ['theme', 'Theme words'],
];
const DEBOUNCE_MS = 300;

const state = { text: '', analysis: null, sort: { key: null, dir: 1 }, hidden: new Set() };
let analyzer;
let latest = 0;
let timer = 0;

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// --- the worker -------------------------------------------------------------
// The package's worker API: analysis runs off the main thread; a trap inside
// the module comes back as an error and the next request works.
function startAnalyzer() {
  analyzer = new AnalyzerWorker();
  analyzer.ready.then(
    () => {
      $('analyze').disabled = false;
      $('status').textContent = 'Ready. Paste text or load the sample.';
      // A paste while the module loaded is already asked for.
      if ($('text').value && $('text').value !== requested) analyze();
      else if (!$('text').value) warmUp();
    },
    (e) => { $('status').textContent = `The analyzer failed to load: ${e.message}`; },
  );
}

// Made while the page loads: the first number formatted for the locale sets
// up the browser's formatter, which took 14 ms of the first paste.
const count = new Intl.NumberFormat();

// The text of the latest request, so the input event that follows a paste
// (analyzed already) does not ask again.
let requested = null;

async function analyze(text = $('text').value) {
  clearTimeout(timer);
  requested = text;
  const id = ++latest;
  document.body.classList.add('busy');
  $('status').textContent = 'Analyzing…';
  let result;
  try {
    result = await analyzer.analyzeTimed(text);
  } catch (e) {
    if (id !== latest) return;
    document.body.classList.remove('busy');
    // The pasted text stays where it is; the next request starts afresh.
    $('status').textContent = `Could not analyze: ${e.message}`;
    return;
  }
  if (id !== latest) return; // a newer request is under way
  // A paste is analyzed as the text it makes; if the area ended up otherwise, analyze what it holds.
  if ($('text').value !== text) {
    analyze();
    return;
  }
  document.body.classList.remove('busy');
  state.text = text;
  state.analysis = result.analysis;
  $('status').textContent = 'Rendering…';
  if (!(await render())) return; // replaced by a newer result while rendering
  const n = result.analysis.entities.length;
  $('status').textContent = `Analyzed ${count.format(text.length)} characters in ${result.ms.toFixed(0)} ms: ` +
    `${result.analysis.articles.length} articles, ${count.format(n)} highlights.`;
}

// The module's first analyses run unoptimized code and load the dictionary
// words they meet; one in the background while the page waits for a paste
// makes the user's first one as quick as the next.
async function warmUp() {
  try {
    const sample = await (await fetch(new URL('./sample.txt', import.meta.url))).text();
    if (!requested) await analyzer.analyze(sample);
  } catch {
    // Only a warm-up: the user's own request reports any failure.
  }
}

// --- rendering ----------------------------------------------------------------
function entityTitle(e) {
  switch (e.kind) {
    case 'org': return `Organization: ${e.name}`;
    case 'person': return `Person: ${e.name}${e.role ? ` (${e.role})` : ''}`;
    case 'place': return `Place: ${e.name}`;
    case 'date': return `Date: ${e.name}`;
    case 'theme': return `Theme: ${e.label}`;
    case 'figure': return `Figure: ${formatValue(e)}`;
    default: return e.kind;
  }
}

/** Text from `from` to `to` with the entities inside it wrapped in <mark>. */
function highlighted(from, to, entities, cursor) {
  const frag = document.createDocumentFragment();
  const text = state.text;
  let at = from;
  let i = cursor.i;
  while (i < entities.length && entities[i].start < to) {
    const e = entities[i];
    if (e.start >= at) {
      if (e.start > at) frag.append(text.slice(at, e.start));
      const mark = el('mark', {
        'data-kind': e.kind, 'data-start': e.start, 'data-end': e.end, 'data-i': i,
        tabindex: '0', title: entityTitle(e),
      }, text.slice(e.start, e.end));
      if (e.kind === 'org') mark.dataset.name = e.name;
      frag.append(mark);
      at = e.end;
    }
    i++;
  }
  cursor.i = i;
  if (to > at) frag.append(text.slice(at, to));
  return frag;
}

// Rendering goes in slices of a few milliseconds, the first screenful
// first, so a long paste never blocks the page: each slice appends what it
// built and yields. A newer render (a newer result, a sort) stops an older one.
const SLICE_MS = 8;
let renderToken = 0;
let figuresToken = 0;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs the `steps`, appending what each returns to `parent`, a slice at a time; false once `current()` is. */
async function appendInSlices(parent, steps, current) {
  let i = 0;
  while (i < steps.length) {
    const started = performance.now();
    const frag = document.createDocumentFragment();
    while (i < steps.length && performance.now() - started < SLICE_MS) frag.append(steps[i++]());
    parent.append(frag);
    if (i < steps.length) {
      await yieldToPage();
      if (!current()) return false;
    }
  }
  return true;
}

function readingSteps() {
  const { articles, entities } = state.analysis;
  const cursor = { i: 0 };
  const steps = [];
  let at = 0;
  const gap = (from, to) => () => {
    const div = el('div', { class: 'gap' });
    div.append(highlighted(from, to, entities, cursor));
    return div;
  };
  articles.forEach((a, k) => {
    if (state.text.slice(at, a.start).trim()) steps.push(gap(at, a.start));
    steps.push(() => {
      const section = el('article', { class: `article ${a.kind}`, 'data-article': k });
      const head = el('header');
      head.append(el('h2', {}, a.title || '(untitled)'));
      const meta = el('p', { class: 'meta' });
      meta.append(el('span', { class: 'kind' }, a.kind === 'caption' ? 'Photo caption' : 'Article'));
      if (a.authors.length) meta.append(el('span', { class: 'authors' }, a.authors.join('、')));
      head.append(meta);
      if (a.themes.length) {
        const chips = el('ul', { class: 'chips' });
        for (const t of a.themes) chips.append(el('li', { title: `score ${t.score}; ${t.evidence.join('、')}` }, t.label));
        head.append(chips);
      }
      section.append(head);
      const body = el('div', { class: 'body' });
      body.append(highlighted(a.start, a.end, entities, cursor));
      section.append(body);
      return section;
    });
    at = a.end;
  });
  if (state.text.slice(at).trim()) steps.push(gap(at, state.text.length));
  return steps;
}

function renderPanels() {
  const { organizations, entities, articles } = state.analysis;
  $('org-count').textContent = organizations.length;
  $('orgs').replaceChildren(...organizations.map((o) => {
    const li = el('li');
    const b = el('button', { type: 'button', class: 'link', 'data-org': o.name }, o.name);
    li.append(b, el('span', { class: 'count' }, `×${o.mentions}`));
    if (o.aliases.length) li.append(el('div', { class: 'aliases' }, o.aliases.join('、')));
    return li;
  }));
  const people = new Map();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const p = people.get(e.name) ?? { name: e.name, roles: new Set(), mentions: 0 };
    p.mentions++;
    if (e.role) p.roles.add(e.role);
    people.set(e.name, p);
  }
  $('person-count').textContent = people.size;
  $('people').replaceChildren(...[...people.values()].map((p) => {
    const li = el('li', {}, p.name);
    if (p.roles.size) li.append(el('span', { class: 'role' }, ` — ${[...p.roles].join('；')}`));
    return li;
  }));
  $('themes').replaceChildren(...articles.map((a) => {
    const box = el('div', { class: 'theme-article' });
    box.append(el('h3', {}, a.title || '(untitled)'));
    const ul = el('ul', { class: 'list' });
    for (const t of a.themes) ul.append(el('li', {}, `${t.label} ${t.score.toFixed(2)} — ${t.evidence.join('、')}`));
    box.append(ul);
    if (a.keywords.length) box.append(el('p', { class: 'keywords' }, `Key phrases: ${a.keywords.join('、')}`));
    return box;
  }));
}

function figures() {
  const list = state.analysis ? state.analysis.entities.filter((e) => e.kind === 'figure') : [];
  const { key, dir } = state.sort;
  if (!key) return list;
  const val = (f) => f[key] ?? '';
  return [...list].sort((a, b) => {
    const x = val(a), y = val(b);
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * dir;
  });
}

function figureRow(f, titles) {
  const tr = el('tr', { 'data-start': f.start });
  tr.append(
    el('td', {}, f.text), el('td', { class: 'num' }, formatValue(f)), el('td', {}, f.unit),
    el('td', {}, f.figureKind), el('td', {}, f.qualifier ?? ''), el('td', {}, f.measure ?? ''),
    el('td', {}, f.article == null ? '' : titles[f.article] ?? ''),
  );
  return tr;
}

function renderFigures() {
  const token = ++figuresToken;
  const rows = figures();
  $('figure-count').textContent = rows.length;
  const titles = state.analysis.articles.map((a) => a.title);
  const body = $('figures').tBodies[0];
  body.replaceChildren();
  for (const th of $('figures').tHead.rows[0].cells) {
    const k = th.querySelector('button').dataset.sort;
    th.setAttribute('aria-sort', k === state.sort.key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
  }
  return appendInSlices(body, rows.map((f) => () => figureRow(f, titles)), () => token === figuresToken);
}

/** Renders the whole analysis; resolves false if a newer render took over. */
async function render() {
  const token = ++renderToken;
  $('reading').replaceChildren();
  if (!(await appendInSlices($('reading'), readingSteps(), () => token === renderToken))) return false;
  renderPanels();
  return (await renderFigures()) && token === renderToken;
}

function renderLegend() {
  const legend = $('legend');
  legend.replaceChildren(...KINDS.map(([kind, label]) => {
    const b = el('button', { type: 'button', 'data-kind': kind, 'aria-pressed': 'true' }, label);
    b.addEventListener('click', () => {
      const on = state.hidden.has(kind);
      if (on) state.hidden.delete(kind); else state.hidden.add(kind);
      b.setAttribute('aria-pressed', String(on));
      $('reading').classList.toggle(`hide-${kind}`, !on);
    });
    return b;
  }));
}

function showDetails(mark) {
  const e = state.analysis?.entities[Number(mark.dataset.i)];
  if (!e) return;
  const box = $('details');
  const dl = el('dl');
  const row = (k, v) => { if (v !== undefined && v !== null && v !== '') dl.append(el('dt', {}, k), el('dd', {}, String(v))); };
  row('Kind', e.kind);
  row('Text', e.text);
  row('Name', e.name);
  row('Role', e.role);
  row('Theme', e.label);
  if (e.kind === 'figure') {
    row('Value', formatValue(e));
    row('Unit', e.unit);
    row('Figure kind', e.figureKind);
    row('Qualifier', e.qualifier);
    row('Change', e.change);
    row('Measure', e.measure);
  }
  if (e.kind === 'org') {
    const org = state.analysis.organizations.find((o) => o.name === e.name);
    if (org) { row('Aliases', org.aliases.join('、')); row('Mentions', org.mentions); }
  }
  box.replaceChildren(dl);
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// --- wiring -------------------------------------------------------------------
function wire() {
  const text = $('text');
  text.addEventListener('input', () => {
    clearTimeout(timer);
    if (text.value !== requested) timer = setTimeout(analyze, DEBOUNCE_MS);
  });
  // The browser inserts a paste after this event and then lays out the
  // area, which takes tens of milliseconds for a page of text: the analysis
  // starts now, on the text the paste makes, beside that layout.
  text.addEventListener('paste', (e) => {
    const pasted = e.clipboardData?.getData('text/plain');
    if (!pasted || !analyzer) {
      setTimeout(analyze, 0);
      return;
    }
    const { value, selectionStart, selectionEnd } = text;
    // A text area holds line breaks as LF.
    analyze(value.slice(0, selectionStart) + pasted.replace(/\r\n?/g, '\n') + value.slice(selectionEnd));
  });
  text.addEventListener('dragover', (e) => e.preventDefault());
  text.addEventListener('drop', async (e) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    text.value = await file.text();
    analyze();
  });
  $('analyze').addEventListener('click', () => analyze());
  $('sample').addEventListener('click', async () => {
    text.value = await (await fetch(new URL('./sample.txt', import.meta.url))).text();
    analyze();
  });
  const reading = $('reading');
  reading.addEventListener('mouseover', (e) => { const m = e.target.closest('mark'); if (m) showDetails(m); });
  reading.addEventListener('focusin', (e) => { const m = e.target.closest('mark'); if (m) showDetails(m); });
  $('orgs').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-org]');
    if (!b) return;
    for (const m of reading.querySelectorAll('mark.focus')) m.classList.remove('focus');
    const marks = [...reading.querySelectorAll('mark[data-kind="org"]')].filter((m) => m.dataset.name === b.dataset.org);
    for (const m of marks) m.classList.add('focus');
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    marks[0]?.focus({ preventScroll: true });
  });
  $('figures').tHead.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-sort]');
    if (!b || !state.analysis) return;
    const key = b.dataset.sort;
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
    renderFigures();
  });
  const need = (f) => () => { if (state.analysis) f(); };
  $('export-json').addEventListener('click', need(() =>
    download('zhlens-analysis.json', 'application/json', JSON.stringify(state.analysis, null, 2))));
  $('export-figures').addEventListener('click', need(() =>
    download('zhlens-figures.csv', 'text/csv;charset=utf-8', figuresCsv(state.analysis))));
  $('export-orgs').addEventListener('click', need(() =>
    download('zhlens-organizations.csv', 'text/csv;charset=utf-8', organizationsCsv(state.analysis))));
  $('copy-json').addEventListener('click', need(async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(state.analysis, null, 2));
      $('status').textContent = 'Analysis copied to the clipboard.';
    } catch (err) {
      $('status').textContent = `Could not copy: ${err.message}`;
    }
  }));
}

renderLegend();
wire();
startAnalyzer();
