// Composes one console host: store, sync, wall state and the request handlers behind HostService.
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVENTS, REQUESTS, isRequestName, type EventName, type EventPayload, type Result } from '../../common/host-api';
import { HEARTBEAT_MS, issueDetails } from '../../common/central-api';
import type { ConsoleStore } from '../store/console-store';
import type { ReadingLimits } from '../store/reading-cache';
import { openGuarded } from '../store/store-guard';
import { StoreMaintenance } from '../store/store-maintenance';
import { CentralClient, checkCentralUrl } from '../sync/central-client';
import { SyncEngine } from '../sync/sync-engine';
import { HostFailure, createHandlers } from './handlers';
import type { HostContext } from './host-context';
import type { Connection, HostService } from './host-service';
import { KeyFileSecretStore, type SecretStore } from '../ports/secret-store';
import { SYNC_ACCOUNT, TokenBook } from '../sync/token-book';
import { mapHostEvents, plannerAnnouncements } from './host-events';
import { PendingLogouts } from './pending-logouts';
import { SigningKeys } from './signing-keys';
import { UpdateBoard } from './update-board';
import { wallsOf } from './wall-handlers';
import { WallController } from './wall-state';
import { WallPlanner } from './wall-planner';
import { SectorWatch } from './sector-watch';
import { loadReadingLimits } from './readings-settings';
import { systemClock, systemNow } from '../ports/clock';
import { NO_REMOTE_WALLS, type WallPairing } from '../../common/wall-pairing-api';

export interface HostOptions {
  dataDir: string;
  /** The central API; without it, a hub on this machine's default port. The CLIs and the Electron entry read NAWA_HUB_URL. */
  hubUrl?: string;
  /** PEM of the regency's CA for an https central URL. */
  ca?: string | Buffer;
  /** Allows a plain http:// central URL beyond loopback (v1.1: only when the operator says so). */
  insecureHttp?: boolean;
  consoleId?: string;
  secretStore?: SecretStore;
  /** The sealing key's file when no secretStore is given; keep it outside dataDir (default dataDir/secret.key). */
  keyFile?: string;
  /** A read account for the feed, so the wall stays live before any operator logs in. */
  syncAccount?: { username: string; password: string };
  heartbeatMs?: number;
  /** The host's clock: decidedAt and clientTime come from it. It may be hours off; ordering never depends on it. */
  now?: () => Date;
  log?: (line: string) => void;
  /** How long raw readings stay before only their hourly buckets are kept; default from the settings file. */
  readingLimits?: ReadingLimits;
  /**
   * The URL of each wall page as the shell serves it (`nawa serve`: with each wall's pairing token beyond
   * loopback). Without it the walls are the shell's own windows and there is nothing to pair.
   */
  wallPairing?: () => WallPairing;
}

export interface ConsoleHost extends HostService {
  readonly store: ConsoleStore;
  readonly sync: SyncEngine;
  readonly wall: WallController;
  readonly planner: WallPlanner;
}

export const DEFAULT_HUB_URL = 'http://127.0.0.1:8780';

