// Decision log checks and export through the host (read only: anyone logged in may check and export).
import { decisionsCsv } from '../../common/decision-csv';
import { checkDecisionChain, decisionsForExport } from '../store/decision-log';
import type { HostContext } from './host-context';
import { requireRole, type HandlersOf } from './handler-kit';

export function decisionLogHandlers(ctx: HostContext): HandlersOf<'decisions.verify' | 'decisions.export'> {
  const { store } = ctx;
  return {
    'decisions.verify': () => checkDecisionChain(store.db),
    'decisions.export': ({ from, to, separator }, conn) => {
      requireRole(conn, ['supervisor', 'operator', 'presenter', 'viewer'], 'export the decision log');
      const rows = decisionsForExport(store.db, from ?? null, to ?? null);
      return { csv: decisionsCsv(rows, separator ?? ','), count: rows.length };
    },
  };
}
