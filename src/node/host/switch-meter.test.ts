import { describe, expect, it } from 'vitest';
import { SwitchMeter } from './switch-meter';

function meterAt() {
  let now = 1000;
  const meter = new SwitchMeter(() => now);
  return {
    meter,
    advance: (ms: number) => {
      now += ms;
    },
  };
}
const AT = '2026-11-28T08:00:00.000Z';

describe('SwitchMeter', () => {
  it('measures from the request to the last acknowledgement of the walls connected at the request', () => {
    const { meter, advance } = meterAt();
    meter.begin(7, AT, [1, 2, 3]);
    advance(12);
    meter.painted(1, 7);
    meter.painted(2, 7);
    expect(meter.snapshot()).toEqual({
      stateVersion: 7,
      requestedAt: AT,
      allPaintedMs: null,
      painted: 2,
      connected: 3,
    });
    advance(26);
    meter.painted(3, 7);
    expect(meter.snapshot()).toMatchObject({ allPaintedMs: 38, painted: 3, connected: 3 });
    advance(100);
    meter.painted(3, 7);
    expect(meter.snapshot()?.allPaintedMs).toBe(38);
  });

  it('ignores acknowledgements of other versions and finishes over the walls left when one goes away', () => {
    const { meter, advance } = meterAt();
    meter.begin(8, AT, [1, 2]);
    meter.painted(1, 7);
    advance(5);
    meter.painted(1, 8);
    expect(meter.snapshot()?.allPaintedMs).toBeNull();
    advance(5);
    meter.dropped(2);
    expect(meter.snapshot()).toMatchObject({ allPaintedMs: 10, painted: 1, connected: 1 });
  });

  it('counts a wall that joined after the request and painted it, and has no figure when no wall was there', () => {
    const { meter } = meterAt();
    expect(meter.snapshot()).toBeNull();
    meter.begin(3, AT, []);
    expect(meter.snapshot()).toMatchObject({ allPaintedMs: null, painted: 0, connected: 0 });
    meter.begin(4, AT, [1]);
    meter.painted(5, 4);
    meter.painted(1, 4);
    expect(meter.snapshot()).toMatchObject({ painted: 2, connected: 2, allPaintedMs: 0 });
  });
});
