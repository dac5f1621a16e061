// Replaces one benchmark's section of docs/PERFORMANCE.md (between its markers), keeping the rest.
// The folder follows BENCH_DOCS_DIR (see benchEnv.ts): quick runs write to bench-out/quick-docs/.

import { join } from 'node:path';
import { writeSectionFile } from '@fixops/bench';
import { docsDir } from './benchEnv.js';

const TITLE = '# Performance\n\nNumbers written by `pnpm bench…` scripts on this project\'s 2-core machine.\n';

/** Path of PERFORMANCE.md for this run. */
export function performanceMd(): string {
  return join(docsDir(), 'PERFORMANCE.md');
}

/** Kept for scripts that read it at import time; equals performanceMd(). */
export const PERFORMANCE_MD = performanceMd();

export function writeSection(name: string, markdown: string): void {
  writeSectionFile(performanceMd(), name, markdown, TITLE);
}
