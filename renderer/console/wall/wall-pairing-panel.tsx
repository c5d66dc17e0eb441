// "Pasangkan layar dinding": the link each wall PC opens, as `nawa serve` serves it, with a copy button. Beyond
// loopback each link carries its wall's pairing token, so the tokens stay hidden until asked for and the panel is
// not there at all for a role the host refuses the links to (src/common/access-policy.ts).
import { useId, useState } from 'react';
import { mayRequest } from '../../../src/common/access-policy';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { WallPairing } from '../../../src/common/wall-pairing-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { useWallPairing } from './queries';
import { copyText, maskedUrl } from './wall-pairing-model';

export function WallPairingPanel({ operator }: { operator: OperatorInfo }) {
  return mayRequest(operator.role, 'wall.pairing') ? <PairingLinks /> : null;
}

function PairingLinks() {
  const t = useT();
  const headingId = useId();
  const pairing = useWallPairing(true);
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<{ wall: number; ok: boolean } | null>(null);
  const data: WallPairing | undefined = pairing.data;
  const tokens = data?.reason === null;

  const copy = async (wall: number, url: string) => setCopied({ wall, ok: await copyText(url) });

  return (
    <section className="wall-pairing" aria-labelledby={headingId} data-testid="wall-pairing">
      <h3 id={headingId}>{t('pairing.title')}</h3>
      {pairing.isError && (
        <p className="form-error" role="alert">
          {t('pairing.failed', { message: errorText(t, pairing.error) })}
        </p>
      )}
      {data && (
        <p className="muted">
          {data.reason === 'no_remote_walls'
            ? t('pairing.noRemoteWalls')
            : data.reason === 'loopback'
              ? t('pairing.loopback')
              : t('pairing.hint')}
        </p>
      )}
      {tokens && (
        <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {t('pairing.showTokens')}
        </button>
      )}
      {data && data.walls.length > 0 && (
        <ol className="pairing-list">
          {data.walls.map((w) => (
            <li key={w.wall} data-testid={`pairing-wall-${w.wall}`}>
              <span className="pairing-wall">{t('pairing.wall', { n: w.wall })}</span>
              <span className="pairing-links">
                {w.urls.map((url) => (
                  <span key={url} className="pairing-link">
                    <code data-testid="pairing-url">{shown ? url : maskedUrl(url)}</code>
                    <button
                      type="button"
                      aria-label={t('pairing.copy', { n: w.wall })}
                      onClick={() => void copy(w.wall, url)}
                    >
                      {t('pairing.copyShort')}
                    </button>
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p role="status" className="muted pairing-copied">
        {copied && t(copied.ok ? 'pairing.copied' : 'pairing.copyFailed', { n: copied.wall })}
      </p>
    </section>
  );
}
