// Runs the streaming pass (checksum, UTF-8 check or transcoding, record index) in a worker
// thread, so the caller's event loop stays free while a big file is read: an API server keeps
// answering during an upload. The result comes back by transfer. A refusal inside the worker
// is the same error value as in-thread; a worker that dies (out of memory, a bug) becomes a
// `read_failed` refusal — never a crash of the caller.

import { Worker, type ResourceLimits } from 'node:worker_threads';
import { FixopsException, type FixopsError } from '@fixops/shared';
import { fromData, type InspectedFile, type PreparedData, type PreparedFile, type PrepareOptions } from './prepare.js';

/** Files at least this big are read in a worker by default (smaller ones take less than a worker's start-up). */
export const WORKER_MIN_BYTES = 1024 * 1024;

/** How much the reading thread lowers its OS priority (nice +10), so the caller's event loop comes first. */
export const READER_NICE = 10;

/** The worker needs little heap: chunks and the index live outside it. */
export const DEFAULT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128 };

export interface WorkerRequest {
  inspected: InspectedFile;
  opts: Omit<PrepareOptions, 'onProgress'>;
}

export type WorkerReply =
  | { type: 'progress'; read: number; total: number }
  | { type: 'done'; data: PreparedData }
  | { type: 'refused'; error: FixopsError };

/**
 * Starts the worker entry `name` beside `base` (prepareWorker here; the workbook reader passes
 * its own). Compiled, it is the .js file; run from sources (the package's own tests under
 * vitest), it is the .ts file, loaded through tsx.
 */
export function spawnWorker(name: string, request: unknown, resourceLimits: ResourceLimits, base: string = import.meta.url): Worker {
  const fromSources = base.endsWith('.ts');
  const entry = new URL(fromSources ? `./${name}.ts` : `./${name}.js`, base);
  if (!fromSources) return new Worker(entry, { workerData: request, resourceLimits });
  const boot = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(base)}))`;
  return new Worker(boot, { eval: true, workerData: request, resourceLimits });
}

function spawn(request: WorkerRequest, resourceLimits: ResourceLimits): Worker {
  return spawnWorker('prepareWorker', request, resourceLimits);
}

export function prepareInWorker(inspected: InspectedFile, opts: PrepareOptions, resourceLimits: ResourceLimits = DEFAULT_WORKER_LIMITS): Promise<PreparedFile> {
  const { onProgress, ...plain } = opts;
  const worker = spawn({ inspected, opts: plain }, resourceLimits);
  return new Promise<PreparedFile>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') onProgress?.(m.read, m.total);
      else if (m.type === 'done') settle(() => resolve(fromData(m.data)));
      else settle(() => reject(new FixopsException(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(readFailed(opts.file, e))));
    worker.on('exit', (code) => settle(() => reject(readFailed(opts.file, new Error(`the reading thread stopped (exit code ${code})`)))));
  });
}

export function readFailed(file: string, cause: Error): FixopsException {
  const reason = cause.message.split('\n')[0]!.slice(0, 300);
  return new FixopsException({
    code: 'read_failed',
    message: {
      zh: `${file}：读取文件时出错（${reason}），没有导入任何数据。`,
      en: `${file}: reading the file failed (${reason}); nothing was loaded.`,
    },
    details: { file, cause: reason, code: (cause as { code?: string }).code ?? null },
  });
}
