import { describe, expect, it } from 'vitest';
import { SlidingWindow } from './sliding-window';

describe('SlidingWindow', () => {
  it('lets `limit` events in per window and says when the next one fits', () => {
    let t = 0;
    const w = new SlidingWindow(2, 1000, () => t);
    w.record();
    t = 300;
    w.record();
    expect(w.waitMs()).toBe(700);
    t = 999;
    expect(w.waitMs()).toBe(1);
    t = 1000; // the first event leaves the window
    expect(w.waitMs()).toBe(0);
  });

  it('waits for the right event when more than the limit were recorded', () => {
    let t = 0;
    const w = new SlidingWindow(2, 1000, () => t);
    for (const at of [0, 100, 200, 300]) {
      t = at;
      w.record();
    }
    // Two must leave before one more fits: the one at 200 leaves at 1200.
    expect(w.waitMs()).toBe(900);
  });

  it('is empty once every event has left, and after clear', () => {
    let t = 0;
    const w = new SlidingWindow(5, 1000, () => t);
    w.record();
    expect(w.isEmpty()).toBe(false);
    t = 1000;
    expect(w.isEmpty()).toBe(true);
    w.record();
    w.clear();
    expect(w.isEmpty()).toBe(true);
  });
});
