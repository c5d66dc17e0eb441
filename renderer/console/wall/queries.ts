import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WallState } from '../../../src/common/host-api';
import { useHost } from '../../shared/host-context';
import { newerWallState, useHostQuery } from '../../shared/host-query';
import { hostKey } from '../../shared/query-keys';

export function useLayouts() {
  return useHostQuery('layouts.list', {});
}

/** Kept current by `wall.state` events. */
export function useWallState() {
  return useHostQuery('wall.state', {}, { staleTime: Infinity });
}

/** Kept current by `wall.status` events. */
export function useWallStatus() {
  return useHostQuery('wall.status', {}, { staleTime: Infinity });
}

export function useSwitchLayout() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (layoutId: string) => host.request('wall.switch', { layoutId }),
    onSuccess: (state) =>
      client.setQueryData<WallState>(hostKey('wall.state', {}), (old) => newerWallState(old, state)),
  });
}

/** Back to the layout before the last switch. */
export function useUndoSwitch() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => host.request('wall.undo', {}),
    onSuccess: (state) =>
      client.setQueryData<WallState>(hostKey('wall.state', {}), (old) => newerWallState(old, state)),
  });
}

/** Bezel compensation and identify mode: how the wall draws the same state. */
export function useWallSetting() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (setting: { bezelPx: number } | { identify: boolean }) =>
      'bezelPx' in setting
        ? host.request('wall.setBezel', { px: setting.bezelPx })
        : host.request('wall.identify', { on: setting.identify }),
    onSuccess: (state) =>
      client.setQueryData<WallState>(hostKey('wall.state', {}), (old) => newerWallState(old, state)),
  });
}

/** The wall pages' pairing links (secrets): asked only for a role that may see them, never refetched on a timer. */
export function useWallPairing(enabled: boolean) {
  return useHostQuery('wall.pairing', {}, { enabled, staleTime: Infinity });
}
