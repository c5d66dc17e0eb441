// react-query hooks for editing layouts, the schedule and the wall's suggestions; host events keep them current.
import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestInput } from '../../../src/common/host-api';
import type { WallAdvice } from '../../../src/common/wall-plan-api';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKey, hostKeyPrefix } from '../../shared/query-keys';

const ADVICE = hostKey('wall.advice', {});
const SCHEDULE = hostKey('schedule.get', {});

/** Pushed by `wall.advice` events (a critical incident came in, an interrupt began or ended). */
export function useWallAdvice() {
  const host = useHost();
  const client = useQueryClient();
  useEffect(() => host.on('wall.advice', (advice) => client.setQueryData(ADVICE, advice)), [host, client]);
  return useHostQuery('wall.advice', {}, { staleTime: Infinity });
}

export function useSchedule() {
  const host = useHost();
  const client = useQueryClient();
  useEffect(() => host.on('schedule.changed', (view) => client.setQueryData(SCHEDULE, view)), [host, client]);
  return useHostQuery('schedule.get', {}, { staleTime: 60_000 });
}

/** Edits the central side did not take; refreshed whenever layouts change (query-keys.ts). */
export function useLayoutConflicts() {
  return useHostQuery('layouts.conflicts', {});
}

function useRefreshLayouts() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: hostKeyPrefix('layouts.list') });
    void client.invalidateQueries({ queryKey: hostKeyPrefix('layouts.conflicts') });
    void client.invalidateQueries({ queryKey: hostKeyPrefix('sync.status') });
  };
}

export function useSaveLayout() {
  const host = useHost();
  const refresh = useRefreshLayouts();
  return useMutation({
    mutationFn: (input: RequestInput<'layouts.save'>) => host.request('layouts.save', input),
    onSuccess: refresh,
  });
}

export function useDeleteLayout() {
  const host = useHost();
  const refresh = useRefreshLayouts();
  return useMutation({
    mutationFn: (input: RequestInput<'layouts.delete'>) => host.request('layouts.delete', input),
    onSuccess: refresh,
  });
}

/** Puts a lost edit away (it is an outbox entry the central side did not take). */
export function useDismissLostEdit() {
  const host = useHost();
  const refresh = useRefreshLayouts();
  return useMutation({
    mutationFn: (id: string) => host.request('outbox.dismiss', { id }),
    onSuccess: refresh,
  });
}

export function useSaveSchedule() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<'schedule.save'>) => host.request('schedule.save', input),
    onSuccess: (view) => client.setQueryData(SCHEDULE, view),
  });
}

type AdviceAction =
  { take: { layoutId: string; incidentIds: string[] } } | { dismiss: { incidentIds: string[] } } | { end: true };

export function useAdviceAction() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: AdviceAction): Promise<WallAdvice> =>
      'take' in a
        ? host.request('wall.takeSuggestion', a.take)
        : 'dismiss' in a
          ? host.request('wall.dismissSuggestion', a.dismiss)
          : host.request('wall.endInterrupt', {}),
    onSuccess: (advice) => client.setQueryData(ADVICE, advice),
  });
}
