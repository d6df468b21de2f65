import { defineConfig } from 'vitest/config';

/**
 * Test settings shared by every package: sibling packages resolve to their TypeScript sources
 * through the `@nn/source` export condition, so no build is needed to test.
 */
export function packageTestConfig(name: string, extra: { testTimeout?: number } = {}) {
  return defineConfig({
    ssr: { resolve: { conditions: ['@nn/source', 'module', 'node', 'development|production'] } },
    resolve: { conditions: ['@nn/source', 'module', 'browser', 'development|production'] },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: extra.testTimeout ?? 30_000,
      allowOnly: false,
    },
  });
}
