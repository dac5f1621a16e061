// Temporary folders of loads: their names, and the sweep at server start that removes what a
// killed process left behind: only ours (by name and owner), only older than this process, and
// never one whose process (its id is in the name) is still running, so a load running in
// another server on the same machine is never touched.

import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEMP_PREFIX = {
  /** ingestFile's own folder (a transcoded copy). */
  ingest: 'fixops-ingest-',
  /** The API's folder for one upload request's files. */
  upload: 'fixops-upload-',
} as const;

/** The mkdtemp prefix of a new folder: our prefix and this process's id. */
export function tempPrefix(kind: keyof typeof TEMP_PREFIX): string {
  return `${TEMP_PREFIX[kind]}${process.pid}-`;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but someone else's
  }
}

const OURS = new RegExp(`^(${Object.values(TEMP_PREFIX).map((p) => p.replace(/-/g, '\\-')).join('|')})`);

export interface SweepOptions {
  /** Folder to sweep (default: the system temp folder). */
  dir?: string;
  /** Only folders last changed before this time (default: when this process started). */
  olderThan?: Date;
}

/** Removes leftover load folders; answers the paths removed. Never fails: a sweep is best effort. */
export async function removeStaleTempDirs(opts: SweepOptions = {}): Promise<string[]> {
  const dir = opts.dir ?? tmpdir();
  const before = (opts.olderThan ?? new Date(Date.now() - process.uptime() * 1000)).getTime();
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m) continue;
    const pid = /^(\d+)-/.exec(name.slice(m[0].length));
    if (pid && alive(Number(pid[1]))) continue;
    const path = join(dir, name);
    try {
      const s = await stat(path);
      if (!s.isDirectory() || s.mtimeMs >= before) continue;
      if (uid !== undefined && s.uid !== uid) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // vanished or not ours to remove
    }
  }
  return removed;
}
