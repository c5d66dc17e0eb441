// The situation report of a briefing, read from the console's cache (so it is there offline too): what the
// report says is decided in src/common/situation-report.ts; this only gathers it. Anyone logged in may read it.
import { buildSituationReport } from '../../common/situation-report';
import type { HostContext } from './host-context';
import { requireRole, type HandlersOf } from './handler-kit';

export function reportHandlers(ctx: HostContext): HandlersOf<'report.get'> {
  const { store } = ctx;
  return {
    'report.get': ({ from, to }, conn) => {
      requireRole(conn, 'report.get');
      const now = ctx.now().toISOString();
      const end = to ?? now;
      const decisions = store.heldDecisions(from ?? null, end);
      const summaries = new Map<string, string>();
      for (const d of decisions) {
        if (!d.supersedes || summaries.has(d.supersedes)) continue;
        const target = store.heldDecision(d.supersedes);
        if (target) summaries.set(d.supersedes, target.summary);
      }
      return buildSituationReport({
        from: from ?? null,
        to: end,
        now,
        consoleId: ctx.consoleId,
        dataAsOf: ctx.sync.status().lastSyncAt,
        incidents: store.incidents(),
        decisions,
        corrections: store.heldCorrections(),
        summaries,
        verifiedSeq: store.trust.watermark().seq,
        chain: store.checkDecisionChain(),
        // The KPIs as the room sees them now: each series' newest reading with the thresholds it is graded by (a
        // supervisor's change still waiting included, as on the dashboards); series with no reading yet left out.
        kpis: store.sectors.kpis().flatMap((k) =>
          k.latest
            ? [
                {
                  seriesId: k.seriesId,
                  name: k.name,
                  sector: k.sector,
                  unit: k.unit,
                  value: k.latest.value,
                  at: k.latest.at,
                  thresholds: k.thresholds,
                },
              ]
            : [],
        ),
      });
    },
  };
}