export async function createHost(opts: HostOptions): Promise<ConsoleHost> {
  // Refused before anything is opened: a wrong URL is a usage error, and loses nothing.
  const centralUrl = checkCentralUrl(opts.hubUrl ?? DEFAULT_HUB_URL, opts.insecureHttp);
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  // The folder and its files are the owner's alone: sealed tokens, offline verifiers, the operators' work.
  chmodSync(opts.dataDir, 0o700);
  const log = opts.log ?? (() => {});
  const now = opts.now ?? systemNow;
  const opened = openGuarded(join(opts.dataDir, 'console.db'), now);
  const store = opened.store;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(store.path + suffix)) chmodSync(store.path + suffix, 0o600);
  if (opened.notice) log(`store: ${opened.notice}`);
  const consoleId = opts.consoleId ?? store.setting('console.id') ?? `console-${randomUUID().slice(0, 8)}`;
  store.setSetting('console.id', consoleId);
  if (opts.keyFile && !opts.secretStore) mkdirSync(dirname(opts.keyFile), { recursive: true, mode: 0o700 });
  const secrets = opts.secretStore ?? new KeyFileSecretStore(opts.keyFile ?? join(opts.dataDir, 'secret.key'));
  const tokens = new TokenBook(store, secrets);
  const keys = new SigningKeys(store, secrets, consoleId);
  const client = new CentralClient(centralUrl.replace(/\/+$/, ''), undefined, { ca: opts.ca });
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    const checked = EVENTS[name].parse(payload);
    for (const l of listeners) l(name, checked);
  };
  const wall = new WallController(store, undefined, now);
  const planner = new WallPlanner({
    store,
    wall,
    log,
    clock: { now: () => now().getTime(), after: (ms, fn) => systemClock.after(ms, fn) },
    ...plannerAnnouncements(emit),
  });
  const maintenance = new StoreMaintenance(store, { openNotice: opened.notice, now, log });
  const sync = new SyncEngine({
    client,
    store,
    tokens,
    consoleId,
    heartbeatMs: opts.heartbeatMs,
    log,
    now,
    notice: () => maintenance.notice(),
  });
  const updates = new UpdateBoard();
  // Raw readings for the configured days, hourly buckets after that (resources/settings/readings.json).
  store.readings.configure(opts.readingLimits ?? loadReadingLimits());
  const sectors = new SectorWatch(store, now);
  mapHostEvents({ store, sync, wall, planner, maintenance, updates, sectors }, emit);
  sectors.check();
  const logouts = new PendingLogouts(store, secrets, client, log);
  sync.connection.onChange((_s, cameOnline) => {
    if (cameOnline) void logouts.retry();
  });
  const ctx: HostContext = {
    store,
    sync,
    wall,
    planner,
    tokens,
    keys,
    client,
    logouts,
    consoleId,
    now,
    maintenance,
    updates,
    sectors,
    wallPairing: opts.wallPairing ?? (() => NO_REMOTE_WALLS),
  };
  const handlers = createHandlers(ctx);

  if (opts.syncAccount) {
    const { username, password } = opts.syncAccount;
    client
      .session(username, password)
      .then((s) => tokens.set(SYNC_ACCOUNT, s.token, s.expiresAt))
      .catch((e: Error) => log(`sync account ${username}: ${e.message}; waiting for an operator to log in`));
  }
  sync.start();
  logouts.start(5 * (opts.heartbeatMs ?? HEARTBEAT_MS));
  // WAL kept short, a checked backup to fall back on should the file ever be damaged, a full check now and then.
  maintenance.start();
  planner.start();

  return {
    store,
    sync,
    wall,
    planner,
    async dispatch(name: string, input: unknown, conn: Connection): Promise<Result<unknown>> {
      if (!isRequestName(name))
        return {
          ok: false,
          error: { code: 'unknown_request', message: `no request named ${name}`, params: { name: name.slice(0, 64) } },
        };
      const parsed = REQUESTS[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const details = issueDetails(parsed.error.issues);
        return {
          ok: false,
          error: {
            code: 'invalid_input',
            message: `invalid input for ${name}`,
            params: { fields: details.map((d) => d.field).join(', ') },
            details,
          },
        };
      }
      try {
        const handler = handlers[name] as (i: unknown, c: Connection) => unknown;
        return { ok: true, value: await handler(parsed.data, conn) };
      } catch (e) {
        if (e instanceof HostFailure) {
          return {
            ok: false,
            error: {
              code: e.code,
              message: e.message,
              ...(e.params ? { params: e.params } : {}),
              ...(e.details === undefined ? {} : { details: e.details }),
            },
          };
        }
        log(`host: ${name} failed: ${(e as Error).stack ?? String(e)}`);
        return { ok: false, error: { code: 'internal', message: (e as Error).message } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    disconnected(conn) {
      const shown = wallsOf(conn);
      if (shown.length > 0) {
        conn.wall = null;
        conn.wallsShown = undefined;
        wall.displays(shown, []);
      }
    },
    async close() {
      logouts.stop();
      maintenance.stop();
      planner.stop();
      await sync.stop();
      store.close();
    },
  };
}
