// The kernel cache compiles each key once, and refuses generated source whose loops could be cut
// short by gpu.js's loop cap (a bound that is not a literal, or more iterations than declared).
import { GPU } from 'gpu.js';
import { describe, expect, it } from 'vitest';
import { KernelCache } from '../../src/kernel-cache.js';

const SUM_OF_FOUR = 'function (x) { let s = 0; for (let j = 0; j < 4; j++) { s += x[j]; } return s + this.thread.x; }';

describe('KernelCache', () => {
  const cache = new KernelCache(new GPU({ mode: 'cpu' }), 'cpu');

  it('compiles a key once and reuses it', () => {
    let builds = 0;
    const build = () => {
      builds++;
      return { source: SUM_OF_FOUR, loopMax: 4 };
    };
    const first = cache.get('Sum4', 2, build);
    expect(cache.get('Sum4', 2, build)).toBe(first);
    expect(builds).toBe(1);
    expect(Array.from(first(new Float32Array([1, 2, 3, 4])) as Float32Array)).toEqual([10, 11]);
    cache.get('Sum4', 3, build);
    expect(builds).toBe(2);
  });

  it('refuses a loop that runs more often than its declared loopMax', () => {
    expect(() => cache.get('Short', 1, () => ({ source: SUM_OF_FOUR, loopMax: 3 }))).toThrow(
      /runs 4 times, more than its loopMax 3/,
    );
    const inclusive = SUM_OF_FOUR.replace('j < 4', 'j <= 4');
    expect(() => cache.get('Inclusive', 1, () => ({ source: inclusive, loopMax: 4 }))).toThrow(/runs 5 times/);
  });

  it('refuses a loop whose bound is not a literal', () => {
    const dynamic = SUM_OF_FOUR.replace('j < 4', 'j < this.thread.x');
    expect(() => cache.get('Dynamic', 1, () => ({ source: dynamic, loopMax: 4 }))).toThrow(/needs literal bounds/);
  });
});
