// Reads a workbook in a worker thread (unzip, XML parse, CSV copy), so the caller's event loop
// stays free while a big sheet is read: an API server keeps answering during an upload. A
// refusal inside is the same error value as in-thread; a worker that dies becomes read_failed.

import type { ResourceLimits } from 'node:worker_threads';
import { FixopsException, type FixopsError } from '@fixops/shared';
import type { WorkbookFormat } from '../detect/workbookFormat.js';
import { readFailed, spawnWorker } from '../read/inWorker.js';
import { workbookFromData, type ReadWorkbook, type ReadWorkbookData, type WorkbookOptions } from './readWorkbook.js';

/** A workbook's shared strings live in the worker's heap (and a .xls is parsed whole there): more room than a CSV read needs. */
export const WORKBOOK_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 768 };

export interface WorkbookRequest {
  path: string;
  format: WorkbookFormat;
  opts: Omit<WorkbookOptions, 'onProgress'>;
}

export type WorkbookReply =
  | { type: 'progress'; read: number; total: number }
  | { type: 'done'; data: ReadWorkbookData }
  | { type: 'refused'; error: FixopsError };

export function readWorkbookInWorker(path: string, format: WorkbookFormat, opts: WorkbookOptions, resourceLimits: ResourceLimits = WORKBOOK_WORKER_LIMITS): Promise<ReadWorkbook> {
  const { onProgress, ...plain } = opts;
  const worker = spawnWorker('workbookWorker', { path, format, opts: plain } satisfies WorkbookRequest, resourceLimits, import.meta.url);
  return new Promise<ReadWorkbook>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: WorkbookReply) => {
      if (m.type === 'progress') onProgress?.(m.read, m.total);
      else if (m.type === 'done') settle(() => resolve(workbookFromData(m.data)));
      else settle(() => reject(new FixopsException(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(readFailed(opts.file, e))));
    worker.on('exit', (code) => settle(() => reject(readFailed(opts.file, new Error(`the reading thread stopped (exit code ${code})`)))));
  });
}
