import { defineConfig, type EnvironmentOptions } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

/*
 * Builds the Electron main process and the preload as two separate bundles (two Vite
 * environments), each ONE CommonJS file with everything inlined: the packaged app ships no
 * node_modules, and a sandboxed preload can `require('electron')` and nothing else — a chunk
 * shared between the two entries would be a `require('./chunk.cjs')` it cannot load.
 *
 *   dist-electron/main.cjs     package.json "main"
 *   dist-electron/preload.cjs  loaded by the BrowserWindow (electron/main/window.ts)
 */

const outDir = fileURLToPath(new URL('./dist-electron', import.meta.url));
const external = ['electron', /^node:/, ...builtinModules];

function nodeBundle(entry: string, fileName: string, emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: {
      // Bundle every dependency (zod, …): nothing is resolved from node_modules at run time.
      noExternal: true,
      external: ['electron'],
    },
    build: {
      outDir,
      emptyOutDir,
      target: 'node22', // Electron 45 ships Node 22
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: fileURLToPath(new URL(entry, import.meta.url)),
        external,
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  // Not the renderer's public/ folder, not its index.html.
  publicDir: false,
  environments: {
    main: nodeBundle('./electron/main/index.ts', 'main.cjs', true),
    preload: nodeBundle('./electron/preload/index.ts', 'preload.cjs', false),
  },
  builder: {
    // In order: main empties dist-electron/, then preload adds its file.
    async buildApp(builder) {
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
    },
  },
});
