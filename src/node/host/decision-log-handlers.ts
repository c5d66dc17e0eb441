// Decision log checks, export and corrections through the host (checks and export: anyone logged in).
import { decisionsCsv } from '../../common/decision-csv';
import type { HostContext } from './host-context';
import { requireRole, type HandlersOf } from './handler-kit';
import { checkCorrectable, recordDecision } from './decision-recording';

export function decisionLogHandlers(
  ctx: HostContext,
): HandlersOf<'decisions.verify' | 'decisions.export' | 'decisions.correct'> {
  const { store } = ctx;
  return {
    'decisions.verify': () => store.checkDecisionChain(),
    'decisions.export': ({ from, to, separator }, conn) => {
      requireRole(conn, 'decisions.export');
      const rows = store.decisionsForExport(from ?? null, to ?? null);
      return { csv: decisionsCsv(rows, separator ?? ','), count: rows.length };
    },
    // The reason is the correction's rationale: signed with the rest of it.
    'decisions.correct': ({ supersedes, reason, summary, action, incidentId }, conn) => {
      const op = requireRole(conn, 'decisions.correct');
      checkCorrectable(ctx, supersedes);
      return { decision: recordDecision(ctx, { summary, action, rationale: reason, incidentId, supersedes }, op) };
    },
  };
}
