import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DecisionView, RequestInput, RequestOutput } from '../../../src/common/host-api';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKey, hostKeyPrefix } from '../../shared/query-keys';

export const DECISION_LOG_LIMIT = 200;

export function useDecisions(limit = DECISION_LOG_LIMIT) {
  return useHostQuery('decisions.list', { limit });
}

/** Puts a just-recorded decision at the head of a cached log, replacing an older copy of it. */
export function withDecision(
  old: RequestOutput<'decisions.list'> | undefined,
  decision: DecisionView,
): RequestOutput<'decisions.list'> | undefined {
  if (!old) return old;
  return { decisions: [decision, ...old.decisions.filter((d) => d.id !== decision.id)] };
}

function useShowRecorded() {
  const client = useQueryClient();
  return ({ decision }: { decision: DecisionView }) => {
    // Shown at once as pending; the log refetch and later sync events bring its seq and hash.
    client.setQueryData(
      hostKey('decisions.list', { limit: DECISION_LOG_LIMIT }),
      (old: RequestOutput<'decisions.list'> | undefined) => withDecision(old, decision),
    );
    void client.invalidateQueries({ queryKey: hostKeyPrefix('decisions.list') });
  };
}

export function useRecordDecision() {
  const host = useHost();
  return useMutation({
    mutationFn: (input: RequestInput<'decisions.record'>) => host.request('decisions.record', input),
    onSuccess: useShowRecorded(),
  });
}

/** A new decision that supersedes `supersedes`, its reason signed as its rationale. */
export function useCorrectDecision() {
  const host = useHost();
  return useMutation({
    mutationFn: (input: RequestInput<'decisions.correct'>) => host.request('decisions.correct', input),
    onSuccess: useShowRecorded(),
  });
}
