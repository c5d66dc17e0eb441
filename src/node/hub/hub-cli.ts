// `nawa hub`: the reference central API from the command line.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePort, untilStopSignal } from '../base/cli-kit';
import { HubSetupError, startHub, type Hub } from './hub';

const HELP = `Usage: nawa hub [options]

Runs the reference central API (central-api.md v1) on one SQLite file.

Options:
  --db PATH        database file (default ./nawa-hub.db)
  --port N         port (default 8780; 0 picks a free one)
  --host H         address to listen on (default 127.0.0.1)
  --seed demo      demo accounts (password "demo") and Kabupaten Malang demo data
  --simulate N     simulated events a minute (status, readings, incidents); default 0
  --updates DIR    serve the release folder DIR under /updates/ (the consoles' update feed)
  --help           this text

Without --seed demo, the first start needs NAWA_ADMIN_PASSWORD: it becomes the
password of the first supervisor account, "supervisor".
`;

class UsageError extends Error {}

interface CliOptions { dbPath: string; port: number; host: string; seed?: 'demo'; simulate: number; updatesDir?: string }

function parse(args: string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string', default: './nawa-hub.db' },
        port: { type: 'string', default: '8780' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string' },
        simulate: { type: 'string', default: '0' },
        updates: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const port = parsePort(values.port, UsageError);
  const simulate = /^\d+(\.\d+)?$/.test(values.simulate) ? Number(values.simulate) : NaN;
  if (!Number.isFinite(simulate) || simulate > 60_000) throw new UsageError(`--simulate must be events a minute from 0 to 60000, not ${values.simulate}`);
  if (values.seed !== undefined && values.seed !== 'demo') throw new UsageError(`--seed knows only "demo", not ${values.seed}`);
  if (values.host === '') throw new UsageError('--host must not be empty');
  const updatesDir = values.updates === undefined ? undefined : checkUpdatesDir(values.updates);
  return { dbPath: resolve(values.db), port, host: values.host, seed: values.seed === 'demo' ? 'demo' : undefined, simulate, updatesDir };
}

function checkUpdatesDir(dir: string): string {
  const full = resolve(dir);
  if (!existsSync(full) || !statSync(full).isDirectory()) throw new UsageError(`--updates must name a folder that exists, not ${dir}`);
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

  let hub: Hub;
  try {
    hub = await startHub({
      ...opts,
      adminPassword: process.env.NAWA_ADMIN_PASSWORD || undefined,
      log: (line) => process.stderr.write(`nawa hub: ${line}\n`),
    });
  } catch (err) {
    if (!(err instanceof HubSetupError)) throw err;
    process.stderr.write(`nawa hub: ${err.message}\n`);
    process.exitCode = 2;
    return;
  }

  const lines = [`Nawa hub (central API v1) listening on ${hub.url}/api/v1`, `Database: ${opts.dbPath}`];
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
