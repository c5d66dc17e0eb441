// What the host's integration tests share: a fresh connection, unwrapping a result, waiting for a condition.
import type { Result } from '../../common/host-api';
import type { Connection } from './host-service';

export const conn = (): Connection => ({ id: Math.random().toString(36), operator: null, wall: null });

export function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

type Maybe<T> = T | undefined | null | false;
export async function until<T>(what: string, f: () => Maybe<T> | Promise<Maybe<T>>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
