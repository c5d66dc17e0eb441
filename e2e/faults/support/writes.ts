// What the fault tests write through a host, as an operator would: decisions, and incidents created and edited.
import type { IncidentStatus } from '../../../src/common/entities';
import type { Result } from '../../../src/common/host-api';
import { nextSteps } from '../../../src/common/incident-lifecycle';

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export const SECTORS = ['transport', 'health', 'disaster', 'energy'] as const;

/** Writes one thing and records what the host acknowledged; `acked` maps decision ids to their unique summary. */
export class Writer {
  readonly acked = new Map<string, string>();
  readonly incidents: string[] = [];
  private edits = 0;
  issued = 0;
  failed = 0;
  /** Why the host refused a write: code and message, for the failure message of a test. */
  readonly failures: string[] = [];

  constructor(
    private readonly dispatch: Dispatch,
    private readonly tag: string,
    private readonly random: () => number,
  ) {}

  async decision(): Promise<void> {
    const summary = `fault: ${this.tag} #${this.issued++}`;
    const r = await this.dispatch('decisions.record', { summary, rationale: `${this.tag} test`, action: 'Catat' });
    if (r.ok) this.acked.set((r.value as { decision: { id: string } }).decision.id, summary);
    else this.refused(r);
  }

  /** A new incident now and then, otherwise an edit of one made before. */
  async incident(): Promise<void> {
    const known = this.incidents.length;
    const edit = known > 0 && this.random() < 0.7;
    const id = edit ? this.incidents[Math.floor(this.random() * known)] : undefined;
    // v1.1: a new incident starts as reported, and an edit keeps the status or takes one of its next steps.
    const status = id ? await this.nextStatus(id) : 'reported';
    const r = await this.dispatch('incidents.save', {
      incident: {
        ...(id ? { id } : {}),
        title: `${this.tag} insiden ${id ? `edit ${++this.edits}` : known + 1}`,
        sector: SECTORS[Math.floor(this.random() * SECTORS.length)],
        severity: 1 + Math.floor(this.random() * 4),
        status,
        assignedOpd: 'BPBD',
        districtCode: '35.07.13',
        lat: -8.13,
        lon: 112.57,
      },
    });
    if (!r.ok) {
      this.refused(r);
      return;
    }
    if (!id) this.incidents.push((r.value as { incident: { id: string } }).incident.id);
  }

  private refused(r: { ok: false; error: { code: string; message: string } } | { ok: true }): void {
    this.failed++;
    if (!r.ok) this.failures.push(`${r.error.code}: ${r.error.message}`);
  }

  /** The status as the host shows it now, or one of the steps allowed from it. */
  private async nextStatus(id: string): Promise<IncidentStatus> {
    const r = await this.dispatch('incidents.list', {});
    const shown = r.ok
      ? (r.value as { incidents: { id: string; status: IncidentStatus }[] }).incidents.find((i) => i.id === id)
      : undefined;
    if (!shown) return 'reported';
    // Never closed: closing a report as false needs a reason, and a closed incident takes no further step.
    const options = [shown.status, ...nextSteps(shown.status)].filter((s) => s !== 'closed');
    return options[Math.floor(this.random() * options.length)] as IncidentStatus;
  }

  /** Mostly decisions, one write in ten an incident. */
  async any(): Promise<void> {
    if (this.random() < 0.1) await this.incident();
    else await this.decision();
  }
}
