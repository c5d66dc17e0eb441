// The one place where what the domain announces becomes host events (the contract's EVENTS), and where a local
// write wakes the push. The wall controller, the store's outbox, the sync engine, the store guard and the planner
// announce their own changes; no request handler emits a host event itself.
import type { EventName, EventPayload } from '../../common/host-api';
import type { ConsoleStore } from '../store/console-store';
import type { StoreMaintenance } from '../store/store-maintenance';
import type { SyncEngine } from '../sync/sync-engine';
import type { UpdateBoard } from './update-board';
import type { WallPlanner, WallPlannerDeps } from './wall-planner';
import type { WallController } from './wall-state';
import type { SectorWatch } from './sector-watch';

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface EventSources {
  store: ConsoleStore;
  sync: SyncEngine;
  wall: WallController;
  planner: WallPlanner;
  maintenance: StoreMaintenance;
  updates: UpdateBoard;
  sectors: SectorWatch;
}

/** What the planner announces (its advice, the room's schedule), as host events. */
export function plannerAnnouncements(emit: Emit): Pick<WallPlannerDeps, 'onAdvice' | 'onSchedule'> {
  return {
    onAdvice: (advice) => emit('wall.advice', advice),
    onSchedule: (view) => emit('schedule.changed', view),
  };
}

/** Wires the sources to `emit`; returns the function that unwires them. */
export function mapHostEvents(src: EventSources, emit: Emit): () => void {
  const { store, sync, wall, planner, maintenance, updates, sectors } = src;
  // Suggestions follow what the host announces: incidents or layouts that changed, and every switch.
  const out: Emit = (name, payload) => {
    const entities = name === 'data.changed' ? (payload as EventPayload<'data.changed'>).entities : [];
    if (name === 'wall.state' || entities.includes('incident') || entities.includes('layout')) planner.refresh();
    emit(name, payload);
  };
  const offs = [
    wall.events.on('state', (state) => out('wall.state', state)),
    wall.events.on('status', (status) => out('wall.status', status)),

    // An operator's write shows at once on every console, counts as pending, and is pushed soon.
    store.outbox.events.on('written', ({ entity, recordId, op }) => {
      out('data.changed', { entities: [entity] });
      out('sync.status', sync.status());
      sync.kick();
      // The walls show an edit of the layout on the wall at once.
      if (entity === 'layout' && op === 'upsert' && wall.currentLayoutId() === recordId) wall.switchTo(recordId);
      // A supervisor's new thresholds may put a KPI past them at once.
      if (entity === 'series') sectors.check();
    }),
    store.outbox.events.on('dismissed', () => out('sync.status', sync.status())),

    sync.events.on('status', (s) => {
      wall.noteSync(s.lastSyncAt);
      out('sync.status', s);
    }),
    sync.events.on('changed', (entities) => {
      out('data.changed', { entities });
      // The layout on the wall was edited or deleted centrally: the walls repaint it.
      if (entities.includes('layout')) wall.layoutsChanged();
      // New readings or thresholds: a KPI may have crossed into warning or critical.
      if (entities.includes('reading') || entities.includes('series')) sectors.check();
    }),

    // A tamper alarm goes to every UI at once, whoever is logged in.
    store.trust.events.on('alarm', () => out('decisions.trust', store.trust.state())),

    updates.events.on('status', (status) => out('updates.status', status)),

    // KPI alerts go to every console UI at once.
    sectors.events.on('alerts', (alerts) => out('sectors.alerts', alerts)),

    // The store guard's notices travel with the sync status.
    maintenance.events.on('notice', () => out('sync.status', sync.status())),
  ];
  return () => {
    for (const off of offs) off();
  };
}
