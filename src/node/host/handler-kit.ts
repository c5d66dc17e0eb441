// Shared by the handler files: the failure type and the role check. Inputs arrive parsed; roles are checked
// here by the access policy (src/common/access-policy.ts), the same one the hub and the renderer read.
import type { z } from 'zod';
import { REQUEST_ROLES, mayRequest, type GuardedRequest } from '../../common/access-policy';
import type { OperatorInfo } from '../../common/central-api';
import type { RequestName, RequestOutput, REQUESTS } from '../../common/host-api';
import type { HostErrorCode, HostErrorParams } from '../../common/host-errors';
import type { Connection } from './host-service';

export class HostFailure extends Error {
  /**
   * `params` fill the code's sentence in the UI's dictionaries; `details` travel with the error (e.g. layout
   * problems as codes, so the UI words them in its language); `message` is a note for logs, in English.
   */
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly details?: unknown,
    readonly params?: HostErrorParams,
  ) {
    super(message);
  }
}

type Handler<N extends RequestName> = (
  input: z.infer<(typeof REQUESTS)[N]['input']>,
  conn: Connection,
) => Promise<RequestOutput<N>> | RequestOutput<N>;
export type Handlers = { [N in RequestName]: Handler<N> };
export type HandlersOf<N extends RequestName> = Pick<Handlers, N>;

/** The operator of the connection, when the access policy lets their role make this request. */
export function requireRole(conn: Connection, request: GuardedRequest): OperatorInfo {
  if (!conn.operator) throw new HostFailure('unauthenticated', 'log in first');
  const { role } = conn.operator;
  if (!mayRequest(role, request)) {
    throw new HostFailure(
      'forbidden',
      `the role ${role} may not ${request} (allowed: ${REQUEST_ROLES[request].join(', ')})`,
      undefined,
      { role, request },
    );
  }
  return conn.operator;
}
