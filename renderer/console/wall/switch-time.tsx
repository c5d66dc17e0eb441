import type { LastSwitch } from '../../../src/common/host-api';
import { useT } from '../../shared/i18n';

/** The measured switch: "9/9 layar menampilkan dalam 38 ms", from the request to the last wall's acknowledgement. */
export function SwitchTime({ last }: { last: LastSwitch | null }) {
  const t = useT();
  if (!last) return null;
  const done = last.allPaintedMs !== null;
  const text =
    last.connected === 0
      ? t('wall.switchNoScreens')
      : done
        ? t('wall.switchTime', { painted: last.painted, total: last.connected, ms: Math.round(last.allPaintedMs!) })
        : t('wall.switchWaiting', { painted: last.painted, total: last.connected });
  return (
    <p
      className={`wall-switch-time ${done ? 'ok' : 'warn'}`}
      role="status"
      data-testid="wall-switch-time"
      data-state-version={last.stateVersion}
      data-ms={done ? String(last.allPaintedMs) : ''}
    >
      {text}
    </p>
  );
}
