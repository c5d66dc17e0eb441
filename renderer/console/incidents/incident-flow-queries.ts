// Host requests of the incident workflow: timeline, notes, FTS search and the SLA policy.
import { useMutation } from '@tanstack/react-query';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';

export function useTimeline(id: string | null) {
  return useHostQuery(
    'incidents.timeline',
    { id: id ?? '00000000-0000-4000-8000-000000000000' },
    { enabled: id !== null },
  );
}

export function useAddNote() {
  const host = useHost();
  // The host's data.changed event (incident_note) refreshes the timeline.
  return useMutation({
    mutationFn: (input: { incidentId: string; text: string }) => host.request('incidents.addNote', input),
  });
}

export function useIncidentSearch(query: string) {
  const q = query.trim();
  return useHostQuery('incidents.search', { query: q }, { enabled: q.length > 0, staleTime: 5_000 });
}

export function useSlaPolicy() {
  return useHostQuery('incidents.sla', {}, { staleTime: Infinity });
}
