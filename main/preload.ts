// Preload for the console and every wall page (sandboxed, so bundled to CommonJS). It exposes the host
// contract and nothing else: no ipcRenderer, no Node. Results come back as data ({ok, value} / {ok, error});
// renderer/shared/preload-host.ts turns them into the HostApi.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, PDF_CHANNEL, REQUEST_CHANNEL } from './channels';

type Listener = (payload: unknown) => void;

// One IPC listener for all subscriptions: a page subscribing to many events must not pile up ipcRenderer
// listeners (and Node's max-listeners warning) per event.
const listeners = new Map<string, Set<Listener>>();
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const l of listeners.get(name) ?? []) {
    try {
      l(payload);
    } catch (err) {
      console.error(`nawa: listener for ${name} failed`, err);
    }
  }
});

contextBridge.exposeInMainWorld('nawa', {
  request(name: unknown, input: unknown): Promise<unknown> {
    if (typeof name !== 'string')
      return Promise.reject(new TypeError('nawa.request: the request name must be a string'));
    return ipcRenderer.invoke(REQUEST_CHANNEL, name, input);
  },
  /** The console page printed by Chromium to a PDF the operator saves (the situation report). */
  savePdf(request: unknown): Promise<unknown> {
    return ipcRenderer.invoke(PDF_CHANNEL, request);
  },
  on(name: unknown, listener: unknown): () => void {
    if (typeof name !== 'string' || typeof listener !== 'function') {
      throw new TypeError('nawa.on: expects an event name and a listener function');
    }
    const l = listener as Listener;
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(l);
    return () => {
      set.delete(l);
    };
  },
});
