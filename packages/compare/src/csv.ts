// The comparison as CSV, one row per dealer, for spreadsheets: rank, score, band, change, and
// each component's value, attainment and points, then the three gaps. Written with the shared
// CSV writer, so dealer names that look like formulas are neutralised.

import { csvText, recordRows, type CsvCell } from '@fixops/shared';
import type { ComparisonResult } from './types.js';

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function renderCsv(r: ComparisonResult): string {
  const rows = r.rows.map((d) => {
    const row: Record<string, CsvCell> = {
      month: r.month, rank: d.rank, dealer: d.dealer, name: d.name, region: d.region, group: d.group,
      score: d.score, composite: round(d.composite, 6), band: d.band.zh, band_en: d.band.en,
      previous_score: d.previous?.score ?? null, score_change: d.change?.score ?? null,
      previous_rank: d.previous?.rank ?? null, rank_change: d.change?.rank ?? null,
    };
    for (const p of d.components) {
      row[`${p.id}_value`] = p.value;
      row[`${p.id}_attainment`] = p.attainment === null ? null : round(p.attainment, 6);
      row[`${p.id}_points`] = round(p.points, 6);
    }
    for (let i = 0; i < 3; i++) {
      const g = d.gaps[i];
      row[`gap${i + 1}`] = g?.id ?? null;
      row[`gap${i + 1}_points`] = g ? round(g.points, 6) : null;
      row[`gap${i + 1}_units`] = g?.units ?? null;
    }
    return row;
  });
  return rows.length === 0 ? '\n' : csvText(recordRows(rows), { newline: '\n' });
}

/** Everything the scorecard knows, as JSON (components with targets and floors, medians, rows). */
export function renderJson(r: ComparisonResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
