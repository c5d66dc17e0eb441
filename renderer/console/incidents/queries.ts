import { useHostQuery } from '../../shared/host-query';

export function useIncidents() {
  return useHostQuery('incidents.list', {});
}
