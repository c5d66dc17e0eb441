// Updates from the generic feed named in electron-builder.yml. Downloaded in the background and installed
// when Nawa next quits: the wall is never restarted under a presenter.
import electronUpdater from 'electron-updater';

const RECHECK_MS = 6 * 60 * 60_000;

export function startUpdates(isPackaged: boolean, log: (line: string) => void): void {
  // An unpackaged app has no app-update.yml and nothing to replace.
  if (!isPackaged) return;
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = { info: log, warn: log, error: log, debug: () => {} };
  const check = () => {
    autoUpdater.checkForUpdatesAndNotify().catch((e: Error) => log(`update check failed: ${e.message}`));
  };
  check();
  // A console runs for weeks; looking again now and then is what gets it the fix.
  setInterval(check, RECHECK_MS).unref();
}
