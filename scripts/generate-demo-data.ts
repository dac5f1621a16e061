// Writes demo DMS exports to disk: the default network, a scale network for benchmarks, or the small committed sample.
//   pnpm exec tsx scripts/generate-demo-data.ts                 → data/generated/demo (12 dealers × 24 months)
//   pnpm exec tsx scripts/generate-demo-data.ts --scale 300     → data/generated/scale-300 (plain files, ~1000 ROs per dealer-month)
//   pnpm exec tsx scripts/generate-demo-data.ts --sample        → data/samples (3 dealers × 3 months, styles A/B/C; committed)
//   options: --out DIR, --seed N
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeNetwork, type NetworkOptions } from '../packages/demo/src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got ${text}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      sample: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: tsx scripts/generate-demo-data.ts [--out DIR] [--scale N | --sample] [--seed N]\n');
    return;
  }
  const scale = wholeNumber('scale', values.scale);
  const seed = wholeNumber('seed', values.seed);
  if (scale !== undefined && values.sample) throw new Error('--scale and --sample exclude each other');

  let opts: NetworkOptions;
  let out: string;
  if (scale !== undefined) {
    opts = { dealers: scale, scale: true };
    out = join(root, 'data', 'generated', `scale-${scale}`);
  } else if (values.sample) {
    opts = { dealers: 3, months: 3, rosPerMonth: 40 };
    out = join(root, 'data', 'samples');
  } else {
    opts = {};
    out = join(root, 'data', 'generated', 'demo');
  }
  if (seed !== undefined) opts.seed = seed;
  if (values.out) out = resolve(values.out);

  const started = performance.now();
  const result = await writeNetwork(out, opts);
  const seconds = (performance.now() - started) / 1000;
  const bytes = result.files.reduce((s, f) => s + f.size, 0);
  const rows = (kind: string): number => result.files.filter((f) => f.kind === kind).reduce((s, f) => s + f.rows, 0);
  process.stdout.write(
    `wrote ${result.files.length} files + manifest.json to ${relative(process.cwd(), out) || '.'} in ${seconds.toFixed(1)} s\n` +
      `  ${(bytes / 1e6).toFixed(1)} MB · repair orders ${rows('repair_orders')} · bookings ${rows('bookings')} · ` +
      `accident repairs ${rows('accident_repairs')} · customers ${rows('customers')}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
