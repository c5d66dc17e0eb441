import { describe, expect, it } from 'vitest';
import { chartData, valueRange } from './trend-data';

describe('chartData', () => {
  it('turns milliseconds into uPlot seconds and keeps raw readings as one series', () => {
    const data = chartData({ bucketMs: 0, at: [1_000, 61_000], value: [3, 4], min: null, max: null });
    expect(data).toEqual([
      [1, 61],
      [3, 4],
    ]);
  });

  it('adds the lowest and highest reading of hourly buckets as two more columns', () => {
    const data = chartData({ bucketMs: 3_600_000, at: [0, 3_600_000], value: [5, 6], min: [4, 5], max: [7, 8] });
    expect(data).toHaveLength(4);
    expect(data[2]).toEqual([4, 5]);
    expect(data[3]).toEqual([7, 8]);
  });
});

describe('valueRange', () => {
  it('reaches past a threshold the data never came near, so its line is on the chart', () => {
    const [lo, hi] = valueRange(40, 60, { direction: 'above', warning: 85, critical: 95 });
    expect(lo).toBeLessThanOrEqual(40);
    expect(hi).toBeGreaterThan(95);
  });

  it('reaches down to a below-threshold too', () => {
    const [lo] = valueRange(500, 900, { direction: 'below', warning: 300, critical: 100 });
    expect(lo).toBeLessThan(100);
  });

  it('does not go below zero for values that are all positive and close to it', () => {
    expect(valueRange(1, 50, null)[0]).toBe(0);
  });

  it('gives a flat series room above and below', () => {
    const [lo, hi] = valueRange(20, 20, null);
    expect(lo).toBeLessThan(20);
    expect(hi).toBeGreaterThan(20);
  });

  it('answers a unit span when there is nothing to show', () => {
    expect(valueRange(null, null, null)).toEqual([0, 1]);
  });
});
