// `nawa hub`: the reference central API from the command line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validCameraNetwork } from '../../common/tile-url-policy';
import { parsePort, untilStopSignal } from '../base/cli-kit';
import { SqliteFileError } from '../base/sqlite-file';
import { HubSetupError, startHub, type Hub } from './hub';
import { isPostgresUrl, openHubStorage } from './open-hub-storage';
import { redactUrl } from './pg-hub-storage';
import { PgSchemaError } from './pg-schema';

const HELP = `Usage: nawa hub [options]

Runs the reference central API (central-api.md v1) on one SQLite file, or on
PostgreSQL, where several hub processes may serve one database.

Options:
  --db PATH|URL    database: a SQLite file (default ./nawa-hub.db), or a
                   postgres://user:password@host:port/database URL
  --migrate        bring the database's schema up to this Nawa's and exit
                   (PostgreSQL needs it once per upgrade, before the hubs start;
                   a SQLite file migrates itself as it opens)
  --port N         port (default 8780; 0 picks a free one)
  --host H         address to listen on (default 127.0.0.1)
  --seed demo      demo accounts (password "demo") and Kabupaten Malang demo data
  --simulate N     simulated events a minute (status, readings, incidents); default 0
  --updates DIR    serve the release folder DIR under /updates/ (the consoles' update feed)
  --web-domain D   a domain web tiles may show (repeatable; replaces the default
                   malangkab.go.id, jatimprov.go.id, bmkg.go.id, bnpb.go.id)
  --camera-network N  where plain-http video may come from: an IPv4 CIDR, an
                   address or a host name (repeatable; default none)
  --tls-cert FILE  PEM certificate (chain): serve HTTPS (with --tls-key)
  --tls-key FILE   PEM private key of that certificate
  --trusted-proxy A  address of a console host whose X-Forwarded-For names the
                   operator's own address (repeatable; default none)
  --help           this text

Without --seed demo, the first start needs NAWA_ADMIN_PASSWORD: it becomes the
password of the first supervisor account, "supervisor".
`;

class UsageError extends Error {}

interface CliOptions {
  dbPath: string;
  migrate: boolean;
  port: number;
  host: string;
  seed?: 'demo';
  simulate: number;
  updatesDir?: string;
  tilePolicy: { webDomains?: string[]; cameraNetworks: string[] };
  tls?: { cert: Buffer; key: Buffer };
  trustedProxies: string[];
}

function parse(args: string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string', default: './nawa-hub.db' },
        migrate: { type: 'boolean', default: false },
        port: { type: 'string', default: '8780' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string' },
        simulate: { type: 'string', default: '0' },
        updates: { type: 'string' },
        'web-domain': { type: 'string', multiple: true },
        'camera-network': { type: 'string', multiple: true },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'trusted-proxy': { type: 'string', multiple: true },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const port = parsePort(values.port, UsageError);
  const simulate = /^\d+(\.\d+)?$/.test(values.simulate) ? Number(values.simulate) : NaN;
  if (!Number.isFinite(simulate) || simulate > 60_000)
    throw new UsageError(`--simulate must be events a minute from 0 to 60000, not ${values.simulate}`);
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new UsageError(`--seed knows only "demo", not ${values.seed}`);
  if (values.host === '') throw new UsageError('--host must not be empty');
  const webDomains = values['web-domain']?.map((d) => d.toLowerCase());
  const badDomain = webDomains?.find(
    (d) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(d),
  );
  if (badDomain !== undefined)
    throw new UsageError(`--web-domain must be a domain such as malangkab.go.id, not ${badDomain}`);
  const cameraNetworks = values['camera-network'] ?? [];
  const badNet = cameraNetworks.find((n) => !validCameraNetwork(n));
  if (badNet !== undefined)
    throw new UsageError(
      `--camera-network must be an IPv4 CIDR (10.20.0.0/16), an address or a host name, not ${badNet}`,
    );
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined))
    throw new UsageError('--tls-cert and --tls-key go together');
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (values['tls-cert'] !== undefined && values['tls-key'] !== undefined) {
    try {
      tls = { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']) };
    } catch (err) {
      throw new UsageError(`cannot read the TLS certificate or key: ${(err as Error).message}`);
    }
  }
  const trustedProxies = values['trusted-proxy'] ?? [];
  const badProxy = trustedProxies.find((a) => isIP(a) === 0);
  if (badProxy !== undefined) throw new UsageError(`--trusted-proxy must be an IP address, not ${badProxy}`);
  const updatesDir = values.updates === undefined ? undefined : checkUpdatesDir(values.updates);
  return {
    dbPath: isPostgresUrl(values.db) ? values.db : resolve(values.db),
    migrate: values.migrate,
    port,
    host: values.host,
    seed: values.seed === 'demo' ? 'demo' : undefined,
    simulate,
    tilePolicy: { ...(webDomains ? { webDomains } : {}), cameraNetworks },
    tls,
    trustedProxies,
    updatesDir,
  };
}

function checkUpdatesDir(dir: string): string {
  const full = resolve(dir);
  if (!existsSync(full) || !statSync(full).isDirectory())
    throw new UsageError(`--updates must name a folder that exists, not ${dir}`);
  return full;
}

/** Runs until SIGINT or SIGTERM. Usage and setup problems print a message and leave exit code 2. */
export async function hubMain(args: string[]): Promise<void> {
  let opts: CliOptions | 'help';
  try {
    opts = parse(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`nawa hub: ${err.message}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (opts === 'help') {
    process.stdout.write(HELP);
    return;
  }

  const where = isPostgresUrl(opts.dbPath) ? redactUrl(opts.dbPath) : opts.dbPath;
  if (opts.migrate) {
    try {
      const storage = await openHubStorage(opts.dbPath, { migrate: true });
      await storage.close();
    } catch (err) {
      if (!(err instanceof PgSchemaError || err instanceof SqliteFileError)) throw err;
      process.stderr.write(`nawa hub: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(`Database ${where}: schema up to date\n`);
    return;
  }

  let hub: Hub;
  try {
    hub = await startHub({
      ...opts,
      adminPassword: process.env.NAWA_ADMIN_PASSWORD || undefined,
      log: (line) => process.stderr.write(`nawa hub: ${line}\n`),
    });
  } catch (err) {
    if (!(err instanceof HubSetupError || err instanceof PgSchemaError || err instanceof SqliteFileError)) throw err;
    process.stderr.write(`nawa hub: ${err.message}\n`);
    process.exitCode = 2;
    return;
  }

  const lines = [`Nawa hub (central API v1) listening on ${hub.url}/api/v1`, `Database: ${where}`];
  if (opts.simulate > 0) lines.push(`Simulating about ${opts.simulate} events a minute`);
  if (opts.updatesDir) lines.push(`Update feed: ${hub.url}/updates/ (from ${opts.updatesDir})`);
  if (hub.accounts.length > 0) {
    lines.push('Demo accounts (username / password / role):');
    for (const a of hub.accounts) lines.push(`  ${a.username.padEnd(11)} ${a.password.padEnd(6)} ${a.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  await untilStopSignal();
  await hub.close();
  process.stdout.write('Nawa hub stopped\n');
}
