// The one place that chooses what the console's Sektor view shows. For now the overview (site states and the
// latest indicator of each series); the sector dashboards (renderer/console/sectors/, SectorDashboard) take its
// place here when they land: import them and return them instead, nothing else in the shell changes.
import { OverviewPanel } from '../overview/overview-panel';

export function SectorView() {
  return <OverviewPanel />;
}
