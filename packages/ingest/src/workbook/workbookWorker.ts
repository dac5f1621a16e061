// Worker-thread entry of a workbook read: runs readWorkbookData on the file named in
// workerData (unzipping and parsing the sheet, writing its CSV copy) and posts back the result,
// the record index's buffers transferred. A refusal (encrypted, corrupt, no sheet…) is posted as
// its error value; progress as it goes. The reading thread yields the CPU like prepareWorker's.

import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { FixopsException } from '@fixops/shared';
import { READER_NICE } from '../read/inWorker.js';
import { readWorkbookData } from './readWorkbook.js';
import type { WorkbookReply, WorkbookRequest } from './inWorkbookWorker.js';

const port = parentPort!;
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + READER_NICE));
} catch {
  /* not Linux, or not allowed: run at the usual priority */
}
const { path, format, opts } = workerData as WorkbookRequest;
const post = (reply: WorkbookReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

try {
  const data = await readWorkbookData(path, format, { ...opts, onProgress: (read, total) => post({ type: 'progress', read, total }) });
  post({ type: 'done', data }, [data.prepared.index.offsets.buffer as ArrayBuffer, data.prepared.index.lines.buffer as ArrayBuffer]);
} catch (e) {
  if (e instanceof FixopsException) post({ type: 'refused', error: e.error });
  else throw e;
}
