// Where a benchmark finds a generated scale network of N dealers × 24 months.
// The generator's roster and each dealer's simulation depend only on the seed and the dealer's
// position, so the first N dealers of a bigger scale network ARE the N-dealer network: a
// scale-50 is read as the first 50 dealers of scale-300 when that exists, and generated only
// when no bigger one is on disk.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNetwork } from '@fixops/demo';
import { ROOT } from './benchEnv.js';

export interface ScaleNetwork {
  /** Folder holding the generated files. */
  dir: string;
  /** The dealer codes of this network (a prefix of the folder's roster when it is a subset). */
  dealers: string[];
  /** True when the folder holds more dealers than this network uses. */
  subset: boolean;
}

interface Manifest { options: { dealers: number; months: number; scale: boolean; seed: number }; dealers: { code: string }[] }

const GENERATED = join(ROOT, 'data', 'generated');

function manifest(dir: string): Manifest | undefined {
  const file = join(dir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
}

export async function scaleNetwork(dealers: number, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<ScaleNetwork> {
  const candidates = existsSync(GENERATED)
    ? readdirSync(GENERATED).filter((d) => /^scale-\d+$/.test(d)).map((d) => ({ dir: join(GENERATED, d), m: manifest(join(GENERATED, d)) }))
      .filter((c): c is { dir: string; m: Manifest } => c.m !== undefined && c.m.options.scale && c.m.options.months === 24 && c.m.dealers.length >= dealers)
      .sort((a, b) => a.m.dealers.length - b.m.dealers.length)
    : [];
  const best = candidates[0];
  if (best) return { dir: best.dir, dealers: best.m.dealers.slice(0, dealers).map((d) => d.code), subset: best.m.dealers.length > dealers };
  const dir = join(GENERATED, `scale-${dealers}`);
  log(`generating ${dir} (${dealers} dealers × 24 months)…`);
  await writeNetwork(dir, { scale: true, dealers });
  return { dir, dealers: manifest(dir)!.dealers.map((d) => d.code), subset: false };
}
