// Whether a file is an Excel workbook, from its first bytes (never its name): a ZIP package is
// an .xlsx, an OLE2 compound file an .xls (or a password-protected .xlsx, which Excel stores
// the same way). Node-free: the API and the browser preview ask it before the text sniff.

export type WorkbookFormat = 'xlsx' | 'xls';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (sample: Uint8Array, bytes: readonly number[]) => sample.length >= bytes.length && bytes.every((b, i) => sample[i] === b);

export function workbookFormat(sample: Uint8Array): WorkbookFormat | undefined {
  if (startsWith(sample, ZIP)) return 'xlsx';
  if (startsWith(sample, OLE2)) return 'xls';
  return undefined;
}
