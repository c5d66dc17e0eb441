// Drives a console host over its WebSocket, as the console UI does: requests and their results.
import { wsText } from '../../../src/node/base/ws-text';
import WebSocket from 'ws';
import type { Result } from '../../../src/common/host-api';

export class HostDriver {
  private next = 1;
  private readonly waiting = new Map<number, { ok: (r: Result<unknown>) => void; fail: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const frame = JSON.parse(wsText(raw)) as { t: string; id?: number; result?: Result<unknown> };
      if (frame.t !== 'res' || frame.id === undefined) return;
      this.waiting.get(frame.id)?.ok(frame.result!);
      this.waiting.delete(frame.id);
    });
    ws.on('close', () => {
      for (const w of this.waiting.values()) w.fail(new Error('the host connection closed'));
      this.waiting.clear();
    });
  }

  static async connect(url: string): Promise<HostDriver> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/host`);
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    ws.on('error', () => {});
    return new HostDriver(ws);
  }

  /** Resolves with the host's result; rejects when the connection ends first (no answer: not acknowledged). */
  request(name: string, input: unknown = {}): Promise<Result<unknown>> {
    const id = this.next++;
    return new Promise((ok, fail) => {
      if (this.ws.readyState !== WebSocket.OPEN) {
        fail(new Error('the host connection is closed'));
        return;
      }
      this.waiting.set(id, { ok, fail });
      this.ws.send(JSON.stringify({ t: 'req', id, name, input }));
    });
  }

  async value<T>(name: string, input: unknown = {}): Promise<T> {
    const r = await this.request(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  }

  close(): void {
    this.ws.terminate();
  }
}
