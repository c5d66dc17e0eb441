// Presenters create, duplicate, edit and delete the room's layouts here, and see edits the central side did
// not take. Other roles see the list without the actions.
import { useId, useState } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { Layout } from '../../../src/common/layout';
import type { LayoutLostEdit } from '../../../src/common/wall-plan-api';
import { useT } from '../../shared/i18n';
import { canSwitchWall } from '../session/roles';
import { LayoutEditor, type EditTarget } from './layout-editor';
import { copyName, duplicateDraft, emptyDraft } from './layout-editor-model';
import { LayoutThumbnail } from './layout-thumbnail';
import { orderLayouts } from './layout-order';
import { useDeleteLayout, useDismissLostEdit, useLayoutConflicts } from './plan-queries';
import { planErrorText } from './plan-text';
import { useLayouts, useWallState } from './queries';
import './wall-plan.css';

function LostEdits({
  edits,
  layouts,
  onReopen,
}: {
  edits: readonly LayoutLostEdit[];
  layouts: readonly Layout[];
  onReopen: (e: LayoutLostEdit) => void;
}) {
  const t = useT();
  const dismiss = useDismissLostEdit();
  const headingId = useId();
  if (edits.length === 0) return null;
  return (
    <section className="lost-edits" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('layouts.lostTitle')}</h4>
      <ul>
        {edits.map((e) => {
          const name = e.yours?.name ?? e.central?.name ?? layouts.find((l) => l.id === e.layoutId)?.name ?? e.layoutId;
          const text =
            e.state === 'rejected'
              ? t('layouts.lostRejected', { name, reason: e.message || e.code })
              : e.op === 'delete'
                ? t('layouts.lostDeleteConflict', { name })
                : t('layouts.lostConflict', { name });
          return (
            <li key={e.id} className="lost-edit" data-testid="lost-edit" data-state={e.state}>
              {e.yours && <LayoutThumbnail layout={e.yours} />}
              <p role="alert">{text}</p>
              {e.yours && (
                <button type="button" onClick={() => onReopen(e)}>
                  {t('layouts.lostReopen')}
                </button>
              )}
              <button type="button" disabled={dismiss.isPending} onClick={() => dismiss.mutate(e.id)}>
                {t('layouts.lostDismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function LayoutManager({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const headingId = useId();
  const listing = useLayouts();
  const current = useWallState().data?.layout?.id ?? null;
  const conflicts = useLayoutConflicts();
  const remove = useDeleteLayout();
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const allowed = canSwitchWall(operator.role);
  const layouts = orderLayouts(listing.data?.layouts ?? []);
  const pending = new Set(listing.data?.pending ?? []);
  const names = layouts.map((l) => l.name);

  const open = (target: EditTarget) => {
    setRefusal(null);
    setConfirming(null);
    remove.reset();
    setEditing(target);
  };
  const duplicate = (l: Layout) =>
    open({
      draft: duplicateDraft(
        l,
        crypto.randomUUID(),
        copyName(names, (n) =>
          n === null ? t('layouts.copyName', { name: l.name }) : t('layouts.copyNameN', { name: l.name, n }),
        ),
      ),
    });
  const create = () =>
    open({
      draft: emptyDraft(
        crypto.randomUUID(),
        copyName(names, (n) => (n === null ? t('layouts.newName') : `${t('layouts.newName')} ${n}`)),
      ),
    });
  const reopen = (e: LostEditLike) => {
    if (!e.yours) return;
    const now = layouts.find((l) => l.id === e.layoutId);
    open(
      now
        ? { draft: e.yours, baseVersion: now.version, lostEditId: e.id }
        : { draft: { ...e.yours, id: crypto.randomUUID() }, lostEditId: e.id },
    );
  };
  const askDelete = (l: Layout) => {
    remove.reset();
    // Refused here at once with the reason; the host refuses it too.
    if (l.id === current) {
      setConfirming(null);
      setRefusal(t('layouts.onWallRefused', { name: l.name }));
      return;
    }
    setRefusal(null);
    setConfirming(l.id);
  };
  const editingOthers = editing ? names.filter((_, i) => layouts[i]?.id !== editing.draft.id) : [];

  return (
    <section className="layout-manager" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('layouts.manageTitle')}</h3>
      {allowed && (
        <button type="button" className="primary" onClick={create}>
          {t('layouts.new')}
        </button>
      )}
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      {remove.isError && (
        <p className="form-error" role="alert">
          {t('layouts.deleteFailed', { message: planErrorText(t, remove.error) })}
        </p>
      )}
      <LostEdits edits={conflicts.data?.edits ?? []} layouts={layouts} onReopen={reopen} />
      <ul className="manage-list">
        {layouts.map((l) => (
          <li key={l.id} data-testid="manage-item" data-layout-id={l.id} data-pending={String(pending.has(l.id))}>
            <span className="layout-name">{l.name}</span>
            {pending.has(l.id) && <span className="badge warn">{t('layouts.pending')}</span>}
            {allowed && (
              <span className="manage-actions">
                <button
                  type="button"
                  onClick={() => open({ draft: duplicateDraft(l, l.id, l.name), baseVersion: l.version })}
                >
                  {t('layouts.edit', { name: l.name })}
                </button>
                <button type="button" onClick={() => duplicate(l)}>
                  {t('layouts.duplicate', { name: l.name })}
                </button>
                <button type="button" className="danger" onClick={() => askDelete(l)}>
                  {t('layouts.delete', { name: l.name })}
                </button>
              </span>
            )}
            {confirming === l.id && (
              <span className="confirm" role="group" aria-label={t('layouts.confirmDelete', { name: l.name })}>
                <span>{t('layouts.confirmDelete', { name: l.name })}</span>
                <button
                  type="button"
                  className="danger"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate({ id: l.id, baseVersion: l.version }, { onSettled: () => setConfirming(null) })
                  }
                >
                  {t('layouts.confirmYes')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('layouts.confirmNo')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {editing && <LayoutEditor target={editing} otherNames={editingOthers} onClose={() => setEditing(null)} />}
    </section>
  );
}

type LostEditLike = Pick<LayoutLostEdit, 'id' | 'layoutId' | 'yours'>;
