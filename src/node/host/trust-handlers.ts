// What this console verified of the decision log, for every role (a tamper alarm is everyone's business).
import type { HostContext } from './host-context';
import type { HandlersOf } from './handler-kit';

export function trustHandlers(ctx: HostContext): HandlersOf<'decisions.trust'> {
  return { 'decisions.trust': () => ctx.store.trust.state() };
}
