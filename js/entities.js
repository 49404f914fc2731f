// Builds the articles, entities and tokens of an analysis in JavaScript from
// the columns the wasm side writes (src/wasm.rs, `Columns`): one number
// array and one table of strings a part of the text. Parsing them from JSON
// was a third of a whole analysis in V8 (the text of every span encoded,
// decoded and parsed again); here a span's `text` is the input's own
// `slice(start, end)`, and names, labels and units are taken from a table
// of each distinct string. wasm-bindgen ships this file with the module
// (`#[wasm_bindgen(module)]`).

// Kind codes: those `Columns::push` in src/wasm.rs writes.
const ORG = 0;
const PERSON = 1;
const PLACE = 2;
const FIGURE = 3;
const DATE = 4;
const THEME = 5;
const KIND_NAMES = ['org', 'person', 'place', 'figure', 'date', 'theme'];

/**
 * Appends the entities of one part to `list`. `numbers` holds, per entity,
 * its kind code, start, end and article (-1: none), then by kind: a name
 * (org, place, date; person with a role after it), a label (theme), or a
 * figure's value, upper value (NaN: none), unit, kind, qualifier, measure
 * and change. A string is an index into the table (-1: none; for a name,
 * the span's own text). The table is `strings` cut at the UTF-16 offsets
 * `ends`. Fields are set in the order of SPEC.md (and of the JSON the
 * native command prints).
 */
export function pushEntities(list, input, numbers, strings, ends) {
  const table = cut(strings, ends);
  const str = (i) => (i < 0 ? null : table[i]);
  for (let i = 0; i < numbers.length; ) {
    const kind = numbers[i];
    const start = numbers[i + 1];
    const end = numbers[i + 2];
    const article = numbers[i + 3] < 0 ? null : numbers[i + 3];
    const text = input.slice(start, end);
    i += 4;
    if (kind === FIGURE) {
      list.push({
        text,
        start,
        end,
        article,
        kind: 'figure',
        value: numbers[i],
        valueTo: Number.isNaN(numbers[i + 1]) ? null : numbers[i + 1],
        unit: table[numbers[i + 2]],
        figureKind: table[numbers[i + 3]],
        qualifier: str(numbers[i + 4]),
        measure: str(numbers[i + 5]),
        change: str(numbers[i + 6]),
      });
      i += 7;
    } else if (kind === THEME) {
      list.push({ text, start, end, article, kind: 'theme', label: table[numbers[i]] });
      i += 1;
    } else if (kind === PERSON) {
      const person = { text, start, end, article, kind: 'person', name: str(numbers[i]) ?? text };
      if (numbers[i + 1] >= 0) person.role = table[numbers[i + 1]];
      list.push(person);
      i += 2;
    } else if (kind === ORG || kind === PLACE || kind === DATE) {
      list.push({ text, start, end, article, kind: KIND_NAMES[kind], name: str(numbers[i]) ?? text });
      i += 1;
    } else {
      throw new Error(`zhlens: unknown entity kind ${kind} from the module`);
    }
  }
}

/**
 * Appends the articles of one part to `list`: `numbers` holds, per article,
 * its title, kind (0: article, 1: caption), start and end, its authors (a
 * count, then each), its themes (a count, then each theme's label, score
 * and evidence, a count and each) and its key phrases (a count, then each);
 * strings as for entities.
 */
export function pushArticles(list, numbers, strings, ends) {
  const table = cut(strings, ends);
  let i = 0;
  const strs = () => {
    const n = numbers[i++];
    const out = new Array(n);
    for (let k = 0; k < n; k++) out[k] = table[numbers[i++]];
    return out;
  };
  while (i < numbers.length) {
    const title = table[numbers[i]];
    const kind = numbers[i + 1] === 1 ? 'caption' : 'article';
    const start = numbers[i + 2];
    const end = numbers[i + 3];
    i += 4;
    const authors = strs();
    const themes = new Array(numbers[i++]);
    for (let k = 0; k < themes.length; k++) {
      const label = table[numbers[i]];
      const score = numbers[i + 1];
      i += 2;
      themes[k] = { label, score, evidence: strs() };
    }
    list.push({ title, kind, start, end, authors, themes, keywords: strs() });
  }
}

/**
 * Appends the tokens of one part to `list`: `numbers` holds, per token, its
 * start, end, word (-1: its own text) and tag, strings as for entities.
 */
export function pushTokens(list, input, numbers, strings, ends) {
  const table = cut(strings, ends);
  for (let i = 0; i < numbers.length; i += 4) {
    const start = numbers[i];
    const end = numbers[i + 1];
    const text = input.slice(start, end);
    list.push({ text, word: numbers[i + 2] < 0 ? text : table[numbers[i + 2]], start, end, tag: table[numbers[i + 3]] });
  }
}

/** The table of strings: `strings` cut at the UTF-16 offsets `ends`. */
function cut(strings, ends) {
  const table = new Array(ends.length);
  for (let i = 0, from = 0; i < ends.length; i++) {
    table[i] = strings.slice(from, ends[i]);
    from = ends[i];
  }
  return table;
}
