// What `npm run dist` needs before it builds anything: an Electron for each target platform, Electron's headers
// (better-sqlite3 is rebuilt against them by @electron/rebuild), and for the installers electron-builder's tools.
// Each missing piece is one sentence saying what is missing and how to provide it.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type Platform = 'linux' | 'win32';

export class PreflightError extends Error {}

export interface PreflightInput {
  electronVersion: string;
  platforms: Platform[];
  arch: string;
  /** --dir: the unpacked app only (no AppImage, deb or NSIS tools needed). */
  dirOnly: boolean;
  /** --electron-dist DIR (electron-builder's electronDist). */
  electronDist?: string;
  /** Where `npx electron` keeps a downloaded binary (node_modules/electron/dist), used when it is there. */
  localElectron?: string;
  env: Record<string, string | undefined>;
  /** How a URL is checked; tests give it a server that refuses. */
  reachable?: (url: string) => Promise<string | null>;
}

export interface PreflightResult {
  /** An unpacked Electron to package, or null to let electron-builder download it. */
  electronDist: string | null;
}

const EXECUTABLE: Record<Platform, string> = { linux: 'electron', win32: 'electron.exe' };

function hostPlatform(): Platform {
  return process.platform === 'win32' ? 'win32' : 'linux';
}

/** null when the URL answers (any status below 400, redirects included); else why not. */
export async function probe(url: string, timeoutMs = 6000): Promise<string | null> {
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 400 ? null : `HTTP ${res.status}`;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (e as Error).message;
  }
}

export async function preflight(p: PreflightInput): Promise<PreflightResult> {
  const reachable = p.reachable ?? probe;
  const v = p.electronVersion;
  const given = p.electronDist ?? p.env.ELECTRON_OVERRIDE_DIST_PATH;
  let electronDist: string | null = null;
  if (given) {
    const from = p.electronDist ? `--electron-dist ${given}` : `ELECTRON_OVERRIDE_DIST_PATH=${given}`;
    if (p.platforms.length > 1)
      throw new PreflightError(
        `${from} is one platform's Electron: build one platform at a time (--linux or --win) with it.`,
      );
    const exe = EXECUTABLE[p.platforms[0] ?? 'linux'];
    if (!existsSync(join(given, exe))) {
      throw new PreflightError(
        `${from} holds no ${exe}: point it at an unpacked Electron ${v} folder (the one with ${exe} and resources/ in it).`,
      );
    }
    const versionFile = join(given, 'version');
    const found = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : null;
    if (found && found !== v)
      throw new PreflightError(
        `${from} holds Electron ${found}, but Nawa is built for Electron ${v} (package.json): provide Electron ${v}.`,
      );
    electronDist = given;
  } else if (
    p.localElectron &&
    p.platforms.length === 1 &&
    p.platforms[0] === hostPlatform() &&
    existsSync(join(p.localElectron, EXECUTABLE[hostPlatform()]))
  ) {
    electronDist = p.localElectron;
  } else {
    const mirror = p.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
    for (const platform of p.platforms) {
      const url = `${mirror.replace(/\/?$/, '/')}v${v}/electron-v${v}-${platform}-${p.arch}.zip`;
      const why = await reachable(url);
      if (why) {
        throw new PreflightError(
          `Electron ${v} for ${platform}-${p.arch} is not on this machine and cannot be downloaded (${url}: ${why}); ` +
            `set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${v} folder, or pass --electron-dist DIR (electron-builder's electronDist), or set ELECTRON_MIRROR to a mirror that has it.`,
        );
      }
    }
  }

  // @electron/rebuild compiles better-sqlite3 against Electron's headers, which node-gyp keeps in ~/.electron-gyp.
  const cached = join(p.env.HOME ?? homedir(), '.electron-gyp', v, 'include', 'node', 'node_version.h');
  if (!existsSync(cached)) {
    const base = p.env.npm_config_disturl ?? 'https://www.electronjs.org/headers';
    const url = `${base.replace(/\/$/, '')}/v${v}/node-v${v}-headers.tar.gz`;
    const why = await reachable(url);
    if (why) {
      throw new PreflightError(
        `Electron ${v}'s headers, needed to rebuild better-sqlite3 for Electron, are not in ~/.electron-gyp/${v} and cannot be downloaded (${url}: ${why}); ` +
          `set npm_config_disturl to a mirror that has them, or package on a machine that can reach electronjs.org.`,
      );
    }
  }

  if (!p.dirOnly) {
    const tools =
      p.env.ELECTRON_BUILDER_BINARIES_MIRROR ??
      'https://github.com/electron-userland/electron-builder-binaries/releases/';
    const why = await reachable(tools);
    if (why) {
      throw new PreflightError(
        `The AppImage, deb and NSIS tools come from ${tools}, which cannot be reached (${why}); ` +
          'set ELECTRON_BUILDER_BINARIES_MIRROR to a mirror of electron-builder-binaries, or run npm run dist:dir for the unpacked app only.',
      );
    }
  }
  return { electronDist };
}
