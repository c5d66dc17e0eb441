// Runs the update policy on a clock: checks at start and every few hours, lets the updater download in the
// background, and installs only when decideInstall allows it, looking again every minute until then. What it
// is doing goes to the host (and so to the console) after every change.
import type { UpdateBlocker, UpdateReport } from '../../common/update-api';
import type { Clock } from '../ports/clock';
import { decideInstall, type RoomState, type UpdatePolicyConfig } from './update-policy';

/** electron-updater's autoUpdater behind the two things the controller asks of it. */
export interface UpdaterPort {
  /**
   * Looks for a release the policy takes and downloads it (sha512 checked); the version downloaded, or null.
   * `found` is called once a release is taken, before its download.
   */
  checkAndDownload(found: (version: string) => void): Promise<string | null>;
  /** Quits Nawa and installs the downloaded update; Nawa starts again on the new version. */
  install(): void;
}

export interface UpdateControllerDeps {
  updater: UpdaterPort;
  clock: Clock;
  config: UpdatePolicyConfig;
  currentVersion: string;
  /** Rejects when the host cannot say; nothing installs then. */
  room(): Promise<RoomState>;
  report(report: UpdateReport): void;
  log?: (line: string) => void;
}

/** How often a downloaded update looks again whether it may install. */
export const CONSIDER_MS = 60_000;

export class UpdateController {
  private state: UpdateReport['state'] = 'idle';
  private downloaded: string | null = null;
  private approvedVersion: string | null = null;
  private blockers: UpdateBlocker[] = [];
  private installAt: number | null = null;
  private lastCheckAt: number | null = null;
  private error: string | null = null;
  private cancelCheck: (() => void) | null = null;
  private cancelConsider: (() => void) | null = null;
  private running = false;
  private checking = false;

  constructor(private readonly d: UpdateControllerDeps) {}

  start(): void {
    this.running = true;
    this.publish();
    void this.check();
  }

  stop(): void {
    this.running = false;
    this.cancelCheck?.();
    this.cancelConsider?.();
  }

  /** A supervisor said yes in the console: install this version as soon as the room allows. */
  approve(version: string): void {
    if (version !== this.downloaded || this.approvedVersion === version) return;
    this.approvedVersion = version;
    this.d.log?.(`update ${version}: a supervisor agreed to install it`);
    void this.consider();
  }

  async check(): Promise<void> {
    if (!this.running || this.checking || this.state === 'installing') return;
    this.checking = true;
    this.cancelCheck?.();
    this.cancelCheck = this.d.clock.after(this.d.config.checkEveryMs, () => void this.check());
    if (!this.downloaded) this.state = 'checking';
    this.publish();
    try {
      const version = await this.d.updater.checkAndDownload((found) => {
        if (found === this.downloaded) return;
        this.state = 'downloading';
        this.publish();
      });
      this.lastCheckAt = this.d.clock.now();
      this.error = null;
      if (version && version !== this.downloaded) {
        this.downloaded = version;
        this.d.log?.(`update ${version} downloaded`);
      }
      this.state = this.downloaded ? 'downloaded' : 'idle';
    } catch (e) {
      this.lastCheckAt = this.d.clock.now();
      this.error = (e as Error).message.split('\n')[0]?.slice(0, 300) ?? 'update check failed';
      this.d.log?.(`update check failed: ${this.error}`);
      this.state = this.downloaded ? 'downloaded' : 'error';
    } finally {
      this.checking = false;
    }
    this.publish();
    if (this.downloaded) await this.consider();
  }

  private async consider(): Promise<void> {
    if (!this.running || !this.downloaded || this.state === 'installing') return;
    this.cancelConsider?.();
    this.cancelConsider = null;
    const now = this.d.clock.now();
    let room: RoomState | null = null;
    try {
      room = await this.d.room();
    } catch (e) {
      this.d.log?.(`update ${this.downloaded}: cannot read the room (${(e as Error).message}); not installing`);
    }
    // The state may have changed while the host answered (stop, or another look that installed).
    if (!this.running || this.isInstalling()) return;
    if (room) {
      const decision = decideInstall(now, room, this.approvedVersion === this.downloaded, this.d.config);
      if (decision.install) {
        this.state = 'installing';
        this.blockers = [];
        this.installAt = now;
        this.publish();
        this.d.log?.(`update ${this.downloaded}: installing now`);
        this.d.updater.install();
        return;
      }
      this.blockers = decision.blockers;
      this.installAt = decision.installAt;
      this.publish();
    }
    this.cancelConsider = this.d.clock.after(CONSIDER_MS, () => void this.consider());
  }

  private isInstalling(): boolean {
    return this.state === 'installing';
  }

  private publish(): void {
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    this.d.report({
      state: this.state,
      current: this.d.currentVersion,
      channel: this.d.config.channel,
      version: this.downloaded,
      installAt: this.downloaded ? iso(this.installAt) : null,
      blockers: this.downloaded ? this.blockers : [],
      lastCheckAt: iso(this.lastCheckAt),
      error: this.error,
    });
  }
}
