// What the fault tests write through a host, as an operator would: decisions, and incidents created and edited.
import type { Result } from '../../../src/common/host-api';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export const SECTORS = ['transport', 'health', 'disaster', 'energy'] as const;
const STATUSES = ['reported', 'verified', 'dispatched', 'resolved'] as const;

/** Writes one thing and records what the host acknowledged; `acked` maps decision ids to their unique summary. */
export class Writer {
  readonly acked = new Map<string, string>();
  readonly incidents: string[] = [];
  private edits = 0;
  issued = 0;
  failed = 0;

  constructor(private readonly dispatch: Dispatch, private readonly tag: string, private readonly random: () => number) {}

  async decision(): Promise<void> {
    const summary = `fault: ${this.tag} #${this.issued++}`;
    const r = await this.dispatch('decisions.record', { summary, rationale: `${this.tag} test`, action: 'Catat' });
    if (r.ok) this.acked.set((r.value as { decision: { id: string } }).decision.id, summary);
    else this.failed++;
  }

  /** A new incident now and then, otherwise an edit of one made before. */
  async incident(): Promise<void> {
    const known = this.incidents.length;
    const edit = known > 0 && this.random() < 0.7;
    const id = edit ? this.incidents[Math.floor(this.random() * known)] : undefined;
    const r = await this.dispatch('incidents.save', {
      incident: {
        ...(id ? { id } : {}),
        title: `${this.tag} insiden ${id ? `edit ${++this.edits}` : known + 1}`,
        sector: SECTORS[Math.floor(this.random() * SECTORS.length)], severity: 1 + Math.floor(this.random() * 4),
        status: STATUSES[Math.floor(this.random() * STATUSES.length)], districtCode: '35.07.13', lat: -8.13, lon: 112.57,
      },
    });
    if (!r.ok) { this.failed++; return; }
    if (!id) this.incidents.push((r.value as { incident: { id: string } }).incident.id);
  }

  /** Mostly decisions, one write in ten an incident. */
  async any(): Promise<void> {
    if (this.random() < 0.1) await this.incident();
    else await this.decision();
  }
}
