// Both pages start the same way: the host link, the query cache, then the page's own app.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { getHost } from './host-client';
import { HostProvider } from './host-context';
import { createQueryClient } from './query-client';

export function mountApp(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    <StrictMode>
      <HostProvider host={getHost()}>
        <QueryClientProvider client={createQueryClient()}>{app}</QueryClientProvider>
      </HostProvider>
    </StrictMode>,
  );
}
