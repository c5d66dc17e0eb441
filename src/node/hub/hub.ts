// Composition root of `nawa hub`: opens the database, seeds it, and serves the central API. Wiring only.
import { existsSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { HEARTBEAT_MS } from '../../common/central-api';
import { DEFAULT_TILE_URL_POLICY, type TileUrlPolicy } from '../../common/tile-url-policy';
import { listen, serverUrl } from '../base/listen';
import { AccountService } from './account-service';
import { AuditLog } from './audit-log';
import { AuthService, SCRYPT_N } from './auth';
import { ChangeStreams } from './change-stream';
import { seedDemo, seedPresets, type DemoAccount } from './demo-seed';
import { openHubStorage, isPostgresUrl } from './open-hub-storage';
import { createHubServer } from './hub-server';
import { MutationService } from './mutation-service';
import { LoginLimiter, SharedLoginLimiter } from './login-limit';
import { TokenBucketLimiter } from './rate-limit';
import { Simulator } from './simulator';

export interface HubOptions {
  /** A SQLite file path, or a postgres:// URL (open-hub-storage.ts). */
  dbPath: string;
  /** PostgreSQL: apply the schema migrations before starting (a SQLite file always migrates as it opens). */
  migrate?: boolean;
  seed?: 'demo';
  /** Events per minute, 0 = off. */
  simulate?: number;
  adminPassword?: string;
  log?: (line: string) => void;
  /** Default HEARTBEAT_MS. */
  heartbeatMs?: number;
  /** Defaults: 10 failed logins a minute per username and address, 1200 requests a minute per token. */
  limits?: { loginFailuresPerMinute?: number; requestsPerMinute?: number };
  /** A release folder served under /updates/ (the consoles' update feed). */
  updatesDir?: string;
  /** What layouts may make the walls load; default the regency's, the province's, BMKG and BNPB, no camera network. */
  tilePolicy?: Partial<TileUrlPolicy>;
  /** Console hosts whose X-Forwarded-For names the operator's own address (for the login limit and the audit). */
  trustedProxies?: readonly string[];
  /** PEM certificate (chain) and key: the hub serves HTTPS (v1.1 transport) instead of HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** scrypt N for new password hashes; default (and the v1.1 minimum) 2^17. Lower only in tests, which say so. */
  scryptN?: number;
}

export interface Hub {
  /** http://127.0.0.1:PORT, or https:// with TLS */
  readonly url: string;
  readonly server: Server;
  /** Demo accounts printed at start; empty otherwise. */
  readonly accounts: { username: string; password: string; role: string }[];
  close(): Promise<void>;
}

/** The hub cannot start as configured (no account and no admin password): a usage error, not a crash. */
export class HubSetupError extends Error {}

export const FIRST_SUPERVISOR = { username: 'supervisor', name: 'Supervisor', role: 'supervisor' } as const;

export async function startHub(opts: HubOptions & { port?: number; host?: string }): Promise<Hub> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const created = !isPostgresUrl(opts.dbPath) && !existsSync(opts.dbPath);
  const hub = await openHubStorage(opts.dbPath, { migrate: opts.migrate, log });
  let simulator: Simulator | undefined;
  try {
    const auth = new AuthService(hub, Date.now, opts.scryptN ?? SCRYPT_N);
    const now = new Date();
    if (await seedPresets(hub, now)) log('seeded the preset wall layouts');
    let accounts: DemoAccount[] = [];
    if (opts.seed === 'demo') {
      accounts = await seedDemo(hub, auth, now);
    } else if ((await auth.accountCount()) === 0) {
      if (!opts.adminPassword) {
        throw new HubSetupError(
          'this hub has no account yet: set NAWA_ADMIN_PASSWORD to create the first supervisor, or start with --seed demo',
        );
      }
      await auth.createAccount(FIRST_SUPERVISOR, opts.adminPassword);
      log(`created the first supervisor account "${FIRST_SUPERVISOR.username}"`);
    }

    const streams = new ChangeStreams(hub, opts.heartbeatMs ?? HEARTBEAT_MS);
    const audit = new AuditLog(hub);
    const server = createHubServer(
      {
        hub,
        auth,
        mutations: new MutationService(hub, () => new Date(), log, { ...DEFAULT_TILE_URL_POLICY, ...opts.tilePolicy }),
        streams,
        // Several processes on one PostgreSQL database share one count; one process on a file counts in memory.
        logins: hub.loginFailures
          ? new SharedLoginLimiter(hub.loginFailures, opts.limits?.loginFailuresPerMinute ?? 10, 60_000, Date.now, log)
          : new LoginLimiter(opts.limits?.loginFailuresPerMinute ?? 10, 60_000),
        accounts: new AccountService(hub, auth, streams, audit),
        audit,
        trustedProxies: opts.trustedProxies ?? [],
        requests: new TokenBucketLimiter(opts.limits?.requestsPerMinute ?? 1200),
        log,
        updatesDir: opts.updatesDir,
      },
      opts.tls,
    );
    await listen(server, opts.port ?? 0, host);
    simulator = new Simulator(hub, opts.simulate ?? 0, { log });
    simulator.start();

    let closing: Promise<void> | undefined;
    const sim = simulator;
    return {
      url: serverUrl(server, host, opts.tls ? 'https' : 'http'),
      server,
      accounts,
      close: () =>
        (closing ??= (async () => {
          await sim.stop();
          await streams.closeAll();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await hub.close();
        })()),
    };
  } catch (err) {
    await simulator?.stop();
    await hub.close();
    // A refused first start leaves no empty database behind to be mistaken for a configured one.
    if (created && err instanceof HubSetupError)
      for (const suffix of ['', '-wal', '-shm']) rmSync(opts.dbPath + suffix, { force: true });
    throw err;
  }
}
