// Secrets the host keeps at rest (the operator's remembered hub credentials, tokens). In Electron the OS
// keystore does the work (`safeStorage`, adapted in main/safe-storage-secret-store.ts); the host only sees this.

export interface SecretStore {
  /** Encrypts with a key the OS holds for this user; throws when no keystore is available. */
  encrypt(plain: string): Buffer | string;
  /** Takes what `encrypt` returned; throws when it cannot be decrypted (other user, other machine, tampered). */
  decrypt(cipher: Buffer | string): string;
}
