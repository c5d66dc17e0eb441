// Opening the console store without ever leaving the operator stuck: a damaged file is moved aside (kept for
// inspection) and replaced by the last backup, or by an empty cache that the change feed refills.
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { systemNow } from '../ports/clock';
import { ConsoleStore } from './console-store';
import { StoreError } from './database';
import { integrityCheck } from '../base/sqlite-file';

export interface OpenedStore {
  store: ConsoleStore;
  notice: string | null;
}

export const backupPathOf = (path: string) => `${path}.backup`;

export function openGuarded(path: string, now: () => Date = systemNow): OpenedStore {
  try {
    return { store: ConsoleStore.open(path), notice: null };
  } catch (e) {
    if (!(e instanceof StoreError) || e.code === 'newer_than_code') throw e;
    const aside = `${path}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    }
    const backup = backupPathOf(path);
    if (existsSync(backup)) {
      copyFileSync(backup, path);
      try {
        return {
          store: ConsoleStore.open(path),
          notice: `The local database was damaged (${e.message}); it was moved to ${aside} and the last backup restored. Writes made after that backup and not yet sent are in the damaged copy.`,
        };
      } catch {
        rmSync(path, { force: true });
      }
    }
    return {
      store: ConsoleStore.open(path),
      notice: `The local database was damaged (${e.message}) and no usable backup exists; it was moved to ${aside} and the cache is being downloaded again.`,
    };
  }
}

/**
 * An online backup (readers and writers go on), written aside, checked, flushed to disk and only then renamed over
 * the previous one: a crash never leaves half a backup, and a damaged copy never replaces a good one.
 */
export async function backupStore(store: ConsoleStore): Promise<{ path: string; bytes: number }> {
  const dest = backupPathOf(store.path);
  const tmp = `${dest}.tmp`;
  rmSync(tmp, { force: true });
  await store.copyTo(tmp);
  const check = await integrityCheck(tmp);
  if (check !== 'ok') {
    rmSync(tmp, { force: true });
    throw new Error(`the backup copy failed its integrity check (${check}); the previous backup was kept`);
  }
  // The backup holds what the database holds (sealed tokens, verifiers): the owner's alone.
  chmodSync(tmp, 0o600);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, dest);
  return { path: dest, bytes: statSync(dest).size };
}
