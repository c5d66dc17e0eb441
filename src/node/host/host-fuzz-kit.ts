// Host API messages that the contract refuses (issue 10, item 9), for the fuzz tests of the host's dispatcher
// and of `nawa serve`'s WebSocket: a real request name with input its schema rejects, or a name that is no
// request at all. Imported by tests only (fast-check is a dev dependency).
import fc from 'fast-check';
import { isRequestName, REQUESTS, type RequestName } from '../../common/host-api';
import { anyJson, hostileText } from '../base/fuzz-kit';
import type { Handlers } from './handler-kit';

const NAMES = Object.keys(REQUESTS) as RequestName[];

/** What the dispatcher parses: `input ?? {}`, as host.ts does. */
export const inputAccepted = (name: string, input: unknown): boolean =>
  isRequestName(name) && REQUESTS[name].input.safeParse(input ?? {}).success;

const keysOf = (name: RequestName): string[] => {
  const shape = (REQUESTS[name].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};

/** An object with the request's own field names and values of any kind: past "unknown field", into each field. */
const ownFields = (name: RequestName) => {
  const keys = keysOf(name);
  if (keys.length === 0) return anyJson;
  return fc.dictionary(fc.constantFrom(...keys), anyJson, { minKeys: 1, maxKeys: keys.length });
};

export interface HostMessage {
  name: string;
  input: unknown;
}

/** A message the host must refuse before any handler runs. */
export const refusedMessage: fc.Arbitrary<HostMessage> = fc
  .oneof(
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...NAMES)
        .chain((name) =>
          fc.record({ name: fc.constant<string>(name), input: fc.oneof(ownFields(name), anyJson, hostileText) }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        name: fc.oneof(
          hostileText.map((n) => n.slice(0, 64)),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'session.login ', 'Session.Login'),
        ),
        input: anyJson,
      }),
    },
  )
  .filter((m) => !inputAccepted(m.name, m.input));

/** Wraps every handler so a test can count the ones that ran. */
export function countHandlers(handlers: Handlers, ran: Map<string, number>): Handlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (...args: unknown[]) => {
        ran.set(name, (ran.get(name) ?? 0) + 1);
        return (handler as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Handlers;
}
