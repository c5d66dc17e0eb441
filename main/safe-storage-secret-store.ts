// The host's SecretStore over Electron's safeStorage: tokens sealed with a key the OS keychain holds
// (Keychain, DPAPI, libsecret/kwallet). It runs on the main thread; the host in its worker reaches it through
// src/node/shell/secret-store-bridge.ts.
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../src/node/host/secret-store';

type SafeStorageApi = Pick<
  SafeStorage,
  'encryptString' | 'decryptString' | 'isEncryptionAvailable' | 'getSelectedStorageBackend'
>;

export class SafeStorageSecretStore implements SecretStore {
  constructor(private readonly safeStorage: SafeStorageApi) {}

  seal(plain: string): string {
    return this.safeStorage.encryptString(plain).toString('base64');
  }

  open(sealed: string): string {
    return this.safeStorage.decryptString(Buffer.from(sealed, 'base64'));
  }
}

/**
 * The OS keychain when there is a real one. On a Linux desk without libsecret or kwallet, safeStorage falls back
 * to a key written into Chromium itself ('basic_text'), weaker than the host's own owner-only key file, so the
 * host keeps its default (KeyFileSecretStore) there. Call after app ready: before it, Linux reports 'unknown'.
 */
export function osSecretStore(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): SecretStore | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend()))
    return undefined;
  return new SafeStorageSecretStore(safeStorage);
}
