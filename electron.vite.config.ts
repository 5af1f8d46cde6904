import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/security';

/**
 * Puts the Content-Security-Policy into the built page as well as in the HTTP headers (app://
 * protocol, browser bridge), so the policy travels with the file. Only in builds: the dev
 * server's hot reload needs inline scripts. frame-ancestors is header-only (ignored in <meta>).
 */
function contentSecurityPolicyMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'marginalia-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      ),
  };
}

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') };

/** The parse worker's code (src/main/services/workers/pool.ts starts it as out/main/worker.js). */
const WORKER_ENTRY = 'src/main/services/workers/entry.ts';

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        // Four entries share one build: the Electron shell, the CLI (plain Node: it never
        // imports `electron`), the parse worker both of them start, and the benchmark.
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/main.ts'),
          worker: resolve(import.meta.dirname, WORKER_ENTRY),
          bench: resolve(import.meta.dirname, 'bench/main.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: shared },
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      // A smaller script parses faster, and the first paint of a record waits for it.
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
