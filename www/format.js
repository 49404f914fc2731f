// Formatting and export helpers of the page: pure functions, tested in Node.

/** A figure's value as a reader writes it: 4.28亿, 2.5万, 48.5%, with its range and qualifier. */
export function formatValue(f) {
  const one = (v) => {
    if (v === null || v === undefined || !Number.isFinite(v)) return '';
    const abs = Math.abs(v);
    const trim = (x) => String(Number(x.toPrecision(6)));
    if (abs >= 1e12) return `${trim(v / 1e12)}万亿`;
    if (abs >= 1e8) return `${trim(v / 1e8)}亿`;
    if (abs >= 1e4) return `${trim(v / 1e4)}万`;
    return trim(v);
  };
  const unit = f.unit === '%' ? '%' : f.unit ? ` ${f.unit}` : '';
  const range = f.valueTo != null ? `${one(f.value)}–${one(f.valueTo)}` : one(f.value);
  const q = { over: '>', under: '<', about: '≈' }[f.qualifier] ?? '';
  return `${q}${range}${unit}`;
}

/** RFC 4180 field. */
function field(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a byte-order mark, so spreadsheet programs read the Chinese as UTF-8. */
function csv(header, rows) {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export function figuresCsv(analysis) {
  const titles = analysis.articles.map((a) => a.title);
  const rows = analysis.entities
    .filter((e) => e.kind === 'figure')
    .map((f) => [f.text, f.value, f.valueTo, f.unit, f.figureKind, f.qualifier, f.change, f.measure,
      f.article == null ? '' : titles[f.article], f.start, f.end]);
  return csv(['text', 'value', 'valueTo', 'unit', 'kind', 'qualifier', 'change', 'measure', 'article', 'start', 'end'], rows);
}

export function organizationsCsv(analysis) {
  const rows = analysis.organizations.map((o) => [o.name, o.aliases.join('; '), o.mentions]);
  return csv(['name', 'aliases', 'mentions'], rows);
}
