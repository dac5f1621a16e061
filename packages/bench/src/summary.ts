// The head of docs/PERFORMANCE.md after `pnpm bench`: machine, date, command, duration and one
// table line per figure of every benchmark of the run, with its target and whether it was met.

import { formatDuration, formatRatio, formatSpread } from './format.js';
import { renderMachine, type Machine } from './machine.js';
import { verdict, type BenchFigure, type BenchResult } from './result.js';

export interface BenchRun {
  name: string;
  /** Path of the script, relative to the repository. */
  script: string;
  state: 'ok' | 'failed' | 'missing' | 'skipped';
  ms?: number;
  /** Exit code or signal of a failed script. */
  exit?: string;
  result?: BenchResult;
  /** Why the script's bench-out JSON could not be used. */
  problem?: string;
}

export interface SummaryInput {
  machine: Machine;
  date: Date;
  command: string;
  totalMs: number;
  quick: boolean;
  runs: BenchRun[];
  /** 1-minute load average at the start and the end of the run: above the core count, other work competed. */
  load?: { start: number; end: number };
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function ratioText(f: BenchFigure, all: BenchFigure[]): string {
  if (!f.ratio) return '';
  const base = all.find((g) => g.id === f.baseline);
  const of = base ? base.label.replace(/^(\([a-z]\)).*$/, '$1') : (f.baseline ?? '');
  const r = f.ratio.median < 1 ? formatRatio({ min: f.ratio.min * 100, median: f.ratio.median * 100, max: f.ratio.max * 100 }, '%') : formatRatio(f.ratio);
  return `${r} of ${of}`;
}

function figureRow(run: BenchRun, f: BenchFigure, all: BenchFigure[], first: boolean): string {
  const v = verdict(f);
  const head = first ? `${run.name} (${run.result!.rounds} ${run.result!.rounds === 1 ? 'round' : 'rounds'}, ${formatDuration(run.ms ?? 0)})` : '';
  return `| ${cell(head)} | ${cell(f.label)} | ${formatSpread(f)} ${cell(f.unit)} | ${cell(ratioText(f, all))} | ${cell(f.target?.text ?? '')} | ${v === 'pass' ? 'pass' : v === 'miss' ? '**miss**' : ''} |`;
}

function runRows(run: BenchRun): string[] {
  const took = run.ms !== undefined ? `, ${formatDuration(run.ms)}` : '';
  switch (run.state) {
    case 'missing': return [`| ${run.name} | not measured: \`${run.script}\` does not exist yet | | | | |`];
    case 'skipped': return [];
    case 'failed': return [`| ${run.name} | **failed** (${cell(run.exit ?? 'error')}${took}); its section was not updated | | | | |`];
    case 'ok':
      if (!run.result || run.result.figures.length === 0) {
        return [`| ${run.name}${run.ms !== undefined ? ` (${formatDuration(run.ms)})` : ''} | see section${run.problem ? ` (${cell(run.problem)})` : ''} | | | | |`];
      }
      return run.result.figures.map((f, i) => figureRow(run, f, run.result!.figures, i === 0));
  }
}

export function renderSummary(s: SummaryInput): string {
  const rows = s.runs.flatMap(runRows);
  const judged = s.runs.flatMap((r) => r.result?.figures ?? []).map(verdict).filter((v) => v !== 'unjudged');
  const missing = s.runs.filter((r) => r.state === 'missing');
  const failed = s.runs.filter((r) => r.state === 'failed');
  const lines = [
    '## Summary (`pnpm bench`)',
    '',
    `${s.date.toISOString().slice(0, 16).replace('T', ' ')} UTC · \`${s.command}\` · one run, the benchmarks one after another, total ${formatDuration(s.totalMs)}${s.quick ? ' · **BENCH_QUICK=1: small sizes, one round — checks that the benchmarks run, the numbers mean nothing**' : ''}`,
    '',
    `Machine: ${renderMachine(s.machine)}${s.load ? ` · load average (1 min) ${s.load.start.toFixed(1)} at the start, ${s.load.end.toFixed(1)} at the end${Math.max(s.load.start, s.load.end) > s.machine.cores ? ' — other work shared the machine, figures are pessimistic' : ''}` : ''}`,
    '',
    'Each figure is min / median / max over the rounds of its benchmark; a ratio divides each round by its baseline measured in the same round (median and range of those per-round ratios). Details, sizes and notes are in each benchmark\'s section below.',
    '',
    '| benchmark | figure | min / median / max | ratio to baseline | target | met |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Targets met: ${judged.filter((v) => v === 'pass').length} of ${judged.length}.${failed.length ? ` Failed: ${failed.map((r) => r.name).join(', ')}.` : ''}${missing.length ? ` Not measured (script not written yet): ${missing.map((r) => `${r.name} (\`${r.script}\`)`).join(', ')}.` : ''}`,
  ];
  return lines.join('\n');
}
