import { describe, expect, it } from 'vitest';
import { PreloadHost, type NawaBridge } from './preload-host';

const STATE = { stateVersion: 2, layout: null, switchedAt: null, bezelPx: 0, identify: false, undoLayoutId: null };

function bridge(answer: (name: string, input: unknown) => Promise<unknown>) {
  const listeners = new Map<string, (p: unknown) => void>();
  const b: NawaBridge = {
    request: answer,
    on: (name, l) => {
      listeners.set(name, l);
      return () => listeners.delete(name);
    },
  };
  return { b, emit: (name: string, p: unknown) => listeners.get(name)?.(p) };
}

describe('PreloadHost', () => {
  it('checks answers against the contract and raises errors with their code', async () => {
    const { b } = bridge(async (name) =>
      name === 'wall.state' ? { ok: true, value: STATE } : { ok: false, error: { code: 'forbidden', message: 'no' } },
    );
    const host = new PreloadHost(b);
    await expect(host.request('wall.state', {})).resolves.toEqual(STATE);
    await expect(
      host.request('wall.switch', { layoutId: '6e1f0a52-0000-4000-8000-000000000003' }),
    ).rejects.toMatchObject({ name: 'HostRequestError', code: 'forbidden' });
  });

  it('turns a broken IPC call into a HostRequestError', async () => {
    const host = new PreloadHost(bridge(() => Promise.reject(new Error('channel closed'))).b);
    await expect(host.request('wall.state', {})).rejects.toMatchObject({ code: 'ipc_failed' });
  });

  it('passes on only events that match their schema', () => {
    const { b, emit } = bridge(async () => ({ ok: true, value: {} }));
    const seen: unknown[] = [];
    new PreloadHost(b).on('wall.state', (s) => seen.push(s));
    emit('wall.state', STATE);
    emit('wall.state', { stateVersion: -1 });
    expect(seen).toEqual([STATE]);
  });
});
