import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// One self-contained script, served by the server at /widget.js (never committed).
export default defineConfig({
  resolve: { alias: { '@switchboard/client': fileURLToPath(new URL('../client/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../src/Switchboard.Server/wwwroot/widget', import.meta.url)),
    // Never delete earlier bundles during a build: MSBuild may have listed them already (parallel builds).
    emptyOutDir: false,
    lib: { entry: fileURLToPath(new URL('src/main.ts', import.meta.url)), name: 'SwitchboardWidget', formats: ['iife'], fileName: () => 'widget.js' },
    target: 'es2022',
  },
});
