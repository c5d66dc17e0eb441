// What each view of the console shows, and the state the views share (the incident picked, the filters, a place
// to show on the map). The frame around them (header, tabs, guide) is the console shell (shell/console-shell.tsx).
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { OperatorInfo } from '../../src/common/central-api';
import type { IncidentView } from '../../src/common/host-api';
import type { PlaceEntry } from '../../src/common/geo/place-search';
import { useT } from '../shared/i18n';
import { AccountsPanel } from './accounts/accounts-panel';
import { ConnectivityPanel } from './shell/connectivity-panel';
import { DecisionForm } from './decisions/decision-form';
import { DecisionLog } from './decisions/decision-log';
import { IncidentEditor } from './incidents/incident-editor';
import { filterIncidents, isFiltered, NO_FILTER } from './incidents/incident-filter';
import { IncidentFilters } from './incidents/incident-filters';
import { useIncidentSearch } from './incidents/incident-flow-queries';
import { useParked } from './incidents/incident-queries';
import { IncidentList } from './incidents/incident-list';
import { IncidentTimeline } from './incidents/incident-timeline';
import { useIncidents } from './incidents/queries';
import { MapPanel } from './map/map-panel';
import { ReviewPanel } from './review/review-panel';
import { canEditIncidents } from './session/roles';
import { ConsoleShell } from './shell/console-shell';
import { useSectorAlerts } from './sectors/sector-queries';
import { SectorView } from './shell/sector-view';
import { landingView, type ViewId } from './shell/views';
import { DataAge } from './sync/data-age';
import { WallPanel } from './wall/wall-panel';

const NO_INCIDENTS: IncidentView[] = [];

export function Dashboard({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const incidentsHeading = useId();
  const [view, setView] = useState<ViewId>(() => landingView(operator.role));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mapFocus, setMapFocus] = useState<PlaceEntry | null>(null);
  const incidents = useIncidents().data?.incidents ?? NO_INCIDENTS;
  const [filter, setFilter] = useState(NO_FILTER);
  const search = useIncidentSearch(filter.query);
  const matchIds = search.data?.ids;
  const shown = useMemo(() => {
    const matches = filter.query.trim() ? new Set(matchIds ?? []) : null;
    return filterIncidents(incidents, filter, matches);
  }, [incidents, filter, matchIds]);
  const selected = incidents.find((i) => i.id === selectedId) ?? null;
  const refused = useParked().data?.entries.length ?? 0;
  const kpiAlerts = useSectorAlerts().data?.alerts.length ?? 0;

  const content: Record<ViewId, () => ReactNode> = {
    map: () => (
      <>
        <div className="panel map-panel">
          <MapPanel
            operator={operator}
            incidents={incidents}
            selectedId={selectedId}
            onSelect={setSelectedId}
            focus={mapFocus}
          />
        </div>
        <section className="panel shell-scroll incidents-column" aria-labelledby={incidentsHeading} data-guide="find">
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
        </section>
        <section className="panel shell-scroll incident-details" aria-label={t('shell.incidentDetails')}>
          {canEditIncidents(operator.role) ? (
            <IncidentEditor operator={operator} incident={selected} onDone={setSelectedId} />
          ) : (
            <p className="note">{t('shell.incidentReadOnly', { role: t(`role.${operator.role}`) })}</p>
          )}
          {selected && <IncidentTimeline incidentId={selected.id} operator={operator} />}
        </section>
      </>
    ),
    decisions: () => (
      <>
        <div className="shell-scroll decisions-column">
          <ReviewPanel />
          <div className="panel" data-guide="decide">
            <DecisionForm operator={operator} incidents={incidents} selectedIncidentId={selectedId} />
          </div>
        </div>
        <DecisionLog incidents={incidents} operator={operator} />
      </>
    ),
    // The one place that chooses what the Sektor view shows (shell/sector-view.tsx).
    sectors: () => <SectorView operator={operator} />,
    connectivity: () => (
      <ConnectivityPanel
        onShowSite={(s) => {
          setMapFocus({ id: s.id, kind: s.kind === 'opd' ? 'opd' : 'place', name: s.name, lat: s.lat, lon: s.lon });
          setView('map');
        }}
      />
    ),
    wall: () => <WallPanel operator={operator} hotkeys={view === 'wall'} />,
    accounts: () => <AccountsPanel self={operator.id} />,
  };

  return (
    <ConsoleShell
      operator={operator}
      view={view}
      onView={setView}
      content={content}
      badges={{ decisions: refused, sectors: kpiAlerts }}
    />
  );
}
