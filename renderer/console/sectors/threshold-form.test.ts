import { describe, expect, it } from 'vitest';
import { levelOf } from '../../../src/common/thresholds';
import { draftOf, parseLimit, thresholdsOf } from './threshold-form';

describe('parseLimit', () => {
  it.each([
    ['600', 600],
    [' 87,5 ', 87.5],
    ['87.5', 87.5],
    ['1.000', 1000],
    ['40.000', 40000],
    ['1.000,5', 1000.5],
    ['-3', -3],
  ])('reads %j as %d', (text, n) => expect(parseLimit(text)).toBe(n));

  it.each(['', 'abc', '1,2,3', '12a', '1e3', 'Infinity'])('refuses %j', (text) => expect(parseLimit(text)).toBeNull());
});

describe('thresholdsOf', () => {
  it('gives the contract thresholds that grade readings as typed', () => {
    const r = thresholdsOf({ direction: 'above', warning: '600', critical: '750' });
    expect(r).toEqual({ ok: true, value: { direction: 'above', warning: 600, critical: 750 } });
    if (!r.ok) return;
    expect(levelOf(700, r.value)).toBe('warning');
    expect(levelOf(751, r.value)).toBe('critical');
  });

  it('refuses a critical limit on the wrong side of the warning one, per direction', () => {
    expect(thresholdsOf({ direction: 'above', warning: '80', critical: '70' })).toEqual({
      ok: false,
      problem: 'order.above',
    });
    expect(thresholdsOf({ direction: 'below', warning: '70', critical: '80' })).toEqual({
      ok: false,
      problem: 'order.below',
    });
  });

  it('asks for numbers in both limits', () => {
    expect(thresholdsOf({ direction: 'below', warning: '', critical: '20' })).toEqual({ ok: false, problem: 'number' });
  });

  it('round-trips held thresholds through the draft', () => {
    const held = { direction: 'below' as const, warning: 1000, critical: 300 };
    expect(thresholdsOf(draftOf(held))).toEqual({ ok: true, value: held });
    expect(draftOf(null)).toEqual({ direction: 'above', warning: '', critical: '' });
  });
});
