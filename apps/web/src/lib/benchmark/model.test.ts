import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { benchmarkCsv, benchmarkFileName } from './csv.js';
import { benchmarkModel, chartBars, type BenchmarkRow } from './model.js';

const band = { p25: 0.4, median: 0.5, p75: 0.6 };
const row = (group: string, dealer: string | null, name: string | null, value: number | null, rank: number | null, size = 3): BenchmarkRow => ({
  group, groupSize: size, dealer, name, value, rank, percentile: rank === null ? null : (100 * (size - rank)) / (size - 1), ...band,
  gapToMedian: value === null || dealer === null ? null : value - 0.5, gapToTopQuartile: value === null || dealer === null ? null : value - 0.6,
});

describe('benchmark model', () => {
  it('ranks each group best first, puts no-value dealers last and marks the selected dealer', () => {
    const rows = [row('A', 'D2', '二店', 0.45, 2), row('A', 'D9', null, null, null), row('A', 'D1', '一店', 0.7, 1), row('B', 'D5', '五店', 0.3, 1, 1)];
    const [a, b] = benchmarkModel(rows, 'D2', 'zh');
    expect(a?.group).toBe('A');
    expect(a?.bars.map((x) => [x.key, x.label, x.rank, x.selected])).toEqual([['D1', 'D1 一店', 1, false], ['D2', 'D2 二店', 2, true], ['D9', 'D9', null, false]]);
    expect(a?.selected?.dealer).toBe('D2');
    expect([a?.p25, a?.median, a?.p75, a?.size]).toEqual([0.4, 0.5, 0.6, 3]);
    expect(chartBars(a!).map((x) => x.key)).toEqual(['D1', 'D2']);
    expect(b?.selected).toBeNull();
  });

  it('puts the selected dealer\'s group first', () => {
    const rows = [row('A', 'D1', null, 1, 1, 1), row('B', 'D5', null, 1, 1, 1)];
    expect(benchmarkModel(rows, 'D5', 'en').map((g) => g.group)).toEqual(['B', 'A']);
  });

  it('a dealer-role answer: other dealers are anonymous peers labelled by place', () => {
    const rows = [row('A', null, null, 0.7, 1), row('A', 'D2', '二店', 0.45, 2), row('A', null, null, 0.3, 3)];
    const [a] = benchmarkModel(rows, 'D2', 'zh');
    expect(a?.bars.map((x) => [x.key, x.label, x.anonymous])).toEqual([['#1', '同组经销商 #1', true], ['D2', 'D2 二店', false], ['#3', '同组经销商 #3', true]]);
    expect(benchmarkModel(rows, 'D2', 'en')[0]?.bars[0]?.label).toBe('Peer #1');
  });
});

describe('benchmark CSV', () => {
  it('writes one line per dealer with rank, percentile and gaps; anonymous peers stay anonymous', () => {
    const groups = benchmarkModel([row('A', null, null, 0.7, 1), row('A', 'D2', '二店', 0.45, 2), row('A', 'D9', null, null, null)], 'D2', 'zh');
    const csv = benchmarkCsv(groups, 'zh');
    expect(csv.startsWith('\uFEFF分组,排名,经销商,数值,百分位')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed.slice(1)).toEqual([
      ['A', '1', '同组经销商 #1', '0.7', '100', '0.4', '0.5', '0.6', '', ''],
      ['A', '2', 'D2 二店', '0.45', '50', '0.4', '0.5', '0.6', '-0.05', '-0.15'],
      ['A', '', 'D9', '', '', '0.4', '0.5', '0.6', '', ''],
    ]);
    expect(benchmarkCsv(groups, 'en').split('\r\n')[0]).toBe('\uFEFFgroup,rank,dealer,value,percentile,p25,median,p75,gap_to_median,gap_to_top_quartile');
  });

  it('neutralises formula cells from group names and labels; computed negative gaps stay numbers (issue 12.3)', () => {
    const hostile = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\tTab', '\rReturn'];
    const rows = hostile.map((group, i) => row(group, `D${i}`, null, 0.45, 1, 1));
    const csv = benchmarkCsv(benchmarkModel(rows, 'D0', 'en'), 'en');
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(parsed.map((r) => r[0]).sort()).toEqual(hostile.map((h) => `'${h}`).sort());
    expect(parsed.map((r) => r[8])).toEqual(hostile.map(() => '-0.05'));
    const direct = benchmarkCsv([{ group: 'A', size: 1, p25: null, median: null, p75: null, selected: null, bars: [
      { key: '-2+3', label: '-2+3', dealer: null, value: -0.05, rank: 1, percentile: null, gapToMedian: -0.05, gapToTopQuartile: null, selected: false, anonymous: false },
    ] }], 'en').split('\r\n')[1];
    expect(direct).toBe("A,1,'-2+3,-0.05,,,,,-0.05,");
  });

  it('names the file after the query', () => {
    expect(benchmarkFileName({ kpi: 'booking_rate', month: '2024-03', group: '城市 A/B' })).toBe('benchmark-booking_rate-2024-03-城市_A_B.csv');
    expect(benchmarkFileName({ kpi: 'ro_count', month: '2024-03' })).toBe('benchmark-ro_count-2024-03.csv');
  });
});
