// Where a recompute spends its time: each step's milliseconds, reported in RecomputeStats so
// that `pnpm bench:kpis` can say what a full or partial recompute is made of.

export type Phases = Record<string, number>;

export class PhaseTimer {
  readonly phases: Phases = {};

  async time<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await work();
    } finally {
      this.phases[name] = (this.phases[name] ?? 0) + Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
}
