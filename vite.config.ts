// Two pages from one renderer: the console at `/` and the wall at `/wall/N`, both served from dist/ by the host.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The dev server answers the same paths `nawa serve` does, and drops the CSP meta because React's
// fast-refresh preamble is an inline script; the built pages keep it.
function devPages(): Plugin {
  return {
    name: 'nawa-dev-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        const query = (req.url ?? '').slice(path.length);
        if (path === '/') req.url = `/console/index.html${query}`;
        else if (/^\/wall\/([1-9]\d?|all)\/?$/.test(path)) req.url = `/wall/index.html${query}`;
        next();
      });
    },
    transformIndexHtml(html) {
      return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
    },
  };
}

export default defineConfig({
  root: here('./renderer'),
  base: '/',
  plugins: [react(), devPages()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        console: here('./renderer/console/index.html'),
        wall: here('./renderer/wall/index.html'),
      },
      // Libraries change less often than our code: separate chunks keep a rebuild's diff (and cache misses) small.
      output: {
        codeSplitting: {
          groups: [
            { name: 'leaflet', test: /node_modules[\\/]leaflet/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
            // The desa polygons (1.3 MB) stay a chunk of their own, fetched when the console map first needs them.
            {
              name: 'shared',
              test: /[\\/](renderer[\\/]shared[\\/]|src[\\/]common[\\/]|resources[\\/]data[\\/](?!desa_kelurahan_kab_malang\.geojson))/,
            },
          ],
        },
      },
    },
  },
  server: {
    // Point the dev server at a running `nawa serve` to get its WebSocket host API.
    proxy: { '/host': { target: process.env.NAWA_HOST_URL ?? 'http://127.0.0.1:8790', ws: true } },
  },
});
