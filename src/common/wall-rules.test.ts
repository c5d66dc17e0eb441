import { describe, expect, it } from 'vitest';
import { PRESET_LAYOUTS } from './presets';
import { EMERGENCY_LAYOUT_ID, pruneAcknowledged, suggestLayout, type RuleIncident, type RuleInput } from './wall-rules';

const layouts = PRESET_LAYOUTS.map(({ id, name }) => ({ id, name }));
const IKHTISAR = PRESET_LAYOUTS[0]!.id;
const inc = (n: number, severity: number, status: RuleIncident['status'] = 'reported'): RuleIncident => ({
  id: `0000000${n}-0000-4000-8000-000000000000`,
  title: `Insiden ${n}`,
  severity,
  status,
  districtCode: '35.07.13',
});
const input = (over: Partial<RuleInput>): RuleInput => ({
  incidents: [],
  layouts,
  showingLayoutId: IKHTISAR,
  interruptActive: false,
  acknowledged: new Set(),
  ...over,
});

describe('wall rules', () => {
  it('a critical incident that is not closed suggests the Darurat layout', () => {
    const s = suggestLayout(input({ incidents: [inc(1, 3), inc(2, 4, 'dispatched'), inc(3, 4, 'closed')] }));
    expect(s).toMatchObject({ rule: 'critical_incident', layoutId: EMERGENCY_LAYOUT_ID, layoutName: 'Darurat' });
    expect(s?.incidents.map((i) => i.title)).toEqual(['Insiden 2']);
  });

  it('stays quiet without critical incidents, during an interrupt, or when Darurat already shows', () => {
    expect(suggestLayout(input({ incidents: [inc(1, 3)] }))).toBeNull();
    expect(suggestLayout(input({ incidents: [inc(1, 4)], interruptActive: true }))).toBeNull();
    expect(suggestLayout(input({ incidents: [inc(1, 4)], showingLayoutId: EMERGENCY_LAYOUT_ID }))).toBeNull();
  });

  it('does not repeat itself for acknowledged incidents, but speaks up for a new one', () => {
    const acknowledged = new Set([inc(1, 4).id]);
    expect(suggestLayout(input({ incidents: [inc(1, 4)], acknowledged }))).toBeNull();
    expect(
      suggestLayout(input({ incidents: [inc(1, 4), inc(2, 4)], acknowledged }))?.incidents.map((i) => i.title),
    ).toEqual(['Insiden 2']);
  });

  it('finds a re-created emergency layout by its name, and suggests nothing when there is none', () => {
    const mine = { id: '7a7a7a7a-0000-4000-8000-000000000009', name: 'darurat ' };
    const others = layouts.filter((l) => l.id !== EMERGENCY_LAYOUT_ID);
    expect(suggestLayout(input({ incidents: [inc(1, 4)], layouts: [...others, mine] }))?.layoutId).toBe(mine.id);
    expect(suggestLayout(input({ incidents: [inc(1, 4)], layouts: others }))).toBeNull();
  });

  it('forgets acknowledgements of incidents no longer critical', () => {
    expect(
      pruneAcknowledged([inc(1, 4).id, inc(2, 4).id, inc(3, 4).id], [inc(1, 4), inc(2, 3), inc(3, 4, 'closed')]),
    ).toEqual([inc(1, 4).id]);
  });
});
