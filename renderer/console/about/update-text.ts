// One sentence for what the updater is doing, in the console's language; shared by the notice and the about box.
import type { UpdateStatus } from '../../../src/common/update-api';
import { formatTime } from '../../shared/format';
import type { Lang, Translate } from '../../shared/i18n';

export function updateSentence(t: Translate, lang: Lang, s: UpdateStatus, now: number): string {
  switch (s.state) {
    case 'downloaded': {
      const version = s.version ?? '';
      const at = s.installAt ? Date.parse(s.installAt) : NaN;
      // Approved (or in the quiet hour) and only the room holds it back: no clock time to promise.
      if (!Number.isFinite(at) || at <= now) return t('update.downloadedAsap', { version });
      return t('update.downloaded', { version, time: formatTime(lang, s.installAt ?? '') });
    }
    case 'installing':
      return t('update.installing', { version: s.version ?? '' });
    case 'error':
      return t('update.error', { message: s.error ?? '' });
    default:
      return t(`update.${s.state}`);
  }
}

export function blockersSentence(t: Translate, s: UpdateStatus): string | null {
  if (s.state !== 'downloaded' || s.blockers.length === 0) return null;
  return t('update.waiting', { reasons: s.blockers.map((b) => t(`update.blocker.${b}`)).join(', ') });
}
