// Every request of the host contract has exactly one handler; the type fails the build if one is missing.
import type { HostContext } from './host-context';
import type { Handlers } from './handler-kit';
import { accountHandlers } from './account-handlers';
import { dataHandlers } from './data-handlers';
import { incidentHandlers } from './incident-handlers';
import { sessionHandlers } from './session-handlers';
import { wallHandlers } from './wall-handlers';
import { wallPlanHandlers } from './wall-plan-handlers';

export { HostFailure } from './handler-kit';

export function createHandlers(ctx: HostContext): Handlers {
  return { ...sessionHandlers(ctx), ...dataHandlers(ctx), ...incidentHandlers(ctx), ...wallHandlers(ctx), ...wallPlanHandlers(ctx), ...accountHandlers(ctx) };
}
