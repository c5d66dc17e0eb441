// Whether each operator has seen the first-run guide, in the console store's settings (one key per operator).
import { GUIDE_VERSION, type GuideState } from '../../common/guide-api';
import type { ConsoleStore } from '../store/console-store';
import type { HostContext } from './host-context';
import { requireRole, type HandlersOf } from './handler-kit';

const KEY = 'guide.seen.';

interface Stored {
  version: number;
  at: string;
}

function read(store: ConsoleStore, operatorId: string): GuideState {
  const raw = store.setting(KEY + operatorId);
  if (!raw) return { seen: false, seenAt: null };
  let stored: Partial<Stored>;
  try {
    stored = JSON.parse(raw) as Partial<Stored>;
  } catch {
    // A damaged value is read as not seen: showing the guide once more is the harmless side.
    return { seen: false, seenAt: null };
  }
  const version = typeof stored.version === 'number' ? stored.version : 0;
  const at = typeof stored.at === 'string' && !Number.isNaN(Date.parse(stored.at)) ? stored.at : null;
  return version >= GUIDE_VERSION ? { seen: true, seenAt: at } : { seen: false, seenAt: null };
}

export function guideHandlers(ctx: HostContext): HandlersOf<'guide.get' | 'guide.set'> {
  return {
    'guide.get': (_input, conn) => read(ctx.store, requireRole(conn, 'guide.get').id),
    'guide.set': ({ seen }, conn) => {
      const op = requireRole(conn, 'guide.set');
      const value: Stored = { version: GUIDE_VERSION, at: ctx.now().toISOString() };
      ctx.store.setSetting(KEY + op.id, seen ? JSON.stringify(value) : null);
      return read(ctx.store, op.id);
    },
  };
}
