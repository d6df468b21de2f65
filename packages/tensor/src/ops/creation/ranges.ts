import { allocate, isFloat } from '../../dtype.js';
import { fromValues } from '../../engine/engine.js';
import { ArgumentError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkDType } from '../operands.js';
import type { CreationOptions } from './tensor.js';

function checkFinite(op: string, arg: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ArgumentError({ op, arg, expected: 'a finite number', got: String(v) });
  }
  return v;
}

/**
 * Values from `start` (inclusive) to `end` (exclusive) by `step`, like `torch.arange`. With one
 * argument it counts from 0.
 * @example
 * ```ts
 * arange(4).toArray();          // [0, 1, 2, 3]
 * arange(1, 2, 0.25).toArray(); // [1, 1.25, 1.5, 1.75]
 * arange(3, { dtype: 'int32' }).dtype; // 'int32'
 * ```
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a zero step or non-finite bounds.
 * @category Creation
 */
export function arange(
  startOrEnd: number,
  endOrOptions?: number | CreationOptions,
  step: number | CreationOptions = 1,
  options: CreationOptions = {},
): Tensor {
  let start = 0;
  let end = startOrEnd;
  let opts = options;
  if (typeof endOrOptions === 'object') opts = endOrOptions;
  else if (endOrOptions !== undefined) {
    start = startOrEnd;
    end = endOrOptions;
  }
  if (typeof step === 'object') {
    opts = step;
    step = 1;
  }
  checkFinite('arange', 'start', start);
  checkFinite('arange', 'end', end);
  checkFinite('arange', 'step', step);
  if (step === 0) throw new ArgumentError({ op: 'arange', arg: 'step', expected: 'a non-zero step', got: '0' });
  const dtype = checkDType('arange', opts.dtype, 'float32');
  const count = Math.max(0, Math.ceil((end - start) / step));
  const values = allocate(dtype, count);
  for (let i = 0; i < count; i++) values[i] = start + i * step;
  return fromValues(values, [count], dtype);
}

/**
 * `steps` evenly spaced values from `start` to `end`, both included.
 * @example
 * ```ts
 * linspace(0, 1, 5).toArray(); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 * @category Creation
 */
export function linspace(start: number, end: number, steps: number, options: CreationOptions = {}): Tensor {
  checkFinite('linspace', 'start', start);
  checkFinite('linspace', 'end', end);
  if (!Number.isInteger(steps) || steps < 0) {
    throw new ArgumentError({ op: 'linspace', arg: 'steps', expected: 'a non-negative integer', got: String(steps) });
  }
  const dtype = checkDType('linspace', options.dtype, 'float32');
  if (!isFloat(dtype) && dtype !== 'int32') {
    throw new ArgumentError({ op: 'linspace', arg: 'dtype', expected: 'float32 | float64 | int32', got: dtype });
  }
  const values = allocate(dtype, steps);
  const delta = steps > 1 ? (end - start) / (steps - 1) : 0;
  for (let i = 0; i < steps; i++) values[i] = i === steps - 1 && steps > 1 ? end : start + i * delta;
  return fromValues(values, [steps], dtype);
}

/**
 * A 2-D tensor with ones on the diagonal: `[n, m]` (`m` defaults to `n`).
 * @example
 * ```ts
 * eye(2).toArray(); // [[1, 0], [0, 1]]
 * ```
 * @category Creation
 */
export function eye(n: number, m: number | CreationOptions = n, options: CreationOptions = {}): Tensor {
  let cols = m;
  let opts = options;
  if (typeof m === 'object') {
    opts = m;
    cols = n;
  }
  for (const [arg, v] of [['n', n], ['m', cols]] as const) {
    if (!Number.isInteger(v) || (v as number) < 0) {
      throw new ArgumentError({ op: 'eye', arg, expected: 'a non-negative integer', got: String(v) });
    }
  }
  const c = cols as number;
  const dtype = checkDType('eye', opts.dtype, 'float32');
  const values = allocate(dtype, n * c);
  for (let i = 0; i < Math.min(n, c); i++) values[i * c + i] = 1;
  return fromValues(values, [n, c], dtype);
}
