import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into the server's wwwroot/app (never committed); the server serves it at /app.
export default defineConfig({
  base: '/app/',
  resolve: { alias: { '@switchboard/client': fileURLToPath(new URL('../client/src/index.ts', import.meta.url)) } },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../../src/Switchboard.Server/wwwroot/app', import.meta.url)),
    // Never delete earlier bundles during a build: MSBuild may have listed them already (parallel builds).
    emptyOutDir: false,
    sourcemap: true,
  },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:5000', ws: true } } },
});
