// Each operator's Ed25519 key on this console: made at their first login here, the private half sealed at rest
// like the tokens, the public half published through the outbox ahead of the operator's first decision.
import { randomUUID } from 'node:crypto';
import { signingPayload } from '../../common/decision-signing';
import { DecisionInput } from '../../common/entities';
import { generateSigningKeyPair, signText } from '../signing/ed25519';
import type { ConsoleStore } from '../store/console-store';
import type { SecretStore } from '../ports/secret-store';

const PREFIX = 'signkey:';
interface Held {
  keyId: string;
  privateKey: string;
}

export class SigningKeys {
  constructor(
    private readonly store: ConsoleStore,
    private readonly secrets: SecretStore,
    private readonly consoleId: string,
  ) {}

  /** The operator's key here, made (and its publication queued) when there is none or it cannot be opened. */
  ensure(operatorId: string, now: Date): string {
    return this.held(operatorId, now).keyId;
  }

  /** The decision with keyId and signature, as the contract's `s` for this operator on this console. */
  sign(input: DecisionInput, operatorId: string, now: Date): DecisionInput & { keyId: string; signature: string } {
    const { keyId, privateKey } = this.held(operatorId, now);
    // Signed as the hub will publish it: after the schema's own normalising (trimmed text).
    const { keyId: _k, signature: _s, ...fields } = DecisionInput.parse(input);
    const payload = signingPayload({ ...fields, operatorId, consoleId: this.consoleId, keyId });
    return { ...fields, keyId, signature: signText(privateKey, payload) };
  }

  /**
   * The operator logged out: the private half is dropped, so nothing left on this console can sign in their name.
   * Their next login here makes and publishes a new key; decisions already signed keep verifying with the old
   * public key, which stays published.
   */
  forget(operatorId: string): void {
    this.store.setSetting(PREFIX + operatorId, null);
  }

  private held(operatorId: string, now: Date): Held {
    const sealed = this.store.setting(PREFIX + operatorId);
    if (sealed) {
      try {
        return JSON.parse(this.secrets.open(sealed)) as Held;
      } catch {
        // Sealed on another machine or damaged: a new key is made and published; the old one signs nothing more.
      }
    }
    const pair = generateSigningKeyPair();
    const held: Held = { keyId: randomUUID(), privateKey: pair.privateKey };
    const clientTime = now.toISOString();
    this.store.transaction(() => {
      this.store.setSetting(PREFIX + operatorId, this.secrets.seal(JSON.stringify(held)));
      this.store.outbox.write({
        id: randomUUID(),
        entity: 'signing_key',
        recordId: held.keyId,
        op: 'upsert',
        data: { id: held.keyId, publicKey: pair.publicKey },
        clientTime,
        operatorId,
        shown: () => null,
      });
    });
    return held;
  }
}
