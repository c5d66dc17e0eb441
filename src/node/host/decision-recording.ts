// Recording a decision here: stamped with the host's clock and a new id, with the wall layout live at that moment
// (read from the wall controller, so it holds offline too), signed by the operator's key, written through the
// outbox. A correction names a decision this console holds that nothing corrected yet.
import { randomUUID } from 'node:crypto';
import type { OperatorInfo } from '../../common/central-api';
import type { DecisionWall } from '../../common/decision-wall';
import type { DecisionView } from '../../common/host-api';
import type { HostContext } from './host-context';
import { HostFailure } from './handler-kit';

export interface DecisionFields {
  summary: string;
  rationale: string;
  action: string;
  incidentId?: string;
  supersedes?: string;
}

/** The layout the walls were last sent and the wall state version, as a decision records them. */
export function wallNow(ctx: Pick<HostContext, 'wall' | 'store'>): DecisionWall {
  // currentLayoutId and status, not state(): reading the state counts as sending it to the walls.
  const id = ctx.wall.currentLayoutId();
  const layout = id ? ctx.store.layout(id) : null;
  return {
    stateVersion: ctx.wall.status().stateVersion,
    layout: layout ? { id: layout.id, name: layout.name, version: layout.version } : null,
  };
}

/** Refuses a correction of a decision unknown here, refused by the central side, or corrected already. */
export function checkCorrectable(ctx: Pick<HostContext, 'store'>, supersedes: string): void {
  const target = ctx.store.heldDecision(supersedes);
  if (!target || target.state === 'rejected')
    throw new HostFailure(
      'not_found',
      `decision ${supersedes} is not one this console holds as recorded (unknown, or refused by the central side)`,
    );
  const earlier = ctx.store.heldCorrections().find((c) => c.supersedes === supersedes && c.state !== 'rejected');
  if (earlier)
    throw new HostFailure('already_corrected', `decision ${supersedes} was corrected by ${earlier.id}`, undefined, {
      summary: earlier.summary,
    });
}

export function recordDecision(ctx: HostContext, fields: DecisionFields, op: OperatorInfo): DecisionView {
  const now = ctx.now();
  const signed = ctx.keys.sign(
    { ...fields, id: randomUUID(), decidedAt: now.toISOString(), wall: wallNow(ctx) },
    op.id,
    now,
  );
  return ctx.store.recordDecision(signed, op.id, ctx.consoleId);
}
