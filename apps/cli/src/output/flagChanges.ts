// How a command that recomputes (settings set/reset, dealers set with a new peer group) prints
// what changed in the flags: the counts before → after, then each added (+) and removed (−)
// flag in words, Chinese then English, the first few only (--json has them all, up to its cut).

import type { FlagChanges } from '@fixops/usecases';

/** Flags shown per direction in the text output. */
export const SHOWN = 20;

export function flagChangesText(f: FlagChanges): string {
  const lines = [`预警 Flags: ${f.before} → ${f.after}（新增 added ${f.addedTotal}，消除 removed ${f.removedTotal}）`];
  const list = (sign: string, items: FlagChanges['added'], total: number) => {
    for (const c of items.slice(0, SHOWN)) lines.push(`  ${sign} ${c.zh}`, `    ${c.en}`);
    if (total > Math.min(items.length, SHOWN)) lines.push(`  … 另有 ${total - Math.min(items.length, SHOWN)} 条 and ${total - Math.min(items.length, SHOWN)} more (--json)`);
  };
  list('+', f.added, f.addedTotal);
  list('−', f.removed, f.removedTotal);
  return `${lines.join('\n')}\n`;
}

/**
 * While `work` runs, a terminal's stderr shows "重新计算中… / recomputing… N s" (rewritten in
 * place each second, cleared at the end); elsewhere nothing, so scripts see only the result.
 */
export async function withRecomputeProgress<T>(work: () => Promise<T>): Promise<T> {
  if (!process.stderr.isTTY) return work();
  const started = Date.now();
  const show = () => process.stderr.write(`\r重新计算中… / recomputing… ${Math.round((Date.now() - started) / 1000)} s`);
  show();
  const timer = setInterval(show, 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    process.stderr.write('\r\x1b[K');
  }
}
