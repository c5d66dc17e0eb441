// What this console knows of its updates: the Electron shell's last report and a supervisor's yes to install the
// version it downloaded. It announces each change itself (host-events.ts turns that into `updates.status`).
import { Emitter } from '../../common/emitter';
import type { UpdateReport, UpdateStatus } from '../../common/update-api';
import { NAWA_VERSION } from '../base/version';

const UNMANAGED: UpdateReport = {
  state: 'unmanaged',
  current: NAWA_VERSION,
  channel: null,
  version: null,
  installAt: null,
  blockers: [],
  lastCheckAt: null,
  error: null,
};

export class UpdateBoard {
  readonly events = new Emitter<{ status: UpdateStatus }>();
  private report: UpdateReport = UNMANAGED;
  private approval: UpdateStatus['approval'] = null;

  status(): UpdateStatus {
    const approval = this.approval && this.approval.version === this.report.version ? this.approval : null;
    return { ...this.report, approval };
  }

  /** The shell's report replaces the last one. */
  reported(report: UpdateReport): void {
    this.report = report;
    this.events.emit('status', this.status());
  }

  /** A supervisor's yes, for the version downloaded now only; false when that version is not downloaded. */
  approve(version: string, by: string, at: string): boolean {
    if (this.report.state !== 'downloaded' || this.report.version !== version) return false;
    this.approval = { version, by, at };
    this.events.emit('status', this.status());
    return true;
  }
}
