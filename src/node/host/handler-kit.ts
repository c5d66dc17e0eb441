// Shared by the handler files: the failure type and the role check. Inputs arrive parsed; roles are
// checked here, as on the hub.
import type { z } from 'zod';
import type { OperatorInfo } from '../../common/central-api';
import type { Role } from '../../common/entities';
import type { RequestName, RequestOutput, REQUESTS } from '../../common/host-api';
import type { Connection } from './host-service';

export class HostFailure extends Error {
  /** `details` travel with the error (e.g. layout problems as codes, so the UI words them in its language). */
  constructor(readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

type Handler<N extends RequestName> = (input: z.infer<(typeof REQUESTS)[N]['input']>, conn: Connection) => Promise<RequestOutput<N>> | RequestOutput<N>;
export type Handlers = { [N in RequestName]: Handler<N> };
export type HandlersOf<N extends RequestName> = Pick<Handlers, N>;

export function requireRole(conn: Connection, roles: readonly Role[], what: string): OperatorInfo {
  if (!conn.operator) throw new HostFailure('unauthenticated', 'Masuk dulu / log in first.');
  if (!roles.includes(conn.operator.role)) throw new HostFailure('forbidden', `The role ${conn.operator.role} may not ${what}.`);
  return conn.operator;
}
