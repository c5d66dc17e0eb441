// Reading the cache and recording operator writes (through the outbox).
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';
import { checkCorrectable, recordDecision } from './decision-recording';

export function dataHandlers(
  ctx: HostContext,
): HandlersOf<
  | 'incidents.list'
  | 'decisions.list'
  | 'decisions.record'
  | 'layouts.list'
  | 'overview.get'
  | 'sync.status'
  | 'store.backup'
> {
  const { store, sync } = ctx;
  return {
    'incidents.list': () => ({ incidents: store.incidents() }),
    'decisions.list': ({ limit }) => ({ decisions: store.decisions(limit ?? 200) }),
    'decisions.record': (input, conn) => {
      const op = requireRole(conn, 'decisions.record');
      if (input.supersedes) checkCorrectable(ctx, input.supersedes);
      return { decision: recordDecision(ctx, input, op) };
    },
    'layouts.list': () => store.layoutRepo.list(),
    'overview.get': () => store.overview(),
    'sync.status': () => sync.status(),
    'store.backup': async (_input, conn) => {
      requireRole(conn, 'store.backup');
      try {
        return await ctx.maintenance.backup();
      } catch (e) {
        throw new HostFailure('backup_failed', (e as Error).message, undefined, { reason: (e as Error).message });
      }
    },
  };
}
