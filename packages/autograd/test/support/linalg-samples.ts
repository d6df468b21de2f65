// Shared samples and counted checks for the linalg-group gradient tests.
import { Generator, randn, tensor, type Tensor } from '@nn/tensor';
import { runKernel } from '@nn/tensor/backend';
import { afterAll, expect } from 'vitest';
import { gradcheck, gradgradcheck } from '../../src/index.js';

/** Seeded samplers for one test file. */
export function linalgSamples(): {
  r: (...shape: number[]) => Tensor;
  distinct: (...shape: number[]) => Tensor;
} {
  const gen = new Generator(20240611);
  return {
    /** A seeded standard-normal float64 tensor. */
    r: (...shape) => randn(shape, { dtype: 'float64', generator: gen }),
    /**
     * A float64 tensor whose values are distinct and at least 0.05 apart (a shuffled ramp plus a
     * little noise), so max pooling has no ties and finite differences never cross a switch.
     */
    distinct: (...shape) => {
      const size = shape.reduce((p, d) => p * d, 1);
      const values = Array.from({ length: size }, (_, i) => i);
      for (let i = size - 1; i > 0; i--) {
        const j = Math.floor(gen.random() * (i + 1));
        [values[i], values[j]] = [values[j]!, values[i]!];
      }
      return tensor(
        values.map((v) => (v - size / 2) * 0.1 + 0.01 * gen.random()),
        { dtype: 'float64', shape },
      );
    },
  };
}

/** The MatMul primitive with its transpose attrs. */
export const mm =
  (transposeA: boolean, transposeB: boolean) =>
  (a: Tensor, b: Tensor): Tensor =>
    runKernel('MatMul', { a, b }, { transposeA, transposeB });

/** Counts of the checks that passed in one test file. */
export interface CheckCounts {
  checks: number;
  secondOrder: number;
}

/** Counted `gradcheck` (`check`) and `gradgradcheck` (`check2`) for one test file. */
export function linalgChecks(): {
  counts: CheckCounts;
  check: <A extends Tensor[]>(f: (...xs: A) => Tensor, ...inputs: A) => void;
  check2: <A extends Tensor[]>(f: (...xs: A) => Tensor, ...inputs: A) => void;
} {
  const counts: CheckCounts = { checks: 0, secondOrder: 0 };
  return {
    counts,
    check: (f, ...inputs) => {
      expect(gradcheck(f, inputs)).toBe(true);
      counts.checks++;
    },
    check2: (f, ...inputs) => {
      expect(gradgradcheck(f, inputs)).toBe(true);
      counts.secondOrder++;
    },
  };
}

interface TaskLike {
  type: string;
  mode: string;
  tasks?: readonly TaskLike[];
}

/**
 * After a test file has run in full (no test filtered out or skipped), checks that it ran
 * exactly `expected` checks, so a check silently dropped shows.
 */
export function expectCountsAfterAll(counts: CheckCounts, expected: CheckCounts): void {
  const allRan = (task: TaskLike): boolean =>
    task.type === 'test' ? task.mode === 'run' : (task.tasks ?? []).every(allRan);
  // Vitest requires a destructuring pattern for the (unused) first argument, the hook context.
  // eslint-disable-next-line no-empty-pattern
  afterAll(({}, file) => {
    if (allRan(file as unknown as TaskLike)) expect(counts).toEqual(expected);
  });
}
