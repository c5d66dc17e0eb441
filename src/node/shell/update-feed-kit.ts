// For the local-feed tests: a real HTTP server holding a release folder as electron-builder writes it
// (latest-linux.yml beside the AppImage), and electron-updater's AppImageUpdater with the two things only
// Electron provides stood in: the app object and the HTTP executor (Electron's `net`, here node:http).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpExecutor, configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import { AppImageUpdater } from 'electron-updater';

export const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

export interface FeedRelease {
  version: string;
  bytes: Buffer;
  /** What the yml claims; the real digest of `bytes` when not given. */
  claimedSha512?: string;
  stagingPercentage?: number;
  /** The channel file: latest-linux.yml (stable) or beta-linux.yml. */
  channelFile?: string;
}

export interface Feed {
  url: string;
  /** Paths asked for, in order. */
  readonly requests: string[];
  publish(release: FeedRelease): void;
  close(): Promise<void>;
}

/** The files electron-builder would write for a Linux release: the channel yml and the AppImage. */
export function releaseFiles(r: FeedRelease): Map<string, Buffer> {
  const name = `Nawa-${r.version}-x86_64.AppImage`;
  const digest = r.claimedSha512 ?? sha512(r.bytes);
  const yml = [
    `version: ${r.version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${digest}`,
    `    size: ${r.bytes.length}`,
    `path: ${name}`,
    `sha512: ${digest}`,
    "releaseDate: '2026-12-01T00:00:00.000Z'",
    ...(r.stagingPercentage === undefined ? [] : [`stagingPercentage: ${r.stagingPercentage}`]),
    '',
  ].join('\n');
  return new Map([
    [r.channelFile ?? 'latest-linux.yml', Buffer.from(yml)],
    [name, r.bytes],
  ]);
}

export async function startFeed(): Promise<Feed> {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://feed.invalid').pathname);
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    publish(r) {
      for (const [name, body] of releaseFiles(r)) files.set(`/${name}`, body);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** electron-updater's HTTP calls over node:http (Electron's executor needs `net`). */
class NodeHttpExecutor extends HttpExecutor<ReturnType<typeof request>> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void) {
    return request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          responseHandler: null,
          callback: (error) => (error ? reject(error) : resolve(destination)),
        },
        0,
      );
    });
  }
}

export interface TestUpdater {
  updater: AppImageUpdater;
  /** Where electron-updater keeps the downloaded update. */
  cacheDir: string;
  logs: string[];
}

/** An AppImageUpdater of an installed Nawa `version` whose app-update.yml points at `feedUrl`. */
export function testUpdater(version: string, feedUrl: string): TestUpdater {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-updater-'));
  const configPath = join(dir, 'app-update.yml');
  writeFileSync(configPath, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: nawa-updater\n`);
  const userData = join(dir, 'user-data');
  const cache = join(dir, 'cache');
  mkdirSync(userData);
  mkdirSync(cache);
  // The running AppImage, which AppImageUpdater replaces; it must exist for the download task.
  const appImage = join(dir, 'Nawa-current.AppImage');
  writeFileSync(appImage, 'old');
  process.env.APPIMAGE = appImage;
  const app = {
    version,
    name: 'Nawa',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: userData,
    baseCachePath: cache,
    whenReady: () => Promise.resolve(),
    relaunch() {},
    quit() {},
    onQuit() {},
  };
  const updater = new AppImageUpdater(null, app);
  const logs: string[] = [];
  const log = (...parts: unknown[]) => logs.push(parts.map(String).join(' '));
  updater.logger = { info: log, warn: log, error: log, debug: log };
  (updater as unknown as { httpExecutor: HttpExecutor<ReturnType<typeof request>> }).httpExecutor =
    new NodeHttpExecutor();
  // A full download every time: there is no old AppImage's block map to diff against here.
  updater.disableDifferentialDownload = true;
  return { updater, cacheDir: join(cache, 'nawa-updater'), logs };
}
