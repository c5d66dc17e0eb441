// The factory against a fake BrowserWindow: the settings every window must have, and the guards that must
// hold when a page tries to navigate, open a window or ask for a permission.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { planWindows, simulatedDisplays, type WindowPlan } from '../src/node/shell/display-plan';
import { createWindowFactory } from './window-factory';

type Handler = (...args: unknown[]) => unknown;

class FakeSession {
  requestHandler: Handler | null = null;
  checkHandler: Handler | null = null;
  deviceHandler: Handler | null = null;
  setDevicePermissionHandler(h: Handler) {
    this.deviceHandler = h;
  }
  setPermissionRequestHandler(h: Handler) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: Handler) {
    this.checkHandler = h;
  }
}

const session = new FakeSession();

class FakeWebContents extends EventEmitter {
  session = session;
  openHandler: Handler | null = null;
  loaded: string | null = null;
  setWindowOpenHandler(h: Handler) {
    this.openHandler = h;
  }
  closeDevTools() {}
}

class FakeBrowserWindow extends EventEmitter {
  static made: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  shown = false;
  maximized = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.made.push(this);
  }
  loadURL(url: string) {
    this.webContents.loaded = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  maximize() {
    this.maximized = true;
  }
}

const open = createWindowFactory(FakeBrowserWindow as unknown as typeof BrowserWindow, {
  preload: '/app/dist-main/main/preload.cjs',
  devTools: false,
});
const plan = planWindows(simulatedDisplays('3x3')!);
const fake = (p: WindowPlan) => open(p) as unknown as FakeBrowserWindow;
const prevented = (emit: (e: { preventDefault(): void; url?: string; isMainFrame?: boolean }) => void) => {
  let blocked = false;
  emit({
    preventDefault: () => {
      blocked = true;
    },
  });
  return blocked;
};
/** Electron's navigation events: details (url, isMainFrame, preventDefault) first. */
const navigationBlocked = (win: FakeBrowserWindow, event: string, url: string, isMainFrame = true) =>
  prevented((e) => win.webContents.emit(event, { preventDefault: () => e.preventDefault(), url, isMainFrame }));

describe('createWindowFactory', () => {
  it('gives every window the locked-down web preferences and the preload', () => {
    for (const p of plan) {
      const prefs = fake(p).options.webPreferences!;
      expect(prefs).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        devTools: false,
        preload: '/app/dist-main/main/preload.cjs',
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    }
  });

  it('loads Nawa pages from app://nawa/: the console at / and each wall at /wall/N', () => {
    expect(fake(plan[0]!).webContents.loaded).toBe('app://nawa/');
    expect(fake(plan[4]!).webContents.loaded).toBe('app://nawa/wall/4');
  });

  it('blocks every navigation away from app://nawa/, of the page and of its frames', () => {
    const win = fake(plan[0]!);
    expect(navigationBlocked(win, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(navigationBlocked(win, 'will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(navigationBlocked(win, 'will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(navigationBlocked(win, 'will-frame-navigate', 'https://bmkg.go.id/', false)).toBe(false);
    expect(navigationBlocked(win, 'will-navigate', 'app://nawa/wall/2')).toBe(false);
    expect(prevented((e) => win.webContents.emit('will-attach-webview', e))).toBe(true);
  });

  it('allows DevTools only when the shell says so (development)', () => {
    const dev = createWindowFactory(FakeBrowserWindow as unknown as typeof BrowserWindow, {
      preload: '/p.cjs',
      devTools: true,
    })(plan[0]!) as unknown as FakeBrowserWindow;
    expect(dev.options.webPreferences!.devTools).toBe(true);
  });

  it('denies window.open', () => {
    const win = fake(plan[1]!);
    expect(win.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler?.({ url: 'app://nawa/wall/3' })).toEqual({ action: 'deny' });
  });

  it('answers permission requests by the policy: a Nawa page may go full screen, a camera or an iframe may not', () => {
    fake(plan[0]!);
    const ask = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | null = null;
      session.requestHandler!(
        null,
        permission,
        (g: boolean) => {
          granted = g;
        },
        { requestingUrl, isMainFrame },
      );
      return granted;
    };
    expect(ask('fullscreen', 'app://nawa/')).toBe(true);
    expect(ask('media', 'app://nawa/')).toBe(false);
    expect(ask('geolocation', 'https://maps.example.com/', false)).toBe(false);
    expect(
      session.checkHandler!(null, 'notifications', 'app://nawa', { requestingUrl: 'app://nawa/', isMainFrame: true }),
    ).toBe(false);
  });

  it('makes walls frameless and full screen on their display, and keeps their title', () => {
    const wall = fake(plan[9]!);
    expect(wall.options).toMatchObject({
      frame: false,
      fullscreen: true,
      x: 1920 * 3,
      y: 1080 * 2,
      width: 1920,
      height: 1080,
      title: 'Nawa — Layar 9',
    });
    expect(prevented((e) => wall.emit('page-title-updated', e, 'Nawa — Layar'))).toBe(true);
    const console = fake(plan[0]!);
    expect(console.options.frame).toBeUndefined();
    expect(console.options.fullscreen).toBeUndefined();
  });

  it('shows a window only when its first paint is ready, the console maximised', () => {
    const console = fake(plan[0]!);
    const wall = fake(plan[2]!);
    expect(console.shown || wall.shown).toBe(false);
    console.emit('ready-to-show');
    wall.emit('ready-to-show');
    expect([console.shown, console.maximized, wall.shown, wall.maximized]).toEqual([true, true, true, false]);
  });

  it('opens the laptop "all cells" window as an ordinary window', () => {
    const all = fake(
      planWindows([{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 }, scaleFactor: 1, primary: true }])[1]!,
    );
    expect(all.options.fullscreen).toBeFalsy();
    expect(all.webContents.loaded).toBe('app://nawa/wall/1?cells=all');
  });
});
