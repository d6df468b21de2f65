// Shared samples and counted checks for the movement-group gradient tests.
import { concat, Generator, randn, reshape, tensor, type NestedArray, type Tensor } from '@nn/tensor';
import { afterAll, expect } from 'vitest';
import { gradcheck, gradgradcheck } from '../../src/index.js';

/** An int32 index tensor. */
export const idx = (values: NestedArray, shape?: number[]): Tensor =>
  shape === undefined ? tensor(values, { dtype: 'int32' }) : tensor(values, { dtype: 'int32', shape });
/** All outputs of a multi-output op as one differentiable tensor. */
export const joined = (parts: Tensor[]): Tensor => concat(parts.map((p) => reshape(p, [-1])));

/**
 * A seeded sampler and counted gradient checks for one test file; after the file, logs how many
 * `gradcheck` and `gradgradcheck` calls passed under `label`.
 */
export function movementChecks(label: string): {
  rnd: (shape: number[]) => Tensor;
  check: <A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A) => void;
  check2: <A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A) => void;
} {
  let first = 0;
  let second = 0;
  afterAll(() => {
    console.info(`${label}: ${first} gradcheck and ${second} gradgradcheck calls passed`);
  });
  const gen = new Generator(20240611);
  return {
    /** A float64 tensor of standard normal values. */
    rnd: (shape) => randn(shape, { dtype: 'float64', generator: gen }),
    check: (f, inputs) => {
      expect(gradcheck(f, inputs)).toBe(true);
      first++;
    },
    check2: (f, inputs) => {
      expect(gradgradcheck(f, inputs)).toBe(true);
      second++;
    },
  };
}
