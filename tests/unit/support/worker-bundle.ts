// vitest's global setup: builds the parse worker (src/main/services/workers/entry.ts) from the
// sources under test, as electron-vite builds it into out/main/worker.js for the app, so that
// every import a unit test runs goes through a real worker thread with its real limits.
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OUT = path.join(ROOT, 'node_modules/.cache/marginalia-test-worker');

export default async function setup(): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { alias: { '@shared': path.join(ROOT, 'src/shared') } },
    build: {
      ssr: path.join(ROOT, 'src/main/services/workers/entry.ts'),
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      sourcemap: 'inline',
      rollupOptions: { output: { entryFileNames: 'worker.js', format: 'es' } },
    },
  });
  process.env['MARGINALIA_WORKER_SCRIPT'] = path.join(OUT, 'worker.js');
}
