// Worker-thread entry of the streaming pass: runs prepareData on the file named in workerData
// and posts back the result, with the record index's buffers transferred (not copied). A
// refusal (bad encoding…) is posted as its error value; progress is posted as it goes.

import { parentPort, workerData } from 'node:worker_threads';
import { FixopsException } from '@fixops/shared';
import { prepareData, type InspectedFile, type PrepareOptions } from './prepare.js';
import type { WorkerReply, WorkerRequest } from './inWorker.js';

const port = parentPort!;
const { inspected, opts } = workerData as WorkerRequest;
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

const options: PrepareOptions = {
  ...opts,
  onProgress: (read, total) => post({ type: 'progress', read, total }),
};

try {
  const data = await prepareData(inspected as InspectedFile, options);
  post({ type: 'done', data }, [data.index.offsets.buffer as ArrayBuffer, data.index.lines.buffer as ArrayBuffer]);
} catch (e) {
  if (e instanceof FixopsException) post({ type: 'refused', error: e.error });
  else throw e; // the parent sees an 'error' event and refuses the load
}
