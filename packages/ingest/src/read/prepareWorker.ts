// Worker-thread entry of the streaming pass: runs prepareData on the file named in workerData
// and posts back the result, with the record index's buffers transferred (not copied). A
// refusal (bad encoding…) is posted as its error value; progress is posted as it goes.

import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { FixopsException } from '@fixops/shared';
import { prepareData, type PrepareOptions } from './prepare.js';
import { READER_NICE, type WorkerReply, type WorkerRequest } from './inWorker.js';

const port = parentPort!;

/**
 * This thread only reads a file: it yields the CPU to the caller's event loop (an API server
 * answering requests on a busy machine) by lowering its own OS priority. On Linux a thread
 * has its own nice value, set through its thread id; elsewhere this does nothing.
 */
function yieldPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + READER_NICE));
  } catch {
    /* not Linux, or not allowed: run at the usual priority */
  }
}
yieldPriority();
const { inspected, opts } = workerData as WorkerRequest;
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

const options: PrepareOptions = {
  ...opts,
  onProgress: (read, total) => post({ type: 'progress', read, total }),
};

try {
  const data = await prepareData(inspected, options);
  post({ type: 'done', data }, [data.index.offsets.buffer as ArrayBuffer, data.index.lines.buffer as ArrayBuffer]);
} catch (e) {
  if (e instanceof FixopsException) post({ type: 'refused', error: e.error });
  else throw e; // the parent sees an 'error' event and refuses the load
}
