import { cpus } from 'node:os';
import { describe, expect, it } from 'vitest';
import { machine, renderMachine } from './machine.js';

describe('machine', () => {
  it('describes this machine', () => {
    const m = machine('v1.5.0');
    expect(m.cores).toBe(cpus().length);
    expect(m.memoryGiB).toBeGreaterThan(0);
    expect(m.node).toBe(process.version);
    expect(m.os.length).toBeGreaterThan(0);
    expect(m.duckdb).toBe('v1.5.0');
  });
  it('renders one line with every part', () => {
    expect(renderMachine({ cpu: 'AMD EPYC 7B13', cores: 2, memoryGiB: 24, os: 'Debian GNU/Linux 12 (bookworm) (Linux 6.1)', node: 'v20.20.2', duckdb: 'v1.5.0' }))
      .toBe('AMD EPYC 7B13, 2 cores · 24 GiB RAM · Debian GNU/Linux 12 (bookworm) (Linux 6.1) · Node v20.20.2 · DuckDB v1.5.0');
    expect(renderMachine({ cpu: 'x', cores: 1, memoryGiB: 1, os: 'Linux', node: 'v20' })).toBe('x, 1 core · 1 GiB RAM · Linux · Node v20');
  });
});
