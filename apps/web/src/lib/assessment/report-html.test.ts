import { describe, expect, it } from 'vitest';
import { scopeCss, splitReport } from './report-html.js';

describe('report HTML in the dashboard', () => {
  it('splits a standalone page into title, style sheet and body', () => {
    const html = '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>评估报告 · SH001 · 2025-12</title><style>h1 { color: red; }</style></head>\n<body><h1>售后</h1><p>x</p></body></html>\n';
    expect(splitReport(html)).toEqual({ title: '评估报告 · SH001 · 2025-12', css: 'h1 { color: red; }', body: '<h1>售后</h1><p>x</p>' });
  });

  it('scopes every rule to the container, body becomes the container, @page stays', () => {
    const css = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-size: 12px; margin: 0 auto; }
h1 { font-size: 20px; } h2 { font-size: 15px; }
th, td { border: 1px solid #ccc; }
tr.section td { background: #f6f6f6; }
@media print { h2 { break-after: avoid; } }`;
    expect(scopeCss(css, '.report-doc').split('\n')).toEqual([
      '@page { size: A4; margin: 14mm 12mm; }',
      '.report-doc * { box-sizing: border-box; }',
      '.report-doc { font-size: 12px; margin: 0 auto; }',
      '.report-doc h1 { font-size: 20px; }',
      '.report-doc h2 { font-size: 15px; }',
      '.report-doc th, .report-doc td { border: 1px solid #ccc; }',
      '.report-doc tr.section td { background: #f6f6f6; }',
      '@media print { .report-doc h2 { break-after: avoid; } }',
    ]);
  });
});
