// The machine a benchmark ran on: CPU, cores, memory, OS, Node and DuckDB versions.

import { existsSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  duckdb?: string;
}

function osName(): string {
  const file = '/etc/os-release';
  if (existsSync(file)) {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync(file, 'utf8'))?.[1];
    if (pretty) return `${pretty} (${osType()} ${release()})`;
  }
  return `${osType()} ${release()}`;
}

export function machine(duckdb?: string): Machine {
  const m: Machine = {
    cpu: cpus()[0]?.model.trim() || 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
  };
  if (duckdb !== undefined) m.duckdb = duckdb;
  return m;
}

export function renderMachine(m: Machine): string {
  return [
    `${m.cpu}, ${m.cores} ${m.cores === 1 ? 'core' : 'cores'}`,
    `${m.memoryGiB} GiB RAM`,
    m.os,
    `Node ${m.node}`,
    ...(m.duckdb ? [`DuckDB ${m.duckdb}`] : []),
  ].join(' · ');
}
