import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorText } from '../shared/error-text';
import { useHostEventBridge } from '../shared/host-query';
import { HostLinkBanner } from '../shared/host-link-banner';
import { useT } from '../shared/i18n';
import { Dashboard } from './dashboard';
import { LoginForm } from './session/login-form';
import { useSession } from './session/queries';

export function ConsoleApp() {
  const t = useT();
  useHostEventBridge(useQueryClient());
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  const session = useSession();

  let body;
  if (session.isPending) {
    body = (
      <main className="center-screen">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  } else if (session.isError) {
    body = (
      <main className="center-screen">
        <h1>{t('app.sessionError')}</h1>
        <p role="alert">{errorText(t, session.error)}</p>
        <button type="button" className="primary" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </main>
    );
  } else if (session.data.operator) {
    body = <Dashboard operator={session.data.operator} />;
  } else {
    body = <LoginForm />;
  }
  return (
    <>
      <HostLinkBanner />
      {body}
    </>
  );
}
