import { mkdirSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePort, untilStopSignal } from '../base/cli-kit';
import { startHub, type Hub } from '../hub/hub';
import { readTileSettings } from '../host/tile-settings';
import { startServe } from './serve';

const HELP = `Usage: nawa serve [options]

  --hub URL        central API to sync with (default: start an embedded demo hub)
  --port N         port of the console (default 8790; 0 picks a free one)
  --host ADDR      address to bind (default 127.0.0.1; anything else requires the access token)
  --token T        access token for clients when bound beyond loopback (default: generated)
  --public-host H  a name this console is reached by (repeatable), e.g. cc.malangkab.go.id; requests
                   naming any other host are refused (DNS rebinding)
  --tls-cert FILE  PEM certificate: serve the console over HTTPS/WSS (with --tls-key)
  --tls-key FILE   PEM private key of that certificate
  --ca FILE        PEM of the regency's CA, for an https:// --hub
  --insecure-http  allow a plain http:// --hub beyond loopback (passwords in clear)
  --key-file FILE  the key that seals the stored tokens; keep it outside --data (default: in --data)
  --tiles URL      a tile server for the map's base, e.g. https://tile.example/{z}/{x}/{y}.png: fetched by
                   this host, cached in DATA/tiles.db and served from there when offline (https, or plain
                   http on this machine or a private network). Without it the bundled boundaries alone.
  --tiles-attribution TEXT  the tile server's credit line, shown on the map (default: its host name)
  --tiles-cache-mb N        bound on the tile cache (default 200; least recently shown tiles go first)
  --tiles-max-zoom N        highest zoom the server has (default 19)
  --data DIR       folder of the console's database and key (default ./.nawa)
  --simulate N     events a minute in the embedded demo hub (default 30; 0 = still)

With --hub, set NAWA_SYNC_USER and NAWA_SYNC_PASSWORD to a read-only (viewer) account so the wall
stays live before an operator logs in; otherwise syncing starts with the first login.
`;

function tlsFiles(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } {
  if (!cert || !key) throw new Error('--tls-cert and --tls-key go together');
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

export async function serveMain(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      hub: { type: 'string' },
      port: { type: 'string', default: '8790' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      ca: { type: 'string' },
      'key-file': { type: 'string' },
      'insecure-http': { type: 'boolean', default: false },
      'public-host': { type: 'string', multiple: true },
      data: { type: 'string', default: '.nawa' },
      tiles: { type: 'string' },
      'tiles-attribution': { type: 'string' },
      'tiles-cache-mb': { type: 'string' },
      'tiles-max-zoom': { type: 'string' },
      simulate: { type: 'string', default: '30' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = parsePort(values.port);
  const simulate = Number(values.simulate);
  if (!Number.isFinite(simulate) || simulate < 0)
    throw new Error(`--simulate must be a number of events a minute, not ${values.simulate}`);
  const tiles = readTileSettings({
    url: values.tiles,
    attribution: values['tiles-attribution'],
    cacheMb: values['tiles-cache-mb'],
    maxZoom: values['tiles-max-zoom'],
  });
  const dataDir = resolve(values.data);
  mkdirSync(dataDir, { recursive: true });

  let hub: Hub | null = null;
  let hubUrl = values.hub;
  let syncAccount =
    process.env.NAWA_SYNC_USER && process.env.NAWA_SYNC_PASSWORD
      ? { username: process.env.NAWA_SYNC_USER, password: process.env.NAWA_SYNC_PASSWORD }
      : undefined;
  if (!hubUrl) {
    hub = await startHub({ dbPath: join(dataDir, 'hub.db'), seed: 'demo', simulate, port: 0, log: () => {} });
    hubUrl = hub.url;
    syncAccount = { username: 'viewer', password: 'demo' };
  }
  const serving = await startServe({
    hubUrl,
    dataDir,
    distDir: join(ROOT, 'dist'),
    port,
    host: values.host,
    accessToken: values.token,
    syncAccount,
    tiles: tiles ?? undefined,
    publicHosts: values['public-host'],
    tls: values['tls-cert'] || values['tls-key'] ? tlsFiles(values['tls-cert'], values['tls-key']) : undefined,
    ca: values.ca ? readFileSync(values.ca) : undefined,
    insecureHttp: values['insecure-http'],
    keyFile: values['key-file'] ? resolve(values['key-file']) : undefined,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const q = serving.accessToken ? `?token=${serving.accessToken}` : '';
  const out = [
    `Nawa console:  ${serving.url}/${q}`,
    ...(serving.wallTokens
      ? // Beyond loopback each wall PC gets its own URL: its token lets it show that wall and nothing else.
        [
          'Wall pages (each paired with its own token):',
          // Under the first name a wall PC reaches this host by (not 127.0.0.1 for a wildcard bind).
          ...serving.pairing.walls.map((w) => `  ${w.urls[0]}`),
        ]
      : [`Wall pages:    ${serving.url}/wall/1 … ${serving.url}/wall/9`]),
    `Status:        ${serving.url}/status${q}`,
    ...(tiles ? [`Map tiles:     ${tiles.template} (cache ${Math.round(tiles.cacheBytes / 2 ** 20)} MB)`] : []),
    `Central API:   ${hubUrl}${hub ? ' (embedded demo hub, simulating ' + simulate + ' events a minute)' : ''}`,
  ];
  if (hub)
    out.push(`Demo accounts: ${hub.accounts.map((a) => `${a.username} / ${a.password} (${a.role})`).join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);

  await untilStopSignal();
  await serving.close();
  await hub?.close();
}
