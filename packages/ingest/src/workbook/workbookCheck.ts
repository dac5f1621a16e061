// A quick look at a file that starts like a workbook, before it is queued for loading (the
// API's door check): an .xlsx must be a readable ZIP package with a workbook part. Anything
// deeper (encryption, sheets, headers) is the ingest's to refuse.

import { stat } from 'node:fs/promises';
import type { Message } from '@fixops/shared';
import type { WorkbookFormat } from '../detect/workbookFormat.js';
import { corruptWorkbook } from './workbookErrors.js';
import { zipEntries } from './zip.js';

/** Why a file that starts like a workbook is none (code and zh/en message), or undefined. */
export async function workbookProblem(path: string, format: WorkbookFormat, file: string): Promise<{ code: string; message: Message } | undefined> {
  if (format !== 'xlsx') return undefined;
  try {
    const entries = await zipEntries(path, (await stat(path)).size);
    if ([...entries.keys()].some((n) => /(^|\/)workbook\d*\.xml$/i.test(n))) return undefined;
    const e = corruptWorkbook(file, 'no workbook part in the ZIP package').error;
    return { code: e.code, message: e.message };
  } catch (err) {
    const e = corruptWorkbook(file, (err as Error).message).error;
    return { code: e.code, message: e.message };
  }
}
