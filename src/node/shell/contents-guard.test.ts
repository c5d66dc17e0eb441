// The guard against fakes of Electron's WebContents and Session: what a page (or a frame in it) can and cannot
// do once the guard holds, whoever made the web contents.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createContentsGuard, navigationAllowed } from './contents-guard';

type Handler = (...args: never[]) => unknown;

class FakeSession {
  request: Handler | null = null;
  check: Handler | null = null;
  device: Handler | null = null;
  installs = 0;
  setPermissionRequestHandler(h: Handler) {
    this.request = h;
    this.installs++;
  }
  setPermissionCheckHandler(h: Handler) {
    this.check = h;
  }
  setDevicePermissionHandler(h: Handler) {
    this.device = h;
  }
}

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => unknown) | null = null;
  devToolsClosed = 0;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(h: (d: { url: string }) => unknown) {
    this.openHandler = h;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }
}

function made(devTools = false) {
  const session = new FakeSession();
  const contents = new FakeContents(session);
  createContentsGuard({ devTools })(contents);
  return { session, contents };
}

/** Emits a navigation event as Electron does (details first, with preventDefault) and says if it was stopped. */
function stopped(contents: FakeContents, event: string, url: string, isMainFrame = true): boolean {
  let prevented = false;
  contents.emit(event, {
    url,
    isMainFrame,
    preventDefault: () => {
      prevented = true;
    },
  });
  return prevented;
}

function ask(session: FakeSession, permission: string, requestingUrl: string, isMainFrame = true): boolean | null {
  let granted: boolean | null = null;
  (session.request as (...a: unknown[]) => void)(
    null,
    permission,
    (g: boolean) => {
      granted = g;
    },
    { requestingUrl, isMainFrame },
  );
  return granted;
}

describe('navigationAllowed', () => {
  it("keeps the main frame on Nawa's own pages", () => {
    expect(navigationAllowed('app://nawa/', true)).toBe(true);
    expect(navigationAllowed('app://nawa/wall/3', true)).toBe(true);
    for (const url of [
      'https://malangkab.go.id/',
      'http://127.0.0.1:8790/',
      'file:///etc/passwd',
      'app://evil/',
      'app://user:pw@nawa/',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(navigationAllowed(url, true), url).toBe(false);
  });

  it('lets a web tile frame go only to allow-listed https pages', () => {
    expect(navigationAllowed('https://bmkg.go.id/gempabumi/', false)).toBe(true);
    expect(navigationAllowed('https://dinkes.malangkab.go.id/', false)).toBe(true);
    expect(navigationAllowed('about:blank', false)).toBe(true);
    for (const url of [
      'http://bmkg.go.id/',
      'https://evil.example/',
      'https://bmkg.go.id.evil.example/',
      'app://nawa/',
      'file:///etc/passwd',
      'https://user@bmkg.go.id/',
    ])
      expect(navigationAllowed(url, false), url).toBe(false);
    expect(navigationAllowed('https://cctv.example.go.id/', false, ['example.go.id'])).toBe(true);
  });
});

describe('createContentsGuard', () => {
  it('stops navigations of the main frame away from app://nawa/, on every navigation event', () => {
    const { contents } = made();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(stopped(contents, event, 'https://evil.example/'), event).toBe(true);
      expect(stopped(contents, event, 'app://nawa/wall/2'), event).toBe(false);
    }
  });

  it("handles will-frame-navigate for a web tile's frame by the allow-list", () => {
    const { contents } = made();
    expect(stopped(contents, 'will-frame-navigate', 'https://bnpb.go.id/', false)).toBe(false);
    expect(stopped(contents, 'will-frame-navigate', 'https://phishing.example/', false)).toBe(true);
    expect(stopped(contents, 'will-redirect', 'http://169.254.169.254/latest/', false)).toBe(true);
  });

  it('refuses webviews and new windows', () => {
    const { contents } = made();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://bmkg.go.id/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://nawa/wall/1' })).toEqual({ action: 'deny' });
  });

  it('denies permissions except full screen and copying for Nawa pages, and every device', () => {
    const { session } = made();
    expect(ask(session, 'fullscreen', 'app://nawa/')).toBe(true);
    expect(ask(session, 'media', 'app://nawa/')).toBe(false);
    expect(ask(session, 'fullscreen', 'https://bmkg.go.id/', false)).toBe(false);
    expect(ask(session, 'geolocation', 'https://bmkg.go.id/', true)).toBe(false);
    expect(
      (session.check as (...a: unknown[]) => boolean)(null, 'notifications', 'app://nawa', {
        requestingUrl: 'app://nawa/',
        isMainFrame: true,
      }),
    ).toBe(false);
    expect((session.device as () => boolean)()).toBe(false);
  });

  it('closes DevTools when they are not allowed, and leaves them in development', () => {
    const prod = made(false).contents;
    prod.emit('devtools-opened');
    expect(prod.devToolsClosed).toBe(1);
    const dev = made(true).contents;
    dev.emit('devtools-opened');
    expect(dev.devToolsClosed).toBe(0);
  });

  it('guards a web contents once and a shared session once, however often it is handed over', () => {
    const guard = createContentsGuard({ devTools: false });
    const session = new FakeSession();
    const a = new FakeContents(session);
    const b = new FakeContents(session);
    guard(a);
    guard(a);
    guard(b);
    expect(a.listenerCount('will-navigate')).toBe(1);
    expect(b.listenerCount('will-frame-navigate')).toBe(1);
    expect(session.installs).toBe(1);
  });
});
