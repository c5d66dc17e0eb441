import { useId, useState } from 'react';
import type { OperatorInfo } from '../../src/common/central-api';
import type { IncidentView } from '../../src/common/host-api';
import { useT } from '../shared/i18n';
import { DecisionForm } from './decisions/decision-form';
import { DecisionLog } from './decisions/decision-log';
import { AppHeader } from './header/app-header';
import { IncidentEditor } from './incidents/incident-editor';
import { IncidentList } from './incidents/incident-list';
import { IncidentMap } from './incidents/incident-map';
import { useIncidents } from './incidents/queries';
import { OverviewPanel } from './overview/overview-panel';
import { ReviewPanel } from './review/review-panel';
import { OfflineBanner } from './sync/sync-indicator';
import { WallPanel } from './wall/wall-panel';
import { DataAge } from './sync/data-age';
import { AccountsPanel } from './accounts/accounts-panel';

const NO_INCIDENTS: IncidentView[] = [];

export function Dashboard({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const incidentsHeading = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const incidents = useIncidents().data?.incidents ?? NO_INCIDENTS;

  return (
    <>
      <div className="top-bar">
        <AppHeader operator={operator} />
        <OfflineBanner />
      </div>
      <main className="dashboard">
        <div className="area-map panel map-panel">
          <IncidentMap incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
        </div>
        <section className="area-incidents panel" aria-labelledby={incidentsHeading}>
          <h2 id={incidentsHeading}>{t('incident.listTitle')} ({incidents.length}) <DataAge /></h2>
          <IncidentList incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
          <IncidentEditor operator={operator} incident={incidents.find((i) => i.id === selectedId) ?? null} onDone={setSelectedId} />
        </section>
        <div className="area-decisions">
          <ReviewPanel />
          <div className="panel">
            <DecisionForm operator={operator} incidents={incidents} selectedIncidentId={selectedId} />
          </div>
          <DecisionLog incidents={incidents} operator={operator} />
        </div>
        <div className="area-wall"><WallPanel operator={operator} /></div>
        <div className="area-overview"><OverviewPanel /></div>
        {operator.role === 'supervisor' && <div className="area-accounts"><AccountsPanel self={operator.id} /></div>}
      </main>
    </>
  );
}
