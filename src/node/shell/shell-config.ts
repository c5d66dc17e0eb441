// What the Electron shell reads from its environment: the same NAWA_* variables `nawa serve` honours, plus
// two for rehearsals and tests. The host reads no environment: what it needs arrives as options from here.
import { type DisplayInfo, simulatedDisplays } from './display-plan';
import { ENV_NAMES, readTileSettings, type TileSettings } from '../host/tile-settings';
import type { HostWorkerOptions } from './worker-protocol';

export interface ShellConfig {
  host: HostWorkerOptions;
  /** NAWA_SIMULATE_WALL=3x3: a primary display plus a wall grid, opened as ordinary windows. */
  simulatedDisplays: DisplayInfo[] | null;
  /** NAWA_TILES (and NAWA_TILES_ATTRIBUTION, _CACHE_MB, _MAX_ZOOM): the map's tile server, as `nawa serve --tiles`. */
  tiles: TileSettings | null;
}

/**
 * `defaultKeyFile` is where the sealing key lives when the OS has no keychain for safeStorage: outside the data
 * folder, so a copy of the data (a backup, a stolen disk image of that folder) does not carry its key.
 */
export function readShellConfig(
  env: Record<string, string | undefined>,
  defaultDataDir: string,
  defaultKeyFile?: string,
): ShellConfig {
  const host: HostWorkerOptions = { dataDir: env.NAWA_DATA_DIR || defaultDataDir };
  const keyFile = env.NAWA_KEY_FILE || defaultKeyFile;
  if (keyFile) host.keyFile = keyFile;
  if (env.NAWA_HUB_URL) host.hubUrl = env.NAWA_HUB_URL;
  if (env.NAWA_SYNC_USER && env.NAWA_SYNC_PASSWORD) {
    host.syncAccount = { username: env.NAWA_SYNC_USER, password: env.NAWA_SYNC_PASSWORD };
  }
  const spec = env.NAWA_SIMULATE_WALL;
  const simulated = spec ? simulatedDisplays(spec) : null;
  if (spec && !simulated)
    throw new Error(`NAWA_SIMULATE_WALL=${spec}: expected COLSxROWS or COLSxROWS@WIDTHxHEIGHT, e.g. 3x3`);
  const tiles = readTileSettings(
    {
      url: env.NAWA_TILES,
      attribution: env.NAWA_TILES_ATTRIBUTION,
      cacheMb: env.NAWA_TILES_CACHE_MB,
      maxZoom: env.NAWA_TILES_MAX_ZOOM,
    },
    ENV_NAMES,
  );
  return { host, simulatedDisplays: simulated, tiles };
}
