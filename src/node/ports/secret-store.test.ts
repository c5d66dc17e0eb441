import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFileSecretStore } from './secret-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('KeyFileSecretStore', () => {
  it("seals and opens with the same key across restarts; the key file is its owner's alone", () => {
    const path = join(dir, 'secret.key');
    const sealed = new KeyFileSecretStore(path).seal('token-abc');
    expect(new KeyFileSecretStore(path).open(sealed)).toBe('token-abc');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('starts with a new key when the file was cut short by a crash, keeping the damaged one aside', () => {
    const path = join(dir, 'secret.key');
    writeFileSync(path, '');
    const store = new KeyFileSecretStore(path);
    expect(store.open(store.seal('x'))).toBe('x');
    expect(readdirSync(dir).some((f) => f.startsWith('secret.key.damaged-'))).toBe(true);
    expect(readdirSync(dir)).not.toContain('secret.key.tmp');
  });
});
