// The one way list commands answer: JSON under --json (even for an empty list), the empty line
// when there is nothing, the table otherwise — captured from process.stdout.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printJson, printList } from './print.js';

let written: string[];
beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const rows = [{ id: 1, name: '上海' }, { id: 2, name: 'Beijing' }];
const table = (list: readonly { id: number; name: string }[]) => list.map((r) => `${r.id}|${r.name}`).join('\n');

describe('printList', () => {
  it('prints the rows as indented JSON under --json, an empty list as []', () => {
    expect(printList(rows, { json: true, empty: 'none\n', table })).toBe(0);
    expect(printList([], { json: true, empty: 'none\n', table })).toBe(0);
    expect(written).toEqual([`${JSON.stringify(rows, null, 2)}\n`, '[]\n']);
  });

  it('prints the empty message when there are no rows, the table (and a newline) otherwise', () => {
    printList([], { json: false, empty: '没有 none\n', table });
    printList(rows, { json: false, empty: '没有 none\n', table });
    expect(written).toEqual(['没有 none\n', '1|上海\n2|Beijing\n']);
  });
});

describe('printJson', () => {
  it('writes one indented JSON document and a newline', () => {
    printJson({ a: [1, null] });
    expect(written).toEqual(['{\n  "a": [\n    1,\n    null\n  ]\n}\n']);
  });
});
