// The small case every scoring test pins, computed by hand.
//
// Components (weights add up to 1000):
//   on_time_rate  higher better, weight 500, target 0.90, floor 0.50
//   rework_rate   lower better,  weight 300, target 0.02, floor 0.04 (the default 2 × target)
//   booking_rate  higher better, weight 200, target 0.40, floor 0
//
// attainment = clip((v − floor) / (target − floor), 0, 1); points = weight × attainment
//   D1: on_time 0.80 → 0.30/0.40 = 0.75 → 375 | rework 0.03  → −0.01/−0.02 = 0.5   → 150 | booking 0.40 → 1     → 200 | 725.0
//   D2: on_time 0.95 → 1.125 → 1        → 500 | rework 0.05  → 0.01/−0.02 → 0      →   0 | booking 0.45 → 1     → 200 | 700.0
//   D3: on_time null (no data)          →   0 | rework 0.01  → 1.5 → 1             → 300 | booking 0.20 → 0.5   → 100 | 400.0
//   D4: on_time 0.70 → 0.20/0.40 = 0.5  → 250 | rework 0.02  → 1                   → 300 | booking 0.30 → 0.75  → 150 | 700.0
// D2 and D4 tie at 700.0 (ranks use the score rounded to 0.1, so floating-point noise in a sum
// cannot split a tie): ranks D1 1, D2 2, D4 2, D3 4. Bands (default): 725 and 700 合格 Pass
// (≥ 650), 400 待改进 Needs improvement.
//
// Group medians: on_time of 0.70, 0.80, 0.95 → 0.80 (375 points); rework of 0.01, 0.02, 0.03,
// 0.05 → 0.025 (225 points); booking of 0.20, 0.30, 0.40, 0.45 → 0.35 (175 points).
// Gaps = points(median) − points(dealer), the positive ones, largest first:
//   D1: rework 225 − 150 = 75 (0.03 − 0.025 = 0.005 worse)
//   D2: rework 225 − 0 = 225 (0.025 worse)
//   D3: on_time 375 − 0 = 375 (no value), booking 175 − 100 = 75 (0.35 − 0.20 = 0.15 worse)
//   D4: on_time 375 − 250 = 125 (0.10 worse), booking 175 − 150 = 25 (0.05 worse)

import type { Comparison, DealerInfo } from '../types.js';
import { DEFAULT_BANDS } from '../load.js';

export const HAND_FILE = `
id: hand-case
title: { zh: 手算样例, en: Hand-computed case }
dealers: { groups: [metro] }
month: latest
kpis:
  - { kpi: on_time_rate, weight: 500, target: 0.9, floor: 0.5 }
  - { kpi: rework_rate, weight: 300 }
  - { kpi: booking_rate, weight: 200, target: 0.4 }
`;

export const HAND_VALUES: Record<string, Record<string, number | null>> = {
  D1: { on_time_rate: 0.8, rework_rate: 0.03, booking_rate: 0.4 },
  D2: { on_time_rate: 0.95, rework_rate: 0.05, booking_rate: 0.45 },
  D3: { on_time_rate: null, rework_rate: 0.01, booking_rate: 0.2 },
  D4: { on_time_rate: 0.7, rework_rate: 0.02, booking_rate: 0.3 },
};

export const HAND_DEALERS: DealerInfo[] = ['D1', 'D2', 'D3', 'D4'].map((d) => ({ dealer: d, name: `经销商${d}`, region: '华东', group: 'metro' }));

export const HAND_COMPARISON_BANDS = DEFAULT_BANDS;
export type { Comparison };
