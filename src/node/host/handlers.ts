// Every request of the host contract has exactly one handler; the type fails the build if one is missing.
import type { HostContext } from './host-context';
import type { Handlers } from './handler-kit';
import { connectivityHandlers } from './connectivity-handlers';
import { accountHandlers } from './account-handlers';
import { dataHandlers } from './data-handlers';
import { incidentHandlers } from './incident-handlers';
import { incidentWorkflowHandlers } from './incident-workflow-handlers';
import { decisionLogHandlers } from './decision-log-handlers';
import { reportHandlers } from './report-handlers';
import { sessionHandlers } from './session-handlers';
import { trustHandlers } from './trust-handlers';
import { updateHandlers } from './update-handlers';
import { wallHandlers } from './wall-handlers';
import { wallPlanHandlers } from './wall-plan-handlers';
import { sectorHandlers } from './sector-handlers';
import { guideHandlers } from './guide-handlers';

export { HostFailure } from './handler-kit';

export function createHandlers(ctx: HostContext): Handlers {
  return {
    ...sessionHandlers(ctx),
    ...dataHandlers(ctx),
    ...incidentHandlers(ctx),
    ...incidentWorkflowHandlers(ctx),
    ...decisionLogHandlers(ctx),
    ...wallHandlers(ctx),
    ...wallPlanHandlers(ctx),
    ...trustHandlers(ctx),
    ...updateHandlers(ctx),
    ...connectivityHandlers(ctx),
    ...accountHandlers(ctx),
    ...reportHandlers(ctx),
    ...sectorHandlers(ctx),
    ...guideHandlers(ctx),
  };
}
