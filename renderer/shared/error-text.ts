// What an operator reads when a request fails: the host's codes mapped to plain sentences.
import { HostRequestError } from '../../src/common/host-api';
import type { Translate } from './i18n/translate';
import { CLIENT_ERRORS } from './host-result';

const WRONG_CREDENTIALS = new Set(['invalid_credentials', 'bad_credentials', 'wrong_password', 'unauthorized', 'unauthenticated']);
const UNREACHABLE = new Set<string>([CLIENT_ERRORS.unreachable, CLIENT_ERRORS.timeout, CLIENT_ERRORS.connectionLost]);

export function errorText(t: Translate, error: unknown, context: 'login' | 'other' = 'other'): string {
  if (!(error instanceof HostRequestError)) {
    return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  }
  if (context === 'login' && WRONG_CREDENTIALS.has(error.code)) return t('error.wrongCredentials');
  if (UNREACHABLE.has(error.code)) return t('error.unreachable');
  if (error.code === 'forbidden') return t('error.forbidden');
  if (error.code === 'offline_unknown') return t('error.offlineUnknown');
  if (error.code === 'invalid_transition') return t('error.invalidTransition');
  if (error.code === 'assignment_required') return t('error.assignmentRequired');
  if (error.code === 'reason_required') return t('error.reasonRequired');
  if (error.code === 'invalid_input' || error.code === 'bad_request') return t('error.invalid', { message: error.message });
  return t('error.generic', { message: error.message });
}
