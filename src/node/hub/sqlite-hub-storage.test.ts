import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteFileError } from '../base/sqlite-file';
import { SqliteHubStorage } from './sqlite-hub-storage';

let dir: string;
let hub: SqliteHubStorage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-hubdb-'));
  hub = SqliteHubStorage.open(join(dir, 'hub.db'));
});
afterEach(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteHubStorage.transaction', () => {
  it('undoes only a failed nested part; the rest commits, and listeners hear once', async () => {
    let heard = 0;
    hub.onChanges(() => {
      heard++;
    });
    await hub.transaction(async (tx) => {
      await tx.savepoint((sp) => sp.write('site', 'a', 'upsert', () => ({ id: 'a' })));
      await expect(
        tx.savepoint(async (sp) => {
          await sp.write('site', 'b', 'upsert', () => ({ id: 'b' }));
          throw new Error('this mutation fails');
        }),
      ).rejects.toThrow('this mutation fails');
      await tx.savepoint((sp) => sp.write('site', 'c', 'upsert', () => ({ id: 'c' })));
    });
    expect((await hub.getRecord('site', 'a'))?.version).toBe(1);
    expect(await hub.getRecord('site', 'b')).toBeUndefined();
    expect(await hub.getRecord('site', 'c')).toMatchObject({ version: 1 });
    expect((await hub.readChanges(0, 10)).rows.map((r) => r.id)).toEqual(['a', 'c']);
    expect(heard).toBe(1);
  });

  it('keeps readers out while a transaction waits: nothing uncommitted is seen, nothing undone is published', async () => {
    let reached!: () => void;
    const inside = new Promise<void>((r) => (reached = r));
    let resume!: () => void;
    const hold = new Promise<void>((r) => (resume = r));
    const writing = hub.transaction(async (tx) => {
      await tx.write('site', 'x', 'upsert', () => ({ id: 'x' }));
      reached();
      await hold;
      throw new Error('given up');
    });
    await inside;
    // Asked while the transaction holds uncommitted writes: answered only once it has ended.
    const read = hub.readChanges(0, 10);
    const order: string[] = [];
    void read.then(() => order.push('read'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    resume();
    await expect(writing).rejects.toThrow('given up');
    expect((await read).rows).toEqual([]);
    expect(await hub.lastSeq()).toBe(0);
  });

  it('keeps the chain head without parsing decisions', async () => {
    expect(await hub.chainHead()).toBeUndefined();
    await hub.transaction((tx) =>
      tx.write('decision', 'd1', 'upsert', (seq) => ({ id: 'd1', seq, hash: 'f'.repeat(64) })),
    );
    expect(await hub.chainHead()).toBe('f'.repeat(64));
  });
});

describe('SqliteHubStorage.open', () => {
  it('refuses a damaged file and one written by a newer Nawa, through the shared opener', async () => {
    await hub.transaction((tx) => tx.write('site', 'a', 'upsert', () => ({ id: 'a' })));
    hub.db.pragma('wal_checkpoint(TRUNCATE)');
    await hub.close();
    const path = join(dir, 'hub.db');
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096);
    } finally {
      closeSync(fd);
    }
    expect(() => SqliteHubStorage.open(path)).toThrow(SqliteFileError);
    expect(() => SqliteHubStorage.open(path)).toThrow(/damaged|cannot be used/);

    const newer = join(dir, 'newer.db');
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => SqliteHubStorage.open(newer)).toThrow(/newer Nawa/);
  });
});
