import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { getHost } from '../shared/host-client';
import { HostProvider } from '../shared/host-context';
import { createQueryClient } from '../shared/query-client';
import { ConsoleApp } from './console-app';
import '../shared/theme.css';
import './console.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');

createRoot(root).render(
  <StrictMode>
    <HostProvider host={getHost()}>
      <QueryClientProvider client={createQueryClient()}>
        <ConsoleApp />
      </QueryClientProvider>
    </HostProvider>
  </StrictMode>,
);
