// Decision log checks and export through the host (read only: anyone logged in may check and export).
import { decisionsCsv } from '../../common/decision-csv';
import type { HostContext } from './host-context';
import { requireRole, type HandlersOf } from './handler-kit';

export function decisionLogHandlers(ctx: HostContext): HandlersOf<'decisions.verify' | 'decisions.export'> {
  const { store } = ctx;
  return {
    'decisions.verify': () => store.checkDecisionChain(),
    'decisions.export': ({ from, to, separator }, conn) => {
      requireRole(conn, 'decisions.export');
      const rows = store.decisionsForExport(from ?? null, to ?? null);
      return { csv: decisionsCsv(rows, separator ?? ','), count: rows.length };
    },
  };
}
