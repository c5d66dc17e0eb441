// Makes a demo hub feel live: link status flaps, sector readings move, incidents come and progress.
import { randomUUID } from 'node:crypto';
import { INCIDENT_STATUSES, type Incident, type Reading, type Site } from '../../common/entities';
import { DEMO_SERIES, INCIDENT_TEMPLATES, type SeriesModel } from './demo-content';
import { pick, randomStatus, writeIncident, writeReading, writeStatus, type Random } from './feed-writer';
import type { HubDb } from './hub-db';

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
  private readonly random: Random;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly lastValue = new Map<string, number>();

  /** `perMinute` events a minute on average, at random intervals so the wall never ticks like a metronome. */
  constructor(
    private readonly hub: HubDb,
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

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    const mean = 60_000 / this.perMinute;
    this.timer = setTimeout(
      () => {
        try {
          this.step();
        } catch (err) {
          this.log(`simulator: ${err instanceof Error ? err.message : String(err)}`);
        }
        this.schedule();
      },
      mean * (0.5 + this.random()),
    );
    this.timer.unref();
  }

  /** One event. Public so tests can drive the simulator without waiting. */
  step(): void {
    const r = this.random();
    this.hub.transaction(() => {
      if (r < 0.58) this.flapStatus();
      else if (r < 0.88) this.newReading();
      else if (r < 0.96) this.advanceIncident();
      else this.newIncident();
    });
  }

  private flapStatus(): void {
    const ids = this.hub.stmt(`SELECT id FROM records WHERE entity = 'site' AND deleted = 0`).pluck().all() as string[];
    if (ids.length === 0) return;
    writeStatus(
      this.hub,
      randomStatus(pick(ids, this.random), this.now().toISOString(), this.random, { down: 0.1, degraded: 0.2 }),
    );
  }

  private newReading(): void {
    const ids = this.hub
      .stmt(`SELECT id FROM records WHERE entity = 'series' AND deleted = 0`)
      .pluck()
      .all() as string[];
    if (ids.length === 0) return;
    const seriesId = pick(ids, this.random);
    const model: SeriesModel | undefined = MODELS.get(seriesId);
    const previous = this.lastValue.get(seriesId) ?? this.lastReading(seriesId) ?? model?.base ?? 50;
    const step = model?.step ?? Math.max(1, Math.abs(previous) * 0.05);
    // Pulled gently back toward the base so a long demo does not drift to a limit and stay there.
    const pull = model ? (model.base - previous) * 0.05 : 0;
    let value = previous + pull + (this.random() - 0.5) * 2 * step;
    if (model) value = Math.min(model.max, Math.max(model.min, value));
    value = Number(value.toFixed(model?.decimals ?? 1));
    this.lastValue.set(seriesId, value);
    writeReading(this.hub, { seriesId, at: this.now().toISOString(), value });
  }

  private lastReading(seriesId: string): number | undefined {
    const data = this.hub
      .stmt(
        `SELECT data FROM changes WHERE entity = 'reading' AND json_extract(data, '$.seriesId') = ? ORDER BY seq DESC LIMIT 1`,
      )
      .pluck()
      .get(seriesId) as string | undefined;
    return data ? (JSON.parse(data) as Reading).value : undefined;
  }

  private advanceIncident(): void {
    const data = this.hub
      .stmt(
        `SELECT data FROM records WHERE entity = 'incident' AND json_extract(data, '$.status') <> 'closed' ORDER BY random() LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
    if (!data) return this.newIncident();
    const { updatedAt: _u, version: _v, ...incident } = JSON.parse(data) as Incident;
    const next = INCIDENT_STATUSES[INCIDENT_STATUSES.indexOf(incident.status) + 1] ?? 'closed';
    writeIncident(this.hub, { ...incident, status: next }, this.now().toISOString());
  }

  private newIncident(): void {
    const data = this.hub
      .stmt(
        `SELECT data FROM records WHERE entity = 'site' AND deleted = 0 AND json_extract(data, '$.kind') = 'village' ORDER BY random() LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
    if (!data) return;
    const village = JSON.parse(data) as Site;
    if (!village.districtCode) return;
    const template = pick(INCIDENT_TEMPLATES, this.random);
    const now = this.now().toISOString();
    writeIncident(
      this.hub,
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
