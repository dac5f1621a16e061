// Writes a network to a directory file by file (chunks streamed to disk, never the whole network in memory) plus manifest.json.
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planNetwork, sortForLoading } from './network.js';
import type { DemoFileInfo, Manifest, NetworkOptions } from './types.js';

export const MANIFEST_NAME = 'manifest.json';

export interface WrittenFile extends DemoFileInfo {
  path: string;
  /** File size in bytes. */
  size: number;
}

export interface WriteResult {
  manifestPath: string;
  /** In load order, like the manifest. */
  files: WrittenFile[];
}

export async function writeNetwork(dir: string, opts: NetworkOptions = {}): Promise<WriteResult> {
  const plan = planNetwork(opts);
  await mkdir(dir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const planned of plan.files()) {
    const path = join(dir, planned.name);
    const fd = openSync(path, 'w');
    let size = 0;
    let file;
    try {
      // ~1 MB chunks go straight to the descriptor as they are encoded
      file = planned.render((chunk) => {
        writeSync(fd, chunk);
        size += chunk.length;
      });
    } finally {
      closeSync(fd);
    }
    const { bytes: _empty, ...info } = file;
    written.push({ ...info, path, size });
  }
  sortForLoading(written);
  const manifest: Manifest = {
    generator: '@fixops/demo',
    options: plan.options,
    dealers: plan.dealers,
    files: written.map(({ path: _path, size: _size, ...info }) => info),
  };
  const manifestPath = join(dir, MANIFEST_NAME);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifestPath, files: written };
}
