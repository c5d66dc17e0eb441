import { QueryClient } from '@tanstack/react-query';
import { HostRequestError } from '../../src/common/host-api';
import type { HostErrorCode } from '../../src/common/host-errors';

// Refusals by the host (bad input, wrong role, not logged in) do not get better by asking again.
const NOT_RETRIED = new Set<string>([
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'bad_response',
] satisfies HostErrorCode[]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Host events keep the cache fresh; this is only a safety net for a missed event.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 3 && !(error instanceof HostRequestError && NOT_RETRIED.has(error.code)),
      },
      mutations: { retry: false },
    },
  });
}
