// `npm run dist` (AppImage and deb on Linux, the NSIS installer with --win) and `npm run dist:dir` (the unpacked
// app): checks first that Electron, its headers and the packaging tools can be had, and stops with one sentence
// when one cannot, before anything is built; then builds the renderer and main, and runs electron-builder
// (which rebuilds better-sqlite3 for Electron's ABI with @electron/rebuild, electron-builder.yml).
//   node --import tsx scripts/dist.ts [--dir] [--linux] [--win] [--electron-dist DIR]
// Environment: ELECTRON_OVERRIDE_DIST_PATH, ELECTRON_MIRROR, npm_config_disturl, ELECTRON_BUILDER_BINARIES_MIRROR,
// NAWA_UPDATE_URL (the feed written into app-update.yml), NAWA_WIN_PUBLISHER (the signing certificate's subject).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PreflightError, preflight, type Platform } from './dist-preflight';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function fail(sentence: string): never {
  process.stderr.write(`nawa dist: ${sentence}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        dir: { type: 'boolean', default: false },
        linux: { type: 'boolean', default: false },
        win: { type: 'boolean', default: false },
        'electron-dist': { type: 'string' },
      },
    }));
  } catch (e) {
    fail(`${(e as Error).message}; usage: dist.ts [--dir] [--linux] [--win] [--electron-dist DIR].`);
  }
  const platforms: Platform[] = [];
  if (values.linux) platforms.push('linux');
  if (values.win) platforms.push('win32');
  if (platforms.length === 0) platforms.push(process.platform === 'win32' ? 'win32' : 'linux');
  const env = process.env;
  const electronVersion = (
    JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }
  ).version;

  if (platforms.includes('win32') && !values.dir && !env.NAWA_WIN_PUBLISHER && env.NAWA_WIN_UNSIGNED !== '1') {
    fail(
      'The Windows installer needs NAWA_WIN_PUBLISHER set to the subject name of the certificate that signs it, so installed consoles refuse updates from anyone else; ' +
        'NAWA_WIN_UNSIGNED=1 builds one that checks no publisher (test rooms only).',
    );
  }
  let electronDist: string | null;
  try {
    ({ electronDist } = await preflight({
      electronVersion,
      platforms,
      arch: process.arch === 'arm64' ? 'arm64' : 'x64',
      dirOnly: values.dir,
      electronDist: values['electron-dist'],
      env,
      localElectron: join(dirname(require.resolve('electron/package.json')), 'dist'),
    }));
  } catch (e) {
    if (e instanceof PreflightError) fail(e.message);
    throw e;
  }

  const run = (what: string, cmd: string, args: string[]) => {
    process.stdout.write(`nawa dist: ${what}\n`);
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
    if (r.status !== 0) fail(`${what} failed (exit code ${r.status ?? r.signal}); its output is above.`);
  };
  run('building the renderer and the Electron main process', process.execPath, [
    require.resolve('vite/bin/vite.js'),
    'build',
  ]);
  run('building the main process, preload and host worker', process.execPath, [
    require.resolve('vite/bin/vite.js'),
    'build',
    '-c',
    'vite.main.config.ts',
  ]);

  const builderArgs = [
    ...platforms.map((p) => (p === 'win32' ? '--win' : '--linux')),
    ...(values.dir ? ['--dir'] : []),
    `-c.electronVersion=${electronVersion}`,
    ...(electronDist ? [`-c.electronDist=${electronDist}`] : []),
    ...(env.NAWA_UPDATE_URL ? [`-c.publish.url=${env.NAWA_UPDATE_URL}`] : []),
    ...(env.NAWA_WIN_PUBLISHER ? [`-c.win.signtoolOptions.publisherName=${env.NAWA_WIN_PUBLISHER}`] : []),
    '--publish',
    'never',
  ];
  if (!env.NAWA_UPDATE_URL && !values.dir)
    process.stdout.write(
      'nawa dist: NAWA_UPDATE_URL is not set: the installers keep the placeholder feed of electron-builder.yml.\n',
    );
  run(`electron-builder ${builderArgs.join(' ')}`, process.execPath, [
    require.resolve('electron-builder/cli.js'),
    ...builderArgs,
  ]);
  process.stdout.write('nawa dist: done; the artifacts are in release/\n');
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.message.split('\n')[0] ?? 'failed') : String(e)));
