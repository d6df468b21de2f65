import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Sibling packages from their TypeScript sources (no build needed), as in every package. */
const SOURCE_CONDITIONS = ['@nn/source', 'module', 'node', 'development|production'];
/** Sibling packages from their built `dist/`: what users install. */
const DIST_CONDITIONS = ['module', 'node', 'development|production'];

/**
 * Three projects, one report:
 * - `backend-gpujs`: Node tests on the sources (webasm and cpu modes);
 * - `backend-gpujs:dist`: the Node conformance runs again on the built packages, because gpu.js
 *   compiles kernel source text and a build must not change it;
 * - `backend-gpujs:chromium`: WebGL2 and WebGPU in headless Chromium (Debian's `chromium`), on
 *   the built packages.
 * - `backend-gpujs:chromium-src`: the browser tests on the sources, for working on kernels without
 *   a build (not part of `pnpm test`).
 * Tests import the package by its name; each project points that name at `src/` or `dist/`.
 */
/** Settings every project shares (inline projects do not inherit the root's). */
const COMMON = { testTimeout: 120_000, hookTimeout: 120_000, allowOnly: false };

/** A project of the browser tests in headless Chromium, on the built packages or on the sources. */
function chromiumProject(name: string, from: 'dist' | 'src') {
  return {
    resolve: {
      conditions: [...(from === 'src' ? ['@nn/source'] : []), 'module', 'browser', 'development|production'],
      alias: { '@nn/backend-gpujs': here(from === 'src' ? './src/index.ts' : './dist/index.js') },
    },
    test: {
      ...COMMON,
      name,
      include: ['test/browser/**/*.test.ts'],
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } }),
        instances: [{ browser: 'chromium' as const }],
      },
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
        resolve: { alias: { '@nn/backend-gpujs': here('./src/index.ts') } },
        test: { ...COMMON, name: 'backend-gpujs', include: ['test/node/**/*.test.ts'] },
      },
      {
        ssr: { resolve: { conditions: DIST_CONDITIONS } },
        resolve: { alias: { '@nn/backend-gpujs': here('./dist/index.js') } },
        test: { ...COMMON, name: 'backend-gpujs:dist', include: ['test/node/conformance.test.ts'] },
      },
      chromiumProject('backend-gpujs:chromium', 'dist'),
      chromiumProject('backend-gpujs:chromium-src', 'src'),
    ],
  },
});
