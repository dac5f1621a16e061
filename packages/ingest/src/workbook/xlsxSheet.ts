// One .xlsx worksheet, streamed row by row: the inflated XML is decoded chunk by chunk and
// every complete <row> is turned into cell texts (shared strings looked up, date cells
// formatted, formulas by their cached value), found with indexOf — a sheet has millions of
// cells. Rows come with their sheet row numbers; rows the sheet leaves out are not produced.

import type { Readable } from 'node:stream';
import { isoToText, numberText, serialToText } from './cellText.js';
import { attr, stringItemText, unescapeXml } from './xmlText.js';

export interface SheetRow {
  /** The sheet's own row number (1-based). */
  n: number;
  /** Cell texts by column (0 = A); missing cells are ''. */
  cells: string[];
}

export interface CellContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Column letters (A, Z, AA…) of a cell reference like `AB12` → 0-based index. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function rowCells(xml: string, ctx: CellContext): string[] {
  const cells: string[] = [];
  let next = 0;
  let i = 0;
  for (;;) {
    const c = xml.indexOf('<c', i);
    if (c === -1) break;
    const after = xml.charCodeAt(c + 2);
    if (after !== 32 && after !== 62 && after !== 47 && after !== 10 && after !== 13 && after !== 9) {
      i = c + 2;
      continue;
    }
    const tagEnd = xml.indexOf('>', c);
    const tag = xml.slice(c, tagEnd);
    const self = xml.charCodeAt(tagEnd - 1) === 47;
    let inner = '';
    if (self) i = tagEnd + 1;
    else {
      const close = xml.indexOf('</c>', tagEnd);
      inner = xml.slice(tagEnd + 1, close);
      i = close + 4;
    }
    const ref = attr(tag, 'r');
    const col = ref ? columnIndex(ref) : next;
    next = col + 1;
    const text = self ? '' : cellText(tag, inner, ctx);
    if (text === '') continue;
    while (cells.length < col) cells.push('');
    cells[col] = text;
  }
  return cells;
}

function valueOf(inner: string): string | undefined {
  const v = inner.indexOf('<v');
  if (v === -1) return undefined;
  const open = inner.indexOf('>', v);
  if (inner.charCodeAt(open - 1) === 47) return '';
  return inner.slice(open + 1, inner.indexOf('</v>', open));
}

function cellText(tag: string, inner: string, ctx: CellContext): string {
  const t = attr(tag, 't') ?? 'n';
  if (t === 'inlineStr') return stringItemText(inner);
  const v = valueOf(inner);
  if (v === undefined || v === '') return '';
  switch (t) {
    case 's': return ctx.strings[Number(v)] ?? '';
    case 'str': case 'e': return unescapeXml(v);
    case 'b': return v === '1' ? 'TRUE' : 'FALSE';
    case 'd': return isoToText(unescapeXml(v));
    default: {
      const s = attr(tag, 's');
      if (s !== undefined && ctx.dateStyles[Number(s)]) {
        const serial = Number(v);
        if (Number.isFinite(serial)) return serialToText(serial, ctx.date1904);
      }
      return numberText(v);
    }
  }
}

/** The sheet's rows in order, from its inflated XML stream. */
export async function* sheetRows(xml: Readable, ctx: CellContext): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let last = 0;
  const rows: SheetRow[] = [];
  const take = () => {
    let i = 0;
    for (;;) {
      const r = buf.indexOf('<row', i);
      if (r === -1) break;
      const after = buf.charCodeAt(r + 4);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 10 && after !== 13 && after !== 9) {
        i = r + 4;
        continue;
      }
      const tagEnd = buf.indexOf('>', r);
      if (tagEnd === -1) break;
      const tag = buf.slice(r, tagEnd);
      const rn = attr(tag, 'r');
      if (buf.charCodeAt(tagEnd - 1) === 47) {
        last = rn ? Number(rn) : last + 1;
        i = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf('</row>', tagEnd);
      if (close === -1) break;
      last = rn ? Number(rn) : last + 1;
      const cells = rowCells(buf.slice(tagEnd + 1, close), ctx);
      if (cells.length > 0) rows.push({ n: last, cells });
      i = close + 6;
    }
    buf = buf.slice(i);
  };
  for await (const chunk of xml) {
    buf += decoder.decode(chunk as Buffer, { stream: true });
    take();
    for (const row of rows) yield row;
    rows.length = 0;
  }
  buf += decoder.decode();
  take();
  yield* rows;
}
