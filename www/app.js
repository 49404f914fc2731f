// The page: sends the pasted text to the worker and shows what comes back.
// Pasted text is only ever put in the page with textContent, never as HTML.
const $ = (id) => document.getElementById(id);
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 0;
let latest = -1;

function el(tag, attrs = {}, text = '') {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function show({ analysis, tokens, ms }, text) {
  $('status').textContent = `Analyzed ${text.length.toLocaleString()} characters in ${ms.toFixed(1)} ms`;
  const list = $('articles');
  list.replaceChildren(...analysis.articles.map((a) => {
    const li = el('li', { 'data-kind': a.kind });
    li.append(el('strong', {}, a.title));
    if (a.authors.length) li.append(el('span', { class: 'authors' }, ' — ' + a.authors.join('、')));
    return li;
  }));
  const out = $('tokens');
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const t of tokens) {
    if (t.start > at) frag.append(text.slice(at, t.start));
    frag.append(el('span', { class: 'tok', 'data-tag': t.tag, title: t.tag }, t.text));
    at = t.end;
  }
  frag.append(text.slice(at));
  out.replaceChildren(frag);
  $('json').textContent = JSON.stringify(analysis, null, 2);
}

worker.onmessage = ({ data }) => {
  if (data.ready) {
    $('analyze').disabled = false;
    $('status').textContent = 'Ready';
    return;
  }
  if (data.loading) return;
  if (data.error && data.id === undefined) {
    $('status').textContent = `Could not load the analyzer: ${data.error}`;
    return;
  }
  if (data.id !== latest) return; // a newer request is under way
  document.body.classList.remove('busy');
  if (data.error) $('status').textContent = `Error: ${data.error}`;
  else show(data, $('text').value);
};

$('analyze').addEventListener('click', () => {
  latest = nextId++;
  document.body.classList.add('busy');
  $('status').textContent = 'Analyzing…';
  worker.postMessage({ id: latest, text: $('text').value });
});
