import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/common/entities';
import { viewsFor } from '../shell/views';
import { guideSteps } from './guide-steps';

describe('first-run guide steps', () => {
  it('walks every role through the same three tasks, in views that role sees', () => {
    for (const role of ROLES) {
      const steps = guideSteps(role);
      expect(steps.map((s) => s.id)).toEqual(['find', 'decide', 'wall']);
      for (const s of steps) expect(viewsFor(role)).toContain(s.view);
    }
  });

  it('says which tasks a role may not do, by the access policy', () => {
    const blocked = (role: (typeof ROLES)[number]) => guideSteps(role).map((s) => s.blocked);
    expect(blocked('supervisor')).toEqual([null, null, null]);
    expect(blocked('operator')).toEqual([null, null, 'guide.wall.blocked']);
    expect(blocked('presenter')).toEqual([null, 'guide.decide.blocked', null]);
    expect(blocked('viewer')).toEqual([null, 'guide.decide.blocked', 'guide.wall.blocked']);
  });
});
