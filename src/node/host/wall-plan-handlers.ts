// Presenters edit layouts (through the outbox), keep the room's schedule, and act on rule suggestions.
// Roles are checked here as on the hub; problems travel as codes in `details`, worded by the UI.
import { LayoutInput } from '../../common/entities';
import { checkLayout } from '../../common/layout-check';
import { scheduleProblems } from '../../common/wall-schedule';
import type { Connection } from './host-service';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

type PlanRequest =
  | 'layouts.save' | 'layouts.delete' | 'layouts.conflicts' | 'schedule.get' | 'schedule.save'
  | 'wall.advice' | 'wall.takeSuggestion' | 'wall.dismissSuggestion' | 'wall.endInterrupt';

export function wallPlanHandlers(ctx: HostContext): HandlersOf<PlanRequest> {
  const { store, wall, planner } = ctx;
  const presenter = (conn: Connection, what: string) => requireRole(conn, ['presenter', 'supervisor'], what);
  return {
    'layouts.save': ({ layout, baseVersion }, conn) => {
      const op = presenter(conn, 'edit wall layouts');
      const existing = store.layout(layout.id);
      if (baseVersion !== undefined && !existing) {
        throw new HostFailure('not_found', 'Tata letak ini sudah tidak ada; mungkin baru dihapus di konsol lain.');
      }
      if (baseVersion === undefined && existing) {
        throw new HostFailure('layout_exists', 'Tata letak dengan kode ini sudah ada; simpan sebagai perubahan, bukan tata letak baru.');
      }
      const others = store.layouts().filter((l) => l.id !== layout.id).map((l) => l.name);
      const problems = checkLayout(layout, others);
      if (problems.length > 0) {
        throw new HostFailure('invalid_layout', `Tata letak belum dapat disimpan: ${problems.length} hal perlu diperbaiki.`, problems);
      }
      const input = LayoutInput.parse({ ...layout, name: layout.name.trim() });
      // The walls show the edit at once when it is the layout on the wall (host-events.ts).
      const saved = store.layoutRepo.save(input, baseVersion, op.id, ctx.now().toISOString());
      return { layout: saved };
    },
    'layouts.delete': ({ id, baseVersion }, conn) => {
      const op = presenter(conn, 'delete wall layouts');
      const layout = store.layout(id);
      if (!layout) throw new HostFailure('not_found', 'Tata letak ini sudah tidak ada.');
      if (wall.currentLayoutId() === id) {
        throw new HostFailure('layout_on_wall', `"${layout.name}" sedang tampil di dinding layar, jadi tidak dapat dihapus. Tampilkan tata letak lain dulu.`);
      }
      const scheduled = planner.schedule().entries.find((e) => e.layoutId === id);
      if (scheduled) {
        throw new HostFailure('layout_scheduled', `"${layout.name}" dipakai jadwal pukul ${scheduled.at}, jadi tidak dapat dihapus. Ubah jadwal dulu.`);
      }
      store.layoutRepo.remove(id, baseVersion, op.id, ctx.now().toISOString());
      return {};
    },
    'layouts.conflicts': () => ({ edits: store.layoutRepo.lostEdits() }),
    'schedule.get': () => planner.scheduleView(),
    'schedule.save': ({ schedule }, conn) => {
      presenter(conn, 'change the wall schedule');
      const problems = scheduleProblems(schedule, new Set(store.layouts().map((l) => l.id)));
      if (problems.length > 0) throw new HostFailure('invalid_schedule', 'Jadwal belum dapat disimpan.', problems);
      return planner.saveSchedule(schedule);
    },
    'wall.advice': () => planner.advice(),
    'wall.takeSuggestion': ({ layoutId, incidentIds }, conn) => {
      const op = presenter(conn, 'switch the wall');
      const advice = planner.take(layoutId, incidentIds, op.name);
      if (!advice) throw new HostFailure('not_found', 'Tata letak tidak dikenal / unknown layout.');
      return advice;
    },
    'wall.dismissSuggestion': ({ incidentIds }, conn) => {
      presenter(conn, 'dismiss wall suggestions');
      return planner.dismiss(incidentIds);
    },
    'wall.endInterrupt': (_input, conn) => {
      presenter(conn, 'switch the wall');
      return planner.endInterrupt();
    },
  };
}
