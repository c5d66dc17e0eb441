import { describe, expect, it } from 'vitest';
import { crossedUp, levelOf, Thresholds } from './thresholds';

describe('series thresholds', () => {
  it('grades readings past warning and critical in the direction', () => {
    const above = { direction: 'above' as const, warning: 70, critical: 90 };
    expect([10, 70, 70.1, 90, 90.5].map((v) => levelOf(v, above))).toEqual([
      'normal',
      'normal',
      'warning',
      'warning',
      'critical',
    ]);
    const below = { direction: 'below' as const, warning: 20, critical: 5 };
    expect([50, 19, 5, 4].map((v) => levelOf(v, below))).toEqual(['normal', 'warning', 'warning', 'critical']);
    expect(levelOf(1e9, undefined)).toBe('normal');
    expect(levelOf(Number.NaN, above)).toBe('normal');
  });

  it('refuses thresholds whose critical lies before warning, and unknown fields', () => {
    expect(Thresholds.safeParse({ direction: 'above', warning: 90, critical: 70 }).success).toBe(false);
    expect(Thresholds.safeParse({ direction: 'below', warning: 5, critical: 20 }).success).toBe(false);
    expect(Thresholds.safeParse({ direction: 'above', warning: 1, critical: 2, colour: 'red' }).success).toBe(false);
    expect(Thresholds.safeParse({ direction: 'sideways', warning: 1, critical: 2 }).success).toBe(false);
  });

  it('raises an alert only when the level gets worse', () => {
    expect(crossedUp('normal', 'warning')).toBe(true);
    expect(crossedUp('warning', 'critical')).toBe(true);
    expect(crossedUp('critical', 'warning')).toBe(false);
    expect(crossedUp('warning', 'warning')).toBe(false);
  });
});
