// Composition root of the Electron shell: builds the adapters and wires them to src/. Decisions live in
// src/node/shell (display plan, crash back-off, IPC guard, wall supervisor); this file only connects them.
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen } from 'electron';
import { join } from 'node:path';
import { debounce, systemClock } from '../src/node/ports/clock';
import { CrashPolicy } from '../src/node/shell/crash-policy';
import { type DisplayHost, planWindows } from '../src/node/shell/display-plan';
import { applyOverride, readOverride } from '../src/node/shell/display-override';
import { menuTemplate } from '../src/node/shell/app-menu';
import { createContentsGuard } from '../src/node/shell/contents-guard';
import { readShellConfig } from '../src/node/shell/shell-config';
import { readUpdateConfig } from '../src/node/shell/update-config';
import { WallSupervisor, wallPlans } from '../src/node/shell/wall-supervisor';
import { HostWorkerClient } from '../src/node/shell/worker-bridge';
import { TileService } from '../src/node/host/tile-service';
import { declareAppScheme, serveAppScheme } from './app-protocol';
import { ElectronDisplayHost } from './electron-display-host';
import { bridgeIpcToHost } from './ipc-bridge';
import { handlePdfSaves } from './pdf-ipc';
import { osSecretStore } from './safe-storage-secret-store';
import { startUpdates } from './updates';
import { createWindowFactory } from './window-factory';

const log = (line: string) => console.log(`[nawa] ${line}`);
// The app folder (package.json beside dist/ and dist-main/), in development and inside app.asar alike.
const root = app.getAppPath();

declareAppScheme();
app.enableSandbox();
// Every web contents, whoever makes it (a window, a DevTools view, a webview a page tried to attach), gets the
// window factory's rules before it loads anything.
const devTools = !app.isPackaged;
const guardContents = createContentsGuard({ devTools });
app.on('web-contents-created', (_event, contents) => guardContents(contents));

if (!app.requestSingleInstanceLock()) {
  // A second Nawa would open ten more windows over the same database.
  app.quit();
} else {
  void app
    .whenReady()
    .then(start)
    .catch((e: Error) => fatal(e.message));
}

async function start(): Promise<void> {
  // No reload, no DevTools in the packaged app (their shortcuts work even where the menu bar is hidden).
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ packaged: app.isPackaged, platform: process.platform, locale: app.getLocale() }),
    ),
  );
  const userData = app.getPath('userData');
  const config = readShellConfig(process.env, join(userData, 'console'), join(userData, 'keys', 'sealing.key'));
  const updateConfig = readUpdateConfig(process.env);
  // The tile cache is the main thread's (the protocol handler runs here); console.db stays with the host worker.
  const tiles = config.tiles
    ? new TileService({ settings: config.tiles, cachePath: join(config.host.dataDir, 'tiles.db'), log })
    : null;
  serveAppScheme(join(root, 'dist'), tiles);
  // The sealing key in the OS keychain (safeStorage); where there is none, in a key file outside the data folder.
  const secretStore = osSecretStore(safeStorage);
  if (!secretStore) log(`no OS keychain: tokens are sealed with ${config.host.keyFile ?? 'a key file'}`);
  const host = new HostWorkerClient({
    // asar cannot hold a worker's entry, so it is unpacked (electron-builder.yml asarUnpack).
    workerPath: join(root.replace(/app\.asar$/, 'app.asar.unpacked'), 'dist-main', 'main', 'host-worker.mjs'),
    host: config.host,
    secretStore,
    log,
  });
  host.onExit((error) => fatal(error.message));
  bridgeIpcToHost(ipcMain, host, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  handlePdfSaves(ipcMain, app.getPath('documents'), log);

  const openWindow = createWindowFactory(BrowserWindow, {
    preload: join(root, 'dist-main', 'main', 'preload.cjs'),
    devTools,
    guard: guardContents,
  });
  const displays: DisplayHost = config.simulatedDisplays
    ? { displays: () => config.simulatedDisplays ?? [], onChange: () => () => {} }
    : new ElectronDisplayHost(screen);
  // Read at every re-plan, so an edited override takes effect at the next display change or restart.
  const overridePath = join(app.getPath('userData'), 'display-map.json');
  const plan = () =>
    applyOverride(
      planWindows(displays.displays(), { windowed: config.simulatedDisplays !== null }),
      readOverride(overridePath, log),
    );

  const first = plan();
  const consolePlan = first.find((p) => p.role === 'console');
  if (!consolePlan) throw new Error('No display to show the console on');
  const consoleWindow = openWindow(consolePlan);
  // The console is reloaded in place, not re-created: the operator may have moved or resized it.
  const consoleCrashes = new CrashPolicy<'console'>(systemClock);
  let consoleReload: (() => void) | null = null;
  consoleWindow.webContents.on('render-process-gone', () => {
    consoleReload ??= systemClock.after(consoleCrashes.crashed('console').delayMs, () => {
      consoleReload = null;
      if (!consoleWindow.isDestroyed()) consoleWindow.webContents.reload();
    });
  });
  // The operator closing the console ends Nawa; walls cannot be closed from the room.
  consoleWindow.on('closed', () => app.quit());
  app.on('second-instance', () => {
    if (consoleWindow.isDestroyed()) return;
    if (consoleWindow.isMinimized()) consoleWindow.restore();
    consoleWindow.focus();
  });

  const walls: WallSupervisor<BrowserWindow> = new WallSupervisor(
    {
      open(wallPlan) {
        const win = openWindow(wallPlan);
        win.webContents.on('render-process-gone', (_e, details) => {
          const wait = walls.crashed(win);
          log(`wall ${String(wallPlan.wall)} page gone (${details.reason}); back in ${wait ?? '-'} ms`);
        });
        win.on('closed', () => walls.closed(win));
        return win;
      },
      close(win) {
        if (!win.isDestroyed()) win.destroy();
      },
    },
    systemClock,
  );
  walls.apply(wallPlans(first));
  displays.onChange(debounce(systemClock, 500, () => walls.apply(wallPlans(plan()))));

  // Quitting closes every window first: the walls must not come back as if they had crashed.
  let stopUpdates = () => {};
  app.on('before-quit', () => {
    stopUpdates();
    walls.stop();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Let the host finish its writes and close the database before the process ends.
    event.preventDefault();
    void host.close().finally(() => {
      tiles?.close();
      closed = true;
      app.quit();
    });
  });

  stopUpdates = startUpdates({
    isPackaged: app.isPackaged,
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    config: updateConfig,
    host,
    log,
  });
}

function fatal(message: string): void {
  log(`fatal: ${message}`);
  dialog.showErrorBox('Nawa cannot run', message);
  app.exit(1);
}
