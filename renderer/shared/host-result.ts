// Turns what either transport delivers into contract-checked values, so both fail the same way.
import { z } from 'zod';
import {
  EVENTS,
  HostError,
  HostRequestError,
  REQUESTS,
  type EventName,
  type EventPayload,
  type RequestName,
  type RequestOutput,
} from '../../src/common/host-api';
import type { HostErrorCode } from '../../src/common/host-errors';

/** Error codes raised by the renderer itself (the host's own codes pass through unchanged); all in the contract's set. */
export const CLIENT_ERRORS = {
  unreachable: 'host_unreachable',
  timeout: 'host_timeout',
  connectionLost: 'connection_lost',
  badResponse: 'bad_response',
} as const satisfies Record<string, HostErrorCode>;

/** Accepts `{ok:true,value}` / `{ok:false,error}`; the value must match the request's output schema. */
export function unwrapResult<N extends RequestName>(name: N, result: unknown): RequestOutput<N> {
  if (typeof result !== 'object' || result === null || !('ok' in result)) {
    throw new HostRequestError(CLIENT_ERRORS.badResponse, `${name}: malformed result`);
  }
  if (result.ok === true) {
    const parsed = REQUESTS[name].output.safeParse((result as { value?: unknown }).value);
    if (!parsed.success) {
      throw new HostRequestError(
        CLIENT_ERRORS.badResponse,
        `${name}: answer does not match the contract`,
        parsed.error.issues,
      );
    }
    return parsed.data as RequestOutput<N>;
  }
  // Read leniently: a code outside this build's set (a newer host) still arrives, and is worded as a generic error.
  const error = HostError.extend({ code: z.string() }).safeParse((result as { error?: unknown }).error);
  if (!error.success) throw new HostRequestError(CLIENT_ERRORS.badResponse, `${name}: malformed error`);
  throw new HostRequestError(error.data.code, error.data.message, error.data.details, error.data.params);
}

/** Null when the event is unknown or its payload breaks the contract (dropped rather than trusted). */
export function parseEvent<E extends EventName>(name: E, payload: unknown): EventPayload<E> | null {
  if (!Object.prototype.hasOwnProperty.call(EVENTS, name)) return null;
  const parsed = EVENTS[name].safeParse(payload);
  return parsed.success ? (parsed.data as EventPayload<E>) : null;
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(EVENTS, name);
}
