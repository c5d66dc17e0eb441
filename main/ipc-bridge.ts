// The host contract over Electron IPC: each request passes the guard, then goes to the host worker under a
// connection per web contents; host events go to every window. A window that closes or whose page dies
// ends its connection, so the host shows that wall as disconnected until its replacement says hello.
import type { IpcMain, WebContents } from 'electron';
import { guardRequest } from '../src/node/shell/ipc-guard';
import type { HostWorkerClient } from '../src/node/shell/worker-bridge';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from './channels';

export function bridgeIpcToHost(
  ipcMain: IpcMain,
  host: HostWorkerClient,
  allContents: () => WebContents[],
): () => void {
  const tracked = new Set<number>();
  const connectionOf = (contents: WebContents): string => {
    const connId = `ipc-${contents.id}`;
    if (!tracked.has(contents.id)) {
      tracked.add(contents.id);
      contents.on('render-process-gone', () => host.disconnect(connId));
      contents.once('destroyed', () => {
        tracked.delete(contents.id);
        host.disconnect(connId);
      });
    }
    return connId;
  };

  ipcMain.handle(REQUEST_CHANNEL, (event, name: unknown, input: unknown) => {
    const checked = guardRequest(event.senderFrame?.url, name);
    if (!checked.ok) return checked;
    return host.request(connectionOf(event.sender), checked.value, input);
  });

  const offEvents = host.onEvent((name, payload) => {
    for (const contents of allContents()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    offEvents();
    ipcMain.removeHandler(REQUEST_CHANNEL);
  };
}
