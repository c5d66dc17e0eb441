// The layout editor, a modal dialog: name, the grid, the selected tile's place, size and source, and what
// still stops saving, in plain words. Saving goes to the host, which records it through the outbox.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { checkLayout, type LayoutDraft } from '../../../src/common/layout-check';
import { useT } from '../../shared/i18n';
import { addTile, defaultSource, placeTile, removeTile, setSource } from './layout-editor-model';
import { LayoutGridEditor } from './layout-grid-editor';
import { useDismissLostEdit, useSaveLayout } from './plan-queries';
import { layoutProblemText, planErrorText, tileLabel } from './plan-text';
import { TileSourceForm } from './tile-source-form';

export interface EditTarget {
  draft: LayoutDraft;
  /** The version the presenter edits; absent for a new layout. */
  baseVersion?: number;
  /** A lost edit taken up again: put away once this save succeeds. */
  lostEditId?: string;
}

export function LayoutEditor({
  target,
  otherNames,
  onClose,
}: {
  target: EditTarget;
  otherNames: readonly string[];
  onClose: () => void;
}) {
  const t = useT();
  const ids = { title: useId(), name: useId(), problems: useId(), col: useId(), row: useId(), w: useId(), h: useId() };
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(target.draft);
  const [selected, setSelected] = useState<string | null>(target.draft.tiles[0]?.id ?? null);
  const [blocked, setBlocked] = useState(false);
  const save = useSaveLayout();
  const dismissLost = useDismissLostEdit();
  const problems = checkLayout(draft, otherNames);
  const tile = draft.tiles.find((x) => x.id === selected) ?? null;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const place = (field: 'x' | 'y' | 'w' | 'h', raw: string) => {
    if (!tile || raw === '') return;
    const value = Number(raw) - (field === 'x' || field === 'y' ? 1 : 0);
    const next = placeTile(draft, tile.id, { x: tile.x, y: tile.y, w: tile.w, h: tile.h, [field]: value });
    setBlocked(next === null);
    if (next) setDraft(next);
  };

  const add = (x: number, y: number) => {
    const added = addTile(draft, x, y, defaultSource('clock'));
    if (!added) return;
    setDraft(added.draft);
    setSelected(added.tileId);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problems.length > 0) return;
    save.mutate(
      {
        layout: { ...draft, name: draft.name.trim() },
        ...(target.baseVersion === undefined ? {} : { baseVersion: target.baseVersion }),
      },
      {
        onSuccess: () => {
          if (target.lostEditId) dismissLost.mutate(target.lostEditId);
          onClose();
        },
      },
    );
  };

  const number = (id: string, field: 'x' | 'y' | 'w' | 'h', label: string, value: number, max: number) => (
    <div className="position-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        step={1}
        value={value}
        onChange={(e) => place(field, e.target.value)}
      />
    </div>
  );

  return (
    // Keys pressed in the editor stay in it: the wall hotkeys (1–9, U) must not switch the wall meanwhile.
    <dialog
      ref={dialog}
      className="layout-editor"
      aria-labelledby={ids.title}
      data-testid="layout-editor"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={submit}>
        <h2 id={ids.title}>{target.baseVersion === undefined ? t('editor.titleNew') : t('editor.titleEdit')}</h2>
        <label htmlFor={ids.name}>{t('editor.name')}</label>
        <input
          id={ids.name}
          required
          maxLength={120}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <div className="layout-editor-body">
          <div className="layout-editor-grid">
            <p className="muted">{t('editor.keysHint')}</p>
            <LayoutGridEditor
              draft={draft}
              selected={selected}
              onSelect={setSelected}
              onChange={setDraft}
              onAdd={add}
              onBlocked={setBlocked}
            />
            <p className="editor-blocked" role="status" aria-live="polite">
              {blocked ? t('editor.blocked') : ''}
            </p>
          </div>
          <div className="layout-editor-tile">
            {tile ? (
              <>
                <h3>{t('editor.selected', { label: tileLabel(t, tile) })}</h3>
                <fieldset className="position-fields">
                  <legend>{t('editor.position')}</legend>
                  {number(ids.col, 'x', t('editor.col'), tile.x + 1, draft.grid.cols)}
                  {number(ids.row, 'y', t('editor.row'), tile.y + 1, draft.grid.rows)}
                  {number(ids.w, 'w', t('editor.width'), tile.w, draft.grid.cols)}
                  {number(ids.h, 'h', t('editor.height'), tile.h, draft.grid.rows)}
                </fieldset>
                <TileSourceForm source={tile.source} onChange={(s) => setDraft(setSource(draft, tile.id, s))} />
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    setDraft(removeTile(draft, tile.id));
                    setSelected(null);
                  }}
                >
                  {t('editor.removeTile', { label: tileLabel(t, tile) })}
                </button>
              </>
            ) : (
              <p className="muted">{t('editor.noneSelected')}</p>
            )}
          </div>
        </div>
        {problems.length > 0 && (
          <div id={ids.problems} className="editor-problems" data-testid="editor-problems">
            <p>{t('editor.problems')}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{layoutProblemText(t, p, draft.tiles)}</li>
              ))}
            </ul>
          </div>
        )}
        {save.isError && (
          <p className="form-error" role="alert">
            {t('editor.saveFailed', { message: planErrorText(t, save.error, { tiles: draft.tiles }) })}
          </p>
        )}
        <p className="muted">{t('editor.offlineNote')}</p>
        <div className="editor-actions">
          <button
            type="submit"
            className="primary"
            disabled={save.isPending || problems.length > 0}
            aria-describedby={problems.length > 0 ? ids.problems : undefined}
          >
            {save.isPending ? t('editor.saving') : t('editor.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('editor.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
