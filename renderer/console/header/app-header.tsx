import type { ReactNode } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import { AboutButton } from '../about/about-dialog';
import { UpdateNotice } from '../about/update-notice';
import { useT } from '../../shared/i18n';
import { useLogout } from '../session/queries';
import { SyncIndicator } from '../sync/sync-indicator';
import { LanguageSwitch } from './language-switch';
import { TamperAlarm } from './tamper-alarm';
import { SectorAlarm } from '../sectors/sector-alerts';

/** `help`: the console shell's button that opens the first-run guide. */
export function AppHeader({ operator, help }: { operator: OperatorInfo; help?: ReactNode }) {
  const t = useT();
  const logout = useLogout();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-sub">{t('login.subtitle')}</span>
      </div>
      <SyncIndicator />
      <TamperAlarm />
      <SectorAlarm />
      <UpdateNotice operator={operator} />
      <div className="header-tools">
        {help}
        <div className="operator" role="group" aria-label={t('header.operator')}>
          <span className="operator-name">{operator.name}</span>
          <span className="role-badge">{t(`role.${operator.role}`)}</span>
        </div>
        <LanguageSwitch />
        <AboutButton />
        <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
