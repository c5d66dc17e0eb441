// The one place that chooses what the console's Sektor view shows: the sector dashboards.
import type { OperatorInfo } from '../../../src/common/central-api';
import { SectorDashboard } from '../sectors/sector-dashboard';

export function SectorView({ operator }: { operator: OperatorInfo }) {
  return <SectorDashboard operator={operator} />;
}
