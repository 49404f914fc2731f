// The page's formatting and export helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue, figuresCsv, organizationsCsv } from '../../www/format.js';

test('values read as a Chinese reader writes them', () => {
  assert.equal(formatValue({ value: 42800000000, unit: '元' }), '428亿 元');
  assert.equal(formatValue({ value: 25000, unit: '套' }), '2.5万 套');
  assert.equal(formatValue({ value: 1e12, unit: '元' }), '1万亿 元');
  assert.equal(formatValue({ value: 48.5, unit: '%', qualifier: 'over' }), '>48.5%');
  assert.equal(formatValue({ value: 15000000, valueTo: 16000000, unit: '元' }), '1500万–1600万 元');
  assert.equal(formatValue({ value: 0.3333, unit: '', qualifier: 'about' }), '≈0.3333');
});

test('CSV exports carry a BOM and quote what needs quoting', () => {
  const analysis = {
    articles: [{ title: '标题, "引号"' }],
    entities: [{ kind: 'figure', text: '428亿元', value: 42800000000, valueTo: null, unit: '元', figureKind: 'money',
      qualifier: null, change: null, measure: '产值', article: 0, start: 3, end: 8 }],
    organizations: [{ name: '北京经济技术开发区', aliases: ['经开区', '北京经开区'], mentions: 3 }],
  };
  const figures = figuresCsv(analysis);
  assert.ok(figures.startsWith('\uFEFFtext,value,valueTo'));
  assert.match(figures, /428亿元,42800000000,,元,money,,,产值,"标题, ""引号""",3,8\r\n$/);
  assert.equal(organizationsCsv(analysis), '\uFEFFname,aliases,mentions\r\n北京经济技术开发区,经开区; 北京经开区,3\r\n');
});
