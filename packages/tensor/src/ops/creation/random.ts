import type { DType } from '../../dtype.js';
import { allocate, isFloat } from '../../dtype.js';
import { fromValues } from '../../engine/engine.js';
import { ArgumentError, DTypeError } from '../../errors.js';
import { defaultGenerator, type Generator } from '../../random.js';
import type { Shape } from '../../shape.js';
import { checkShape, sizeOf } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkDType } from '../operands.js';

/** Options of random creation ops. @category Random */
export interface RandomOptions {
  /** Element type (float32 unless stated otherwise). */
  dtype?: DType;
  /** The stream to draw from; the default generator (see `manualSeed`) otherwise. */
  generator?: Generator;
}

function floatDType(op: string, dtype: DType | undefined): DType {
  const d = checkDType(op, dtype, 'float32');
  if (!isFloat(d)) throw new DTypeError({ op, arg: 'dtype', expected: 'float32 | float64', got: d });
  return d;
}

function sample(op: string, shape: Shape, dtype: DType, draw: () => number): Tensor {
  const dims = checkShape(op, 'shape', shape);
  const values = allocate(dtype, sizeOf(dims));
  for (let i = 0; i < values.length; i++) values[i] = draw();
  return fromValues(values, dims, dtype);
}

/**
 * Uniform samples in [0, 1).
 * @example
 * ```ts
 * manualSeed(0);
 * rand([2, 2]).shape; // [2, 2]
 * ```
 * @category Random
 */
export function rand(shape: Shape, options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator();
  const dtype = floatDType('rand', options.dtype);
  // float32 keeps 24 random bits, rounded down: a 53-bit double just below 1 would round up to 1.
  const draw = dtype === 'float32' ? () => Math.floor(g.random() * 16777216) / 16777216 : () => g.random();
  return sample('rand', shape, dtype, draw);
}

/**
 * Standard normal samples (mean 0, variance 1).
 * @example
 * ```ts
 * randn([1000]).shape; // [1000]
 * ```
 * @category Random
 */
export function randn(shape: Shape, options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator();
  return sample('randn', shape, floatDType('randn', options.dtype), () => g.normal());
}

/**
 * Uniform integers in [low, high), `int32` unless `dtype` says otherwise.
 * @example
 * ```ts
 * randint(0, 10, [3]).dtype; // 'int32'
 * ```
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} unless `low < high` are integers.
 * @category Random
 */
export function randint(low: number, high: number, shape: Shape, options: RandomOptions = {}): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || low >= high) {
    throw new ArgumentError({ op: 'randint', arg: 'low, high', expected: 'integers with low < high', got: `${low}, ${high}` });
  }
  const g = options.generator ?? defaultGenerator();
  return sample('randint', shape, checkDType('randint', options.dtype, 'int32'), () => g.integer(low, high));
}

/**
 * Samples that are 1 with probability `p` and 0 otherwise; `p` is a number (with `shape`) or a
 * tensor of probabilities (the output takes its shape).
 * @example
 * ```ts
 * bernoulli(0.5, [4]).shape;            // [4]
 * bernoulli(tensor([0, 1])).toArray();  // [0, 1]
 * ```
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} when a probability is outside [0, 1].
 * @category Random
 */
export function bernoulli(p: number | Tensor, shape?: Shape, options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator();
  const dtype = checkDType('bernoulli', options.dtype, 'float32');
  const check = (v: number): number => {
    if (!(v >= 0 && v <= 1)) throw new ArgumentError({ op: 'bernoulli', arg: 'p', expected: 'probabilities in [0, 1]', got: String(v) });
    return v;
  };
  if (typeof p === 'number') {
    check(p);
    return sample('bernoulli', shape ?? [], dtype, () => (g.random() < p ? 1 : 0));
  }
  const probs = p.dataSync();
  let i = 0;
  return sample('bernoulli', p.shape, dtype, () => (g.random() < check(probs[i++]!) ? 1 : 0));
}
