// The small parts of an .xlsx read before its sheet: the workbook (sheet names, order, hidden
// state, the 1904 date system), where each sheet's XML is, which cell styles are dates, and the
// shared strings (streamed item by item; they are kept, as every sheet cell may point to one).

import { posix } from 'node:path';
import { entryStream, entryText, ZipError, type ZipEntry } from './zip.js';
import { attr, stringItemText } from './xmlText.js';
import { isDateFormat } from './cellText.js';

export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** Path of its XML inside the ZIP. */
  path: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  date1904: boolean;
}

/** Every opening tag `<name …>` / `<name …/>` of a small XML text, as its attribute text. */
function tags(xml: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(?:\\w+:)?${name}[\\s/>]`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const end = xml.indexOf('>', m.index);
    out.push(xml.slice(m.index, end + 1));
  }
  return out;
}

function need(entries: Map<string, ZipEntry>, name: string): ZipEntry {
  const e = entries.get(name);
  if (!e) throw new ZipError(`no ${name}`);
  return e;
}

/** The workbook part's path: from the package relationships, else the usual place. */
async function workbookPath(path: string, entries: Map<string, ZipEntry>): Promise<string> {
  const rels = entries.get('_rels/.rels');
  if (rels) {
    for (const tag of tags(await entryText(path, rels), 'Relationship')) {
      if ((attr(tag, 'Type') ?? '').endsWith('/officeDocument')) return (attr(tag, 'Target') ?? '').replace(/^\//, '');
    }
  }
  return 'xl/workbook.xml';
}

export async function readWorkbookInfo(path: string, entries: Map<string, ZipEntry>): Promise<WorkbookInfo> {
  const wbPath = await workbookPath(path, entries);
  const xml = await entryText(path, need(entries, wbPath));
  const dir = posix.dirname(wbPath);
  const relsPath = posix.join(dir, '_rels', `${posix.basename(wbPath)}.rels`);
  const targets = new Map<string, string>();
  const relsEntry = entries.get(relsPath);
  if (relsEntry) {
    for (const tag of tags(await entryText(path, relsEntry), 'Relationship')) {
      const target = attr(tag, 'Target') ?? '';
      targets.set(attr(tag, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target)));
    }
  }
  const sheets = tags(xml, 'sheet').map((tag, i) => {
    const rid = attr(tag, 'r:id') ?? tag.match(/\s\w+:id="([^"]*)"/)?.[1] ?? '';
    const state = attr(tag, 'state') ?? 'visible';
    return { name: attr(tag, 'name') ?? `Sheet${i + 1}`, hidden: state !== 'visible', path: targets.get(rid) ?? `${dir}/worksheets/sheet${i + 1}.xml` };
  });
  const pr = tags(xml, 'workbookPr')[0];
  const d1904 = pr ? attr(pr, 'date1904') : undefined;
  return { sheets, date1904: d1904 === '1' || d1904 === 'true' };
}

/** For each cell style index (the `s` of a cell), whether its number format is a date or time. */
export async function readDateStyles(path: string, entries: Map<string, ZipEntry>): Promise<boolean[]> {
  const entry = entries.get('xl/styles.xml');
  if (!entry) return [];
  const xml = await entryText(path, entry);
  const formats = new Map<number, string>();
  for (const tag of tags(xml, 'numFmt')) formats.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
  const start = xml.indexOf('<cellXfs');
  const end = xml.indexOf('</cellXfs>', start);
  if (start === -1 || end === -1) return [];
  return tags(xml.slice(start, end), 'xf').map((tag) => {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    return isDateFormat(id, formats.get(id));
  });
}

/** The shared strings, in order; streamed, so only the strings themselves are held. */
export async function readSharedStrings(path: string, entries: Map<string, ZipEntry>): Promise<string[]> {
  const entry = [...entries.values()].find((e) => /(^|\/)sharedStrings\.xml$/i.test(e.name));
  const out: string[] = [];
  if (!entry) return out;
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  const take = (final: boolean) => {
    let i = 0;
    for (;;) {
      const s = buf.indexOf('<si', i);
      if (s === -1) break;
      const open = buf.indexOf('>', s);
      if (open === -1) break;
      if (buf.charCodeAt(open - 1) === 47) {
        out.push(''); // <si/>
        i = open + 1;
        continue;
      }
      const close = buf.indexOf('</si>', open);
      if (close === -1) break;
      out.push(stringItemText(buf.slice(open + 1, close)));
      i = close + 5;
    }
    buf = final ? '' : buf.slice(i);
  };
  for await (const chunk of await entryStream(path, entry)) {
    buf += decoder.decode(chunk as Buffer, { stream: true });
    take(false);
  }
  buf += decoder.decode();
  take(true);
  return out;
}
