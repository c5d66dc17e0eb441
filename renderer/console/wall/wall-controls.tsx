import { useId, useState, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { WallState } from '../../../src/common/host-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { useWallSetting } from './queries';

type UndoMutation = UseMutationResult<WallState, Error, void>;

/** Undo of the last switch, identify mode and bezel compensation, for presenters and supervisors. */
export function WallControls({
  state,
  layouts,
  allowed,
  undo,
  readOnlyNoteId,
}: {
  state: WallState | undefined;
  layouts: readonly { id: string; name: string }[];
  allowed: boolean;
  undo: UndoMutation;
  readOnlyNoteId: string;
}) {
  const t = useT();
  const undoHintId = useId();
  const bezelId = useId();
  const setting = useWallSetting();
  const [draft, setDraft] = useState<string | null>(null);
  const undoName = layouts.find((l) => l.id === state?.undoLayoutId)?.name ?? null;
  const identify = state?.identify ?? false;
  const bezel = draft ?? String(state?.bezelPx ?? 0);
  const described = allowed ? undefined : readOnlyNoteId;

  const applyBezel = (e: FormEvent) => {
    e.preventDefault();
    const px = Number(bezel);
    if (!Number.isInteger(px) || px < 0 || px > 400) return;
    setting.mutate({ bezelPx: px }, { onSuccess: () => setDraft(null) });
  };

  return (
    <div className="wall-controls">
      <div className="wall-undo">
        <button
          type="button"
          disabled={!allowed || !undoName || undo.isPending}
          onClick={() => undo.mutate()}
          aria-keyshortcuts="Control+Z U"
          aria-describedby={allowed ? undoHintId : `${undoHintId} ${readOnlyNoteId}`}
        >
          {t('wall.undo')}
        </button>
        <span id={undoHintId} className="muted">
          {undoName ? t('wall.undoTo', { name: undoName }) : t('wall.undoNone')}
        </span>
      </div>
      {undo.isError && (
        <p className="form-error" role="alert">
          {t('wall.switchFailed', { message: errorText(t, undo.error) })}
        </p>
      )}
      <form className="wall-settings" aria-label={t('wall.settings')} onSubmit={applyBezel}>
        <button
          type="button"
          aria-pressed={identify}
          disabled={!allowed || setting.isPending}
          aria-describedby={described}
          onClick={() => setting.mutate({ identify: !identify })}
        >
          {t('wall.identify')}
        </button>
        <label htmlFor={bezelId}>{t('wall.bezel')}</label>
        <input
          id={bezelId}
          type="number"
          inputMode="numeric"
          min={0}
          max={400}
          step={1}
          value={bezel}
          disabled={!allowed}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={!allowed || setting.isPending || draft === null}>
          {t('wall.bezelApply')}
        </button>
      </form>
      {setting.isError && (
        <p className="form-error" role="alert">
          {t('wall.settingFailed', { message: errorText(t, setting.error) })}
        </p>
      )}
    </div>
  );
}
