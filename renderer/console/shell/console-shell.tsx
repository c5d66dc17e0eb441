// The console's frame: the header (sync state, pending writes, data age, alarms: always in view), the views as
// tabs, and the chosen view filling the rest of one screen; panels scroll inside themselves, the page never does.
// A view is built the first time it is opened and then kept (hidden), so the map, filters and half-typed forms
// survive a look at another view.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import { useT } from '../../shared/i18n';
import { FirstRunGuide } from '../guide/first-run-guide';
import type { GuideStepId } from '../guide/guide-steps';
import { useGuideState, useSetGuideSeen } from '../guide/queries';
import { AppHeader } from '../header/app-header';
import { OfflineBanner } from '../sync/sync-indicator';
import { panelId, tabId, ViewTabs } from './view-tabs';
import { viewForKey, viewsFor, type ViewId } from './views';
import './shell.css';

interface Props {
  operator: OperatorInfo;
  view: ViewId;
  onView: (view: ViewId) => void;
  /** What each view shows; called only for views that have been opened. */
  content: Record<ViewId, () => ReactNode>;
  badges?: Partial<Record<ViewId, number>>;
}

export function ConsoleShell({ operator, view, onView, content, badges }: Props) {
  const t = useT();
  const idBase = useId().replace(/:/g, '');
  const views = useMemo(() => viewsFor(operator.role), [operator.role]);
  const shown = views.includes(view) ? view : views[0]!;
  const [opened, setOpened] = useState<ReadonlySet<ViewId>>(() => new Set([shown]));
  if (!opened.has(shown)) setOpened(new Set([...opened, shown]));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const to = viewForKey(e, views);
      if (!to) return;
      e.preventDefault();
      onView(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [views, onView]);

  const guide = useGuide(shown, onView);

  return (
    <div className="console-shell" data-view={shown} data-guide={guide.state} data-guide-step={guide.step ?? undefined}>
      <div className="top-bar">
        <AppHeader operator={operator} help={guide.button} />
        <OfflineBanner />
      </div>
      <nav className="view-nav" aria-label={t('shell.views')}>
        <ViewTabs idBase={idBase} views={views} active={shown} onSelect={onView} badges={badges} />
      </nav>
      <main className="shell-main">
        <h1 className="visually-hidden">
          {t(`shell.view.${shown}`)} — {t('app.title')}
        </h1>
        {views
          .filter((v) => opened.has(v))
          .map((v) => (
            <div
              key={v}
              id={panelId(idBase, v)}
              role="tabpanel"
              aria-labelledby={tabId(idBase, v)}
              hidden={v !== shown}
              className={`view view-${v}`}
            >
              {content[v]()}
            </div>
          ))}
      </main>
      {guide.open && (
        <FirstRunGuide role={operator.role} onClose={guide.close} onView={onView} onStep={guide.setStep} />
      )}
    </div>
  );
}

/**
 * The guide opens by itself at the first login of each operator on this console (the host remembers), and from
 * the header's button at any time. Closing it goes back to the view it started from and marks it seen.
 */
function useGuide(view: ViewId, onView: (view: ViewId) => void) {
  const t = useT();
  const state = useGuideState();
  const setSeen = useSetGuideSeen();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<GuideStepId | null>(null);
  const decided = useRef(false);
  const startedAt = useRef<ViewId>(view);
  const button = useRef<HTMLButtonElement>(null);
  const viewRef = useRef(view);
  viewRef.current = view;

  const show = useCallback(() => {
    startedAt.current = viewRef.current;
    setOpen(true);
  }, []);
  useEffect(() => {
    if (decided.current || state.isPending) return;
    decided.current = true;
    // If the host cannot say, the guide stays closed: the button still opens it, and nobody is blocked.
    if (state.data && !state.data.seen) show();
  }, [state.isPending, state.data, show]);

  const close = useCallback(() => {
    setOpen(false);
    onView(startedAt.current);
    if (!state.data?.seen) setSeen.mutate(true);
    button.current?.focus();
  }, [onView, setSeen, state.data?.seen]);

  return {
    open,
    step,
    setStep,
    close,
    state: state.isPending ? 'pending' : open ? 'open' : 'closed',
    button: (
      <button
        ref={button}
        type="button"
        className="help-button"
        title={t('shell.helpTitle')}
        aria-expanded={open}
        onClick={() => (open ? close() : show())}
      >
        <span className="help-mark" aria-hidden="true">
          ?
        </span>{' '}
        {t('shell.help')}
      </button>
    ),
  };
}
