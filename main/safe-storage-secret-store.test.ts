import { describe, expect, it } from 'vitest';
import { osSecretStore, SafeStorageSecretStore } from './safe-storage-secret-store';

// Stands in for Electron's safeStorage: a reversible scramble that is not the plain text.
const fakeSafeStorage = (available: boolean, backend: string) => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend as 'gnome_libsecret',
  encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decryptString: (cipher: Buffer) => Buffer.from([...cipher].map((b) => b ^ 0x5a)).toString(),
});

describe('SafeStorageSecretStore', () => {
  it('seals to text the store can keep and opens it again', () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(true, 'gnome_libsecret'));
    const sealed = store.seal('token-abc');
    expect(sealed).not.toContain('token-abc');
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(store.open(sealed)).toBe('token-abc');
  });

  it('is used only where the OS keeps the key', () => {
    expect(osSecretStore(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')).toBeInstanceOf(SafeStorageSecretStore);
    expect(osSecretStore(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeUndefined();
    expect(osSecretStore(fakeSafeStorage(false, 'unknown'), 'win32')).toBeUndefined();
    expect(osSecretStore(fakeSafeStorage(true, 'unknown'), 'win32')).toBeInstanceOf(SafeStorageSecretStore);
  });
});
