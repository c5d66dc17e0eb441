// The wall's state: asked for with `wall.hello` (again after every reconnect), then pushed by `wall.state`.
import { useEffect, useLayoutEffect, useState } from 'react';
import type { WallState } from '../../src/common/host-api';
import { useHost } from '../shared/host-context';
import type { WallPage } from './wall-number';

export interface WallFeed {
  /** Null until the host first answered. */
  state: WallState | null;
  /** Counts hellos answered, so a reconnect re-acknowledges even an unchanged state. */
  epoch: number;
}

const HELLO_RETRY_MS = 3000;

export function useWallFeed(page: WallPage | null): WallFeed {
  const host = useHost();
  const [feed, setFeed] = useState<WallFeed>({ state: null, epoch: 0 });
  const all = page?.kind === 'all';
  const wall = page === null ? null : page.kind === 'all' ? 1 : page.wall;

  useEffect(() => {
    if (wall === null) return;
    let alive = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const hello = () => {
      clearTimeout(retry);
      host.request('wall.hello', all ? { wall, all } : { wall }).then(
        // The hello answer is the host's word after a (re)connect, even if its version went backwards (host restart).
        (state) => alive && setFeed((f) => ({ state, epoch: f.epoch + 1 })),
        () => {
          if (alive && host.connected) retry = setTimeout(hello, HELLO_RETRY_MS);
        },
      );
    };
    const offState = host.on('wall.state', (state) =>
      setFeed((f) => (f.state && f.state.stateVersion > state.stateVersion ? f : { ...f, state })),
    );
    const offLink = host.onConnection((connected) => connected && hello());
    if (host.connected) hello();
    return () => {
      alive = false;
      clearTimeout(retry);
      offState();
      offLink();
    };
  }, [host, wall, all]);

  return feed;
}

/** After the new state is on screen, tell the host which version each wall drawn by this page shows. */
export function usePaintedAck(walls: readonly number[], feed: WallFeed): void {
  const host = useHost();
  const version = feed.state?.stateVersion;
  const key = walls.join(',');
  useEffect(() => {
    const shown = key === '' ? [] : key.split(',').map(Number);
    if (shown.length === 0 || version === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs just before the frame that shows the commit; the 0 ms task after it runs once that frame is out.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        for (const wall of shown) {
          host.request('wall.painted', { wall, stateVersion: version }).catch(() => {
            // Lost with the link: the next hello leads to a new acknowledgement.
          });
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [host, key, version, feed.epoch]);
}

/** What end-to-end tests read to know which state this page shows (`data-wall` is "all" for every cell). */
export function useBodyDataset(wall: number | 'all' | null, state: WallState | null): void {
  useLayoutEffect(() => {
    const data = document.body.dataset;
    if (wall !== null) data.wall = String(wall);
    if (state) {
      data.stateVersion = String(state.stateVersion);
      data.layoutId = state.layout?.id ?? '';
    }
  }, [wall, state]);
}
