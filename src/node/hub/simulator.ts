// Makes a demo hub feel live: link status flaps, sector readings move, incidents come and progress.
import { randomUUID } from 'node:crypto';
import { INCIDENT_STATUSES, type Incident, type Site } from '../../common/entities';
import { DEMO_SERIES, INCIDENT_TEMPLATES, type SeriesModel } from './demo-content';
import { pick, randomStatus, writeIncident, writeReading, writeStatus, type Random } from './feed-writer';
import type { HubStorage, HubTx } from './hub-storage';

export interface SimulatorOptions {
  random?: Random;
  now?: () => Date;
  log?: (line: string) => void;
}

const MODELS = new Map(DEMO_SERIES.map((m) => [m.series.id, m]));
const SEVERITY_WEIGHTS: [number, number][] = [
  [1, 0.35],
  [2, 0.35],
  [3, 0.22],
  [4, 0.08],
];

export class Simulator {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private running: Promise<void> = Promise.resolve();
  private readonly random: Random;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly lastValue = new Map<string, number>();

  /** `perMinute` events a minute on average, at random intervals so the wall never ticks like a metronome. */
  constructor(
    private readonly hub: HubStorage,
    private readonly perMinute: number,
    opts: SimulatorOptions = {},
  ) {
    if (!(perMinute >= 0) || !Number.isFinite(perMinute))
      throw new Error('simulate: events per minute must be a number >= 0');
    this.random = opts.random ?? Math.random;
    this.now = opts.now ?? (() => new Date());
    this.log = opts.log ?? (() => {});
  }

  start(): void {
    if (this.perMinute === 0 || !this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** No new event starts; resolves once one already under way has ended (so the database can be closed). */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const mean = 60_000 / this.perMinute;
    this.timer = setTimeout(
      () => {
        this.running = this.step()
          .catch((err: unknown) => this.log(`simulator: ${err instanceof Error ? err.message : String(err)}`))
          .then(() => this.schedule());
      },
      mean * (0.5 + this.random()),
    );
    this.timer.unref();
  }

  /** One event. Public so tests can drive the simulator without waiting. */
  step(): Promise<void> {
    const r = this.random();
    return this.hub.transaction(async (tx) => {
      if (r < 0.58) await this.flapStatus(tx);
      else if (r < 0.88) await this.newReading(tx);
      else if (r < 0.96) await this.advanceIncident(tx);
      else await this.newIncident(tx);
    });
  }

  private async flapStatus(tx: HubTx): Promise<void> {
    const ids = await tx.liveIds('site');
    if (ids.length === 0) return;
    await writeStatus(
      tx,
      randomStatus(pick(ids, this.random), this.now().toISOString(), this.random, { down: 0.1, degraded: 0.2 }),
    );
  }

  private async newReading(tx: HubTx): Promise<void> {
    const ids = await tx.liveIds('series');
    if (ids.length === 0) return;
    const seriesId = pick(ids, this.random);
    const model: SeriesModel | undefined = MODELS.get(seriesId);
    const previous = this.lastValue.get(seriesId) ?? (await tx.newestReadingValue(seriesId)) ?? model?.base ?? 50;
    const step = model?.step ?? Math.max(1, Math.abs(previous) * 0.05);
    // Pulled gently back toward the base so a long demo does not drift to a limit and stay there.
    const pull = model ? (model.base - previous) * 0.05 : 0;
    let value = previous + pull + (this.random() - 0.5) * 2 * step;
    if (model) value = Math.min(model.max, Math.max(model.min, value));
    value = Number(value.toFixed(model?.decimals ?? 1));
    this.lastValue.set(seriesId, value);
    await writeReading(tx, { seriesId, at: this.now().toISOString(), value });
  }

  private async advanceIncident(tx: HubTx): Promise<void> {
    const data = await tx.randomOpenIncident();
    if (!data) return this.newIncident(tx);
    const { updatedAt: _u, version: _v, ...incident } = JSON.parse(data) as Incident;
    const next = INCIDENT_STATUSES[INCIDENT_STATUSES.indexOf(incident.status) + 1] ?? 'closed';
    await writeIncident(tx, { ...incident, status: next }, this.now().toISOString());
  }

  private async newIncident(tx: HubTx): Promise<void> {
    const data = await tx.randomVillage();
    if (!data) return;
    const village = JSON.parse(data) as Site;
    if (!village.districtCode) return;
    const template = pick(INCIDENT_TEMPLATES, this.random);
    const now = this.now().toISOString();
    await writeIncident(
      tx,
      {
        id: randomUUID(),
        title: template.title.replace('{desa}', village.name),
        sector: template.sector,
        severity: this.severity(),
        status: 'reported',
        districtCode: village.districtCode,
        lat: Number((village.lat + (this.random() - 0.5) * 0.01).toFixed(6)),
        lon: Number((village.lon + (this.random() - 0.5) * 0.01).toFixed(6)),
        assignedOpd: template.opd,
        reportedAt: now,
      },
      now,
    );
  }

  private severity(): number {
    let r = this.random();
    for (const [severity, weight] of SEVERITY_WEIGHTS) {
      if (r < weight) return severity;
      r -= weight;
    }
    return 1;
  }
}
