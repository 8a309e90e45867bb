import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The renderer alone, for `npm run web` and the browser tests (Electron builds it via electron.vite.config.ts). */
export default defineConfig({
  root: resolve(__dirname),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(__dirname, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
