import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Documents are drawn in a worker thread: its own file beside index.js (see DocumentRenderer).
          'document-worker': resolve(__dirname, 'electron/backend/documents/worker/document-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages, so everything it uses is bundled in.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // The lunar calendar library only counts holidays for the backend; the screens reach its
        // module through shared code they use other parts of, and it declares no sideEffects.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/tyme4ts/') },
      },
    },
  },
});
