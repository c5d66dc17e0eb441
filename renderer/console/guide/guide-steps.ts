// The first-run guide's steps: the room's three core tasks, each in the view where it is done. Whether the role
// may do a task comes from the access policy; a step it may not do says so instead of teaching it.
import type { Role } from '../../../src/common/entities';
import { canRecordDecisions, canSwitchWall } from '../session/roles';
import type { ViewId } from '../shell/views';

export type GuideStepId = 'find' | 'decide' | 'wall';

export interface GuideStep {
  id: GuideStepId;
  /** The view the step opens behind the guide; its task area carries `data-guide="<id>"` and is outlined. */
  view: ViewId;
  /** Why this role cannot do it, as a message key; null when it can. */
  blocked: 'guide.decide.blocked' | 'guide.wall.blocked' | null;
}

export function guideSteps(role: Role): GuideStep[] {
  return [
    { id: 'find', view: 'map', blocked: null },
    { id: 'decide', view: 'decisions', blocked: canRecordDecisions(role) ? null : 'guide.decide.blocked' },
    { id: 'wall', view: 'wall', blocked: canSwitchWall(role) ? null : 'guide.wall.blocked' },
  ];
}
