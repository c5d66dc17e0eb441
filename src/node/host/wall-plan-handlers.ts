// Presenters edit layouts (through the outbox), keep the room's schedule, and act on rule suggestions.
// Roles are checked here as on the hub; problems travel as codes in `details`, worded by the UI.
import { LayoutInput } from '../../common/entities';
import { checkLayout } from '../../common/layout-check';
import { scheduleProblems } from '../../common/wall-schedule';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

type PlanRequest =
  | 'layouts.save'
  | 'layouts.delete'
  | 'layouts.conflicts'
  | 'schedule.get'
  | 'schedule.save'
  | 'wall.advice'
  | 'wall.takeSuggestion'
  | 'wall.dismissSuggestion'
  | 'wall.endInterrupt';

export function wallPlanHandlers(ctx: HostContext): HandlersOf<PlanRequest> {
  const { store, wall, planner } = ctx;
  return {
    'layouts.save': ({ layout, baseVersion }, conn) => {
      const op = requireRole(conn, 'layouts.save');
      const existing = store.layout(layout.id);
      if (baseVersion !== undefined && !existing) {
        throw new HostFailure('not_found', 'the layout is gone (deleted on another console?)', undefined, {
          what: 'layout',
        });
      }
      if (baseVersion === undefined && existing) {
        throw new HostFailure('layout_exists', 'a layout with this id exists: save it as an edit');
      }
      const others = store
        .layouts()
        .filter((l) => l.id !== layout.id)
        .map((l) => l.name);
      const problems = checkLayout(layout, others);
      if (problems.length > 0) {
        throw new HostFailure('invalid_layout', `${problems.length} problem(s) in the layout`, problems, {
          count: problems.length,
        });
      }
      const input = LayoutInput.parse({ ...layout, name: layout.name.trim() });
      // The walls show the edit at once when it is the layout on the wall (host-events.ts).
      const saved = store.layoutRepo.save(input, baseVersion, op.id, ctx.now().toISOString());
      return { layout: saved };
    },
    'layouts.delete': ({ id, baseVersion }, conn) => {
      const op = requireRole(conn, 'layouts.delete');
      const layout = store.layout(id);
      if (!layout) throw new HostFailure('not_found', 'the layout is gone', undefined, { what: 'layout' });
      if (wall.currentLayoutId() === id) {
        throw new HostFailure('layout_on_wall', 'the layout is on the wall', undefined, { name: layout.name });
      }
      const scheduled = planner.schedule().entries.find((e) => e.layoutId === id);
      if (scheduled) {
        throw new HostFailure('layout_scheduled', `the schedule uses the layout at ${scheduled.at}`, undefined, {
          name: layout.name,
          at: scheduled.at,
        });
      }
      store.layoutRepo.remove(id, baseVersion, op.id, ctx.now().toISOString());
      return {};
    },
    'layouts.conflicts': () => ({ edits: store.layoutRepo.lostEdits() }),
    'schedule.get': () => planner.scheduleView(),
    'schedule.save': ({ schedule }, conn) => {
      requireRole(conn, 'schedule.save');
      const problems = scheduleProblems(schedule, new Set(store.layouts().map((l) => l.id)));
      if (problems.length > 0)
        throw new HostFailure('invalid_schedule', `${problems.length} problem(s) in the schedule`, problems, {
          count: problems.length,
        });
      return planner.saveSchedule(schedule);
    },
    'wall.advice': () => planner.advice(),
    'wall.takeSuggestion': ({ layoutId, incidentIds }, conn) => {
      const op = requireRole(conn, 'wall.takeSuggestion');
      const advice = planner.take(layoutId, incidentIds, op.name);
      if (!advice) throw new HostFailure('not_found', 'unknown layout', undefined, { what: 'layout' });
      return advice;
    },
    'wall.dismissSuggestion': ({ incidentIds }, conn) => {
      requireRole(conn, 'wall.dismissSuggestion');
      return planner.dismiss(incidentIds);
    },
    'wall.endInterrupt': (_input, conn) => {
      requireRole(conn, 'wall.endInterrupt');
      return planner.endInterrupt();
    },
  };
}
