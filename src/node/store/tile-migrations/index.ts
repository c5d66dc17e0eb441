import type { Migration } from '../../base/sqlite-file';
import * as m0001 from './0001-tile-cache';

/** The tile cache file's own schema steps (apart from console.db's): append only, position = version. */
export const TILE_CACHE_MIGRATIONS: readonly Migration[] = [{ name: '0001-tile-cache', up: m0001.up }];
