import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { backupStore, openGuarded } from './store-guard';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-guard-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const input = (id: string) => ({ id, decidedAt: '2026-11-28T00:00:00.000Z', summary: 'S', rationale: '', action: 'A' });

describe('openGuarded', () => {
  it('restores the last backup when the file is damaged, and keeps the damaged copy', async () => {
    const path = join(dir, 'console.db');
    const { store } = openGuarded(path);
    store.recordDecision(input('11111111-1111-4111-8111-111111111111'), 'op', 'c');
    await backupStore(store);
    store.recordDecision(input('22222222-2222-4222-8222-222222222222'), 'op', 'c');
    store.close();
    writeFileSync(path, Buffer.alloc(8192, 7));
    rmSync(`${path}-wal`, { force: true });

    const reopened = openGuarded(path);
    expect(reopened.notice).toMatch(/backup restored/);
    expect(reopened.store.decisions().map((d) => d.id)).toEqual(['11111111-1111-4111-8111-111111111111']);
    expect(readdirSync(dir).some((f) => f.startsWith('console.db.damaged-'))).toBe(true);
    reopened.store.close();
  });

  it('starts an empty cache when there is no backup, and says so', () => {
    const path = join(dir, 'console.db');
    writeFileSync(path, 'garbage'.repeat(2000));
    const { store, notice } = openGuarded(path);
    expect(notice).toMatch(/no usable backup/);
    expect(store.cursor()).toBe(0);
    store.close();
  });

  it('refuses a database from a newer Nawa without moving it', () => {
    const path = join(dir, 'console.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    expect(() => openGuarded(path)).toThrow(/newer Nawa/);
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });
});
