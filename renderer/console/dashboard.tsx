import { useId, useMemo, useState } from 'react';
import type { OperatorInfo } from '../../src/common/central-api';
import type { IncidentView } from '../../src/common/host-api';
import { useT } from '../shared/i18n';
import { DecisionForm } from './decisions/decision-form';
import { DecisionLog } from './decisions/decision-log';
import { AppHeader } from './header/app-header';
import { IncidentEditor } from './incidents/incident-editor';
import { filterIncidents, isFiltered, NO_FILTER } from './incidents/incident-filter';
import { IncidentFilters } from './incidents/incident-filters';
import { useIncidentSearch } from './incidents/incident-flow-queries';
import { IncidentTimeline } from './incidents/incident-timeline';
import { IncidentList } from './incidents/incident-list';
import { useIncidents } from './incidents/queries';
import { MapPanel } from './map/map-panel';
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
  const [filter, setFilter] = useState(NO_FILTER);
  const search = useIncidentSearch(filter.query);
  const matchIds = search.data?.ids;
  const shown = useMemo(() => {
    const matches = filter.query.trim() ? new Set(matchIds ?? []) : null;
    return filterIncidents(incidents, filter, matches);
  }, [incidents, filter, matchIds]);
  const selected = incidents.find((i) => i.id === selectedId) ?? null;

  return (
    <>
      <div className="top-bar">
        <AppHeader operator={operator} />
        <OfflineBanner />
      </div>
      <main className="dashboard">
        <div className="area-map panel map-panel">
          <MapPanel operator={operator} incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
        </div>
        <section className="area-incidents panel" aria-labelledby={incidentsHeading}>
          <h2 id={incidentsHeading}>
            {t('incident.listTitle')} ({incidents.length}) <DataAge />
          </h2>
          <IncidentFilters filter={filter} onChange={setFilter} shown={shown.length} total={incidents.length} />
          <IncidentList
            incidents={shown}
            selectedId={selectedId}
            onSelect={setSelectedId}
            filtered={isFiltered(filter)}
          />
          <IncidentEditor operator={operator} incident={selected} onDone={setSelectedId} />
          {selected && <IncidentTimeline incidentId={selected.id} operator={operator} />}
        </section>
        <div className="area-decisions">
          <ReviewPanel />
          <div className="panel">
            <DecisionForm operator={operator} incidents={incidents} selectedIncidentId={selectedId} />
          </div>
          <DecisionLog incidents={incidents} operator={operator} />
        </div>
        <div className="area-wall">
          <WallPanel operator={operator} />
        </div>
        <div className="area-overview">
          <OverviewPanel />
        </div>
        {operator.role === 'supervisor' && (
          <div className="area-accounts">
            <AccountsPanel self={operator.id} />
          </div>
        )}
      </main>
    </>
  );
}
