import { describe, expect, it } from 'vitest';
import { trendOf, withChanges } from './trend.js';

describe('scorecard trend', () => {
  it('gives each scorecard (newest first) its change against the next older one', () => {
    expect(withChanges([{ rate: 0.69 }, { rate: 0.8 }, { rate: 0.8 }, { rate: 0.75 }]).map((e) => [e.change, e.trend])).toEqual([
      [-0.11, 'down'], [0, 'flat'], [0.05, 'up'], [null, null],
    ]);
  });

  it('counts a change under a hundredth of a point as flat', () => {
    expect([trendOf(0.00009), trendOf(-0.00009), trendOf(0.0002), trendOf(null)]).toEqual(['flat', 'flat', 'up', null]);
  });
});
