// The console's reads over a year of a busy room (console-fill.ts): the incident list, the decision log and an
// incident edit with 2,000 decisions waiting in the outbox.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleStore } from '../src/node/store/console-store';
import { fillRecords, incident, siteChanges } from './console-fill';
import { fmt, report, time } from './support';

export async function benchRecords(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-records-'));
  const store = ConsoleStore.open(join(dir, 'console.db'));
  try {
    const sites = siteChanges(0);
    store.applyPage(sites, sites.length);
    fillRecords(store, sites.length);
    const incidents = time(() => store.incidents(), 1000);
    const decisions = time(() => store.decisions(200), 1000);
    const edit = time(
      () =>
        store.incidentRepo.save(
          { ...incident('7b000000-0000-4000-8000-000000000007', 7), status: 'dispatched' },
          'operator',
          new Date().toISOString(),
        ),
      200,
    );
    report('Console reads over a year of records: 22,000 decisions (2,000 waiting), 300 incidents (50 being edited)', [
      ['incidents.list (300, 50 being edited)', fmt(incidents)],
      ['decisions.list (22,000, 2,000 waiting)', fmt(decisions)],
      ['incidents.save (an edit, 2,000+ waiting)', fmt(edit)],
    ]);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
