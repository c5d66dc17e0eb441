import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteFileError } from '../base/sqlite-file';
import { HubDb } from './hub-db';

let dir: string;
let hub: HubDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-hubdb-'));
  hub = HubDb.open(join(dir, 'hub.db'));
});
afterEach(() => {
  hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HubDb.transaction', () => {
  it('undoes only a failed nested part; the rest commits, and listeners hear once', () => {
    let heard = 0;
    hub.onChanges(() => {
      heard++;
    });
    hub.transaction(() => {
      hub.transaction(() => hub.write('site', 'a', 'upsert', () => ({ id: 'a' })));
      expect(() =>
        hub.transaction(() => {
          hub.write('site', 'b', 'upsert', () => ({ id: 'b' }));
          throw new Error('this mutation fails');
        }),
      ).toThrow('this mutation fails');
      hub.transaction(() => hub.write('site', 'c', 'upsert', () => ({ id: 'c' })));
    });
    expect(hub.getRecord('site', 'a')?.version).toBe(1);
    expect(hub.getRecord('site', 'b')).toBeUndefined();
    expect(hub.getRecord('site', 'c')).toMatchObject({ version: 1 });
    expect(hub.readChanges(0, 10).rows.map((r) => r.id)).toEqual(['a', 'c']);
    expect(heard).toBe(1);
  });

  it('keeps the chain head without parsing decisions', () => {
    expect(hub.chainHead()).toBeUndefined();
    hub.transaction(() => hub.write('decision', 'd1', 'upsert', (seq) => ({ id: 'd1', seq, hash: 'f'.repeat(64) })));
    expect(hub.chainHead()).toBe('f'.repeat(64));
  });
});

describe('HubDb.open', () => {
  it('refuses a damaged file and one written by a newer Nawa, through the shared opener', () => {
    hub.transaction(() => hub.write('site', 'a', 'upsert', () => ({ id: 'a' })));
    hub.db.pragma('wal_checkpoint(TRUNCATE)');
    hub.close();
    const path = join(dir, 'hub.db');
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096);
    } finally {
      closeSync(fd);
    }
    expect(() => HubDb.open(path)).toThrow(SqliteFileError);
    expect(() => HubDb.open(path)).toThrow(/damaged|cannot be used/);

    const newer = join(dir, 'newer.db');
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => HubDb.open(newer)).toThrow(/newer Nawa/);
  });
});
