#!/usr/bin/env node
// Launcher for `pnpm fixops …`: builds the workspace once if it has never been built.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('首次运行，正在构建… / First run: building…\n');
  const root = join(here, '..', '..', '..');
  const r = spawnSync('pnpm', ['-s', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(main).href);
