// Tokens rest on disk only sealed. Electron seals with the OS keychain (safeStorage); plain Node with a
// machine-local key file readable by its owner alone.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

export interface SecretStore {
  seal(plain: string): string;
  /** Throws when the sealed text was not sealed by this store (another machine, a damaged file). */
  open(sealed: string): string;
}

export class KeyFileSecretStore implements SecretStore {
  private readonly key: Buffer;

  /**
   * A key file that is not one (cut short by a crash of an older Nawa, or damaged) is set aside and replaced:
   * tokens sealed with it are lost (the operator logs in again), but the console still starts.
   */
  constructor(keyPath: string) {
    const held = existsSync(keyPath) ? Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64') : null;
    if (held?.length === 32) {
      this.key = held;
      return;
    }
    if (held) renameSync(keyPath, `${keyPath}.damaged-${Date.now()}`);
    this.key = randomBytes(32);
    // Written aside, flushed and renamed: killed halfway, the next start finds no key file rather than half of one.
    const tmp = `${keyPath}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, this.key.toString('base64'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, keyPath);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
