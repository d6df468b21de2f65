import { defineConfig, type Options } from 'tsup';

/**
 * The one build recipe every published package uses: ESM + CJS + .d.ts, source maps, never minified
 * (gpu.js compiles kernel source text, and readable stack traces matter more than bytes).
 */
export function packageBuild(entry: Record<string, string>): Options | Options[] {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
    minify: false,
    splitting: true,
  });
}
