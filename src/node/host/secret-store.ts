// Tokens rest on disk only sealed. Electron seals with the OS keychain (safeStorage); plain Node with a
// machine-local key file readable by its owner alone.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface SecretStore {
  seal(plain: string): string;
  /** Throws when the sealed text was not sealed by this store (another machine, a damaged file). */
  open(sealed: string): string;
}

export class KeyFileSecretStore implements SecretStore {
  private readonly key: Buffer;

  constructor(keyPath: string) {
    if (existsSync(keyPath)) {
      this.key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
      if (this.key.length !== 32) throw new Error(`${keyPath} is not a Nawa key file (expected 32 bytes)`);
    } else {
      this.key = randomBytes(32);
      writeFileSync(keyPath, this.key.toString('base64'), { mode: 0o600 });
      chmodSync(keyPath, 0o600);
    }
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
