import { formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { useWallDecisions } from '../queries';
import { TileFrame } from './tile-frame';

const STATE_KEYS = { pending: 'decision.statePending', synced: null, rejected: null } as const;

export function DecisionsTile() {
  const t = useT();
  const lang = useLang();
  const { data } = useWallDecisions();
  const decisions = data?.decisions ?? [];
  return (
    <TileFrame title={t('tile.decisions')} empty={!data} className="decisions-tile">
      {decisions.length === 0 ? (
        <p className="tile-empty">{t('decision.logEmpty')}</p>
      ) : (
        <ol className="wall-decisions">
          {decisions.map((d) => {
            const stateKey = STATE_KEYS[d.state];
            return (
              <li key={d.id} className={`wall-decision state-${d.state}`}>
                <span className="wall-decision-time">{formatTime(lang, d.decidedAt, false)}</span>
                <span className="wall-decision-summary">{d.summary}</span>
                <span className="wall-decision-action">{d.action}</span>
                {stateKey && <span className="wall-decision-state">{t(stateKey)}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </TileFrame>
  );
}
