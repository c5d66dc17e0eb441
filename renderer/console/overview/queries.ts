import { useHostQuery } from '../../shared/host-query';

export function useOverview() {
  return useHostQuery('overview.get', {});
}
