// What an operator reads when a request fails: the host's code (a closed set, src/common/host-errors.ts) worded
// from the dictionaries with its parameters. The host's `message` is a note for logs and is never shown.
import { HostRequestError } from '../../src/common/host-api';
import { isHostErrorCode } from '../../src/common/host-errors';
import type { MessageKey, Translate } from './i18n/translate';

export function errorText(t: Translate, error: unknown, context: 'login' | 'other' = 'other'): string {
  if (!(error instanceof HostRequestError)) {
    return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  }
  if (!isHostErrorCode(error.code)) return t('error.generic', { message: error.code });
  // Logging in, "not logged in" can only mean the credentials did not do it.
  const code = context === 'login' && error.code === 'unauthenticated' ? 'bad_credentials' : error.code;
  return t(`hostError.${code}` as MessageKey, error.params);
}
