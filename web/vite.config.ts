/**
 * The web app's build: web/ is the root, dist/web the output (served by src/server/web.ts at /,
 * files under /assets/). `npm run dev:web` proxies the API to a server on port 3000.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const outDir = here('../dist/web');

/**
 * Writes the new files over the old and only then removes the files of earlier builds, instead of
 * emptying the folder first: a server running from dist/web (a test, a page open in a browser)
 * never finds its files missing while a build runs, since unchanged files keep their names.
 */
function pruneStaleAssets(): Plugin {
  return {
    name: 'allpath-prune-stale-assets',
    apply: 'build',
    writeBundle(_options, bundle) {
      const assets = join(outDir, 'assets');
      const current = new Set(Object.keys(bundle).map((f) => f.replace(/^assets\//, '')));
      for (const file of readdirSync(assets)) if (!current.has(file)) rmSync(join(assets, file), { force: true });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), pruneStaleAssets()],
  build: {
    outDir,
    emptyOutDir: false,
    assetsDir: 'assets',
    sourcemap: false,
    // The chart library is most of the bundle; it loads with the case page only.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
