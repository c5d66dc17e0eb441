// Builds the Electron side into dist-main/main/ (package.json "main" is dist-main/main/main.js):
//   main.js         the main process, ES module (package.json "type": "module")
//   host-worker.mjs the host's worker thread, one self-contained file: a worker cannot read from app.asar, so
//                   it is unpacked (electron-builder.yml) and must not import chunks or packages left inside;
//                   .mjs because no package.json with "type" sits beside it in app.asar.unpacked
//   preload.cjs     the preload, CommonJS in one file, as sandboxed preloads must be
// Run: npx vite build -c vite.main.config.ts (after `vite build` for the renderer, which main serves from dist/).
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const outDir = here('./dist-main/main');

/** One Node entry as one file; `external` stays an import, everything else is bundled in. */
function nodeEntry(
  name: string,
  input: string,
  external: string[],
  format: 'es' | 'cjs',
  ext: string,
): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true },
    build: {
      outDir,
      emptyOutDir: false,
      ssr: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      rolldownOptions: {
        input: { [name]: input },
        external: [...builtins, ...external],
        output: { format, entryFileNames: `[name].${ext}`, codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  publicDir: false,
  environments: {
    // electron-updater stays a package: it is shipped in node_modules and only main (inside app.asar) loads it.
    main: nodeEntry('main', here('./main/main.ts'), ['electron', 'electron-updater', 'better-sqlite3'], 'es', 'js'),
    // better-sqlite3 is native and unpacked beside the worker (asarUnpack), so it is loaded, not bundled.
    worker: nodeEntry('host-worker', here('./src/node/shell/host-worker.ts'), ['better-sqlite3'], 'es', 'mjs'),
    preload: nodeEntry('preload', here('./main/preload.ts'), ['electron'], 'cjs', 'cjs'),
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.worker!);
      await builder.build(builder.environments.preload!);
    },
  },
});
