// The first-run guide: a short tour of the room's three core tasks. Not modal: each step opens its view behind
// the guide and outlines where the task is done, so the operator can try it while reading. Closing it (×, Esc
// or "Selesai") marks it seen for this operator on this console; the header's "Panduan" opens it again.
import { useEffect, useId, useRef, useState } from 'react';
import type { Role } from '../../../src/common/entities';
import { useT } from '../../shared/i18n';
import { shortcutOf, type ViewId } from '../shell/views';
import { guideSteps, type GuideStepId } from './guide-steps';

const TEXT = {
  find: { title: 'guide.find.title', body: 'guide.find.body' },
  decide: { title: 'guide.decide.title', body: 'guide.decide.body' },
  wall: { title: 'guide.wall.title', body: 'guide.wall.body' },
} as const;

interface Props {
  role: Role;
  onClose: () => void;
  /** Opens the step's view behind the guide. */
  onView: (view: ViewId) => void;
  /** The step shown, for the shell to outline its task area; null once closed. */
  onStep: (step: GuideStepId | null) => void;
}

export function FirstRunGuide({ role, onClose, onView, onStep }: Props) {
  const t = useT();
  const titleId = useId();
  const bodyId = useId();
  const box = useRef<HTMLElement>(null);
  const steps = guideSteps(role);
  const [index, setIndex] = useState(0);
  const step = steps[index]!;
  const last = index === steps.length - 1;

  useEffect(() => {
    onView(step.view);
    onStep(step.id);
  }, [step.view, step.id, onView, onStep]);
  useEffect(() => () => onStep(null), [onStep]);
  // Opened, the guide takes the focus, so a keyboard or screen-reader user starts in it.
  useEffect(() => {
    box.current?.focus();
  }, []);

  return (
    <section
      ref={box}
      className="guide-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="guide-head">
        <h2 id={titleId}>{t('guide.title')}</h2>
        <button
          type="button"
          className="guide-close"
          aria-label={t('guide.close')}
          title={t('guide.close')}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {index === 0 && <p className="muted guide-intro">{t('guide.intro')}</p>}
      <p className="guide-count" aria-live="polite">
        {t('guide.step', { n: index + 1, total: steps.length })}
      </p>
      <ol className="guide-steps">
        {steps.map((s, i) => (
          <li
            key={s.id}
            aria-current={i === index ? 'step' : undefined}
            className={i === index ? 'current' : undefined}
          >
            {t(TEXT[s.id].title)}
          </li>
        ))}
      </ol>
      <div id={bodyId} className="guide-body">
        <h3>{t(TEXT[step.id].title)}</h3>
        <p>{t(TEXT[step.id].body, { key: shortcutOf(step.view) })}</p>
        {step.blocked && <p className="note">{t(step.blocked, { role: t(`role.${role}`) })}</p>}
        {last && <p className="muted">{t('guide.reopen')}</p>}
      </div>
      <div className="guide-actions">
        <button type="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('guide.back')}
        </button>
        {last ? (
          <button type="button" className="primary" onClick={onClose}>
            {t('guide.finish')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => setIndex(index + 1)}>
            {t('guide.next')}
          </button>
        )}
      </div>
    </section>
  );
}
