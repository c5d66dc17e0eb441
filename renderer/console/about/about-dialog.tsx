// The about box: Nawa's version, the central API's (the one this console speaks and the one the server serves),
// and what the updater is doing.
import { useEffect, useId, useRef, useState } from 'react';
import './about.css';
import { formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { useAbout, useUpdateStatus } from './queries';
import { blockersSentence, updateSentence } from './update-text';

export function AboutButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="about-open">
        {t('about.open')}
      </button>
      {open && <AboutDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function AboutDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const title = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const { data: about } = useAbout(true);
  const { data: update } = useUpdateStatus();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const served = about?.centralApi.served;
  return (
    <dialog
      ref={dialog}
      className="about-dialog"
      aria-labelledby={title}
      data-testid="about-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={title}>{t('about.title')}</h2>
      <dl>
        <dt>{t('about.nawaVersion')}</dt>
        <dd data-testid="about-nawa-version">{about?.nawaVersion ?? update?.current ?? '…'}</dd>
        <dt>{t('about.centralApi')}</dt>
        <dd data-testid="about-central-version">
          {about ? (
            <>
              {t('about.centralSpoken', { spoken: about.centralApi.spoken })}
              {'; '}
              {served ? t('about.centralServed', { served }) : t('about.centralUnreachable')}
              <span className="muted"> ({about.centralApi.url})</span>
            </>
          ) : (
            '…'
          )}
        </dd>
        <dt>{t('about.updates')}</dt>
        <dd data-testid="about-update">
          {update ? (
            <>
              {updateSentence(t, lang, update, Date.now())}
              {blockersSentence(t, update) && <> {blockersSentence(t, update)}</>}
              {update.channel && <div className="muted">{t('about.channel', { channel: update.channel })}</div>}
              {update.lastCheckAt && (
                <div className="muted">{t('about.lastCheck', { time: formatTime(lang, update.lastCheckAt) })}</div>
              )}
            </>
          ) : (
            '…'
          )}
        </dd>
      </dl>
      <button type="button" onClick={onClose}>
        {t('about.close')}
      </button>
    </dialog>
  );
}
