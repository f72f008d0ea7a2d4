/**
 * The web app's build: web/ is the root, dist/web the output (served by src/server/web.ts at /,
 * files under /assets/). `npm run dev:web` proxies the API to a server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // The chart library is most of the bundle; one chunk per screen is not worth the requests.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
