// The one place a BrowserWindow is made, so every window (console, each wall) gets the same locked-down web
// preferences and guards (Electron's security checklist). BrowserWindow comes in as a parameter, so the
// factory is tested with a fake in plain Node. The guards (navigation, new windows, webviews, permissions) are
// src/node/shell/contents-guard.ts, which main.ts also gives every other web contents (web-contents-created).
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { pageUrl } from '../src/node/shell/app-origin';
import { createContentsGuard } from '../src/node/shell/contents-guard';
import type { WindowPlan } from '../src/node/shell/display-plan';

export interface WindowFactoryOptions {
  /** Absolute path of the bundled preload (dist-main/main/preload.cjs). */
  preload: string;
  /** DevTools only in development (not app.isPackaged). */
  devTools: boolean;
  /** The guard every web contents gets; one of its own when not given. */
  guard?: (contents: BrowserWindow['webContents']) => void;
}

export type OpenWindow = (plan: WindowPlan) => BrowserWindow;

export function createWindowFactory(
  BrowserWindowCtor: typeof BrowserWindow,
  options: WindowFactoryOptions,
): OpenWindow {
  const guard = options.guard ?? createContentsGuard({ devTools: options.devTools });

  return (plan) => {
    const win = new BrowserWindowCtor(windowOptions(plan, options.preload, options.devTools));
    // Pages never leave app://nawa/: a layout switch is a state push, and a link or a drop must not replace
    // the wall with someone else's page. Guarded before the first load.
    guard(win.webContents);
    if (plan.role === 'wall') {
      // A wall is known by its number, not by the page's title.
      win.on('page-title-updated', (event) => event.preventDefault());
    }
    win.once('ready-to-show', () => {
      if (plan.role === 'console') win.maximize();
      win.show();
    });
    void win.loadURL(pageUrl(plan));
    return win;
  };
}

export function windowOptions(plan: WindowPlan, preload: string, devTools = false): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    ...plan.bounds,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
      devTools,
      preload,
      // Walls acknowledge a layout after their next frame; a throttled window (the laptop's "all cells" window
      // behind the console) would make every switch look slow.
      backgroundThrottling: plan.role === 'console',
    },
  };
  if (plan.role === 'console') return { ...common, title: 'Nawa' };
  if (plan.wall === 'all') return { ...common, title: 'Nawa — Semua layar' };
  return {
    ...common,
    title: `Nawa — Layar ${plan.wall}`,
    frame: false,
    fullscreen: plan.fullscreen,
    skipTaskbar: plan.fullscreen,
  };
}
