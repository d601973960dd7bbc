/** Builds the single-page web app from web/ into web/dist (served by the API server with SPA fallback). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    // The strict CSP allows only same-origin files: no inlined assets, no inline preload polyfill.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // `npm start` serves on 3000 by default; the dev server forwards the API there.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
