import { ArgumentError, concat, DTypeError, mul, reshape, sum, Tensor, tensor, zeros } from '@nn/tensor';
import { grad } from './api.js';
import { autogradState } from './state.js';
import { reversePass } from './backward-pass.js';
import { withNodeFrame } from './node-frame.js';
import { GradientError } from './errors.js';
import { closeRecording, openRecording } from './recorder.js';
import { requiresGrad, unwatch, watch } from './requires-grad.js';

/** Options of `gradcheck`; the defaults are PyTorch's. @category Autograd */
export interface GradcheckOptions {
  /** Finite-difference step (default 1e-6). */
  eps?: number;
  /** Absolute tolerance (default 1e-5). */
  atol?: number;
  /** Relative tolerance, against the numeric value (default 1e-3). */
  rtol?: number;
}

function unravel(i: number, shape: readonly number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(i % shape[d]!);
    i = Math.floor(i / shape[d]!);
  }
  return `[${idx.join(',')}]`;
}

/** `f(...inputs)` as float64 values. Not under `noGrad`: an `f` that takes gradients itself must record them. */
function evaluate<A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A): Float64Array {
  return withNodeFrame(false, () => Float64Array.from(f(...inputs).dataSync()));
}

/**
 * Checks the analytic gradients of `f` against central finite differences, element by element of
 * the full Jacobian, in float64: `|analytic − numeric| ≤ atol + rtol·|numeric|` for every input
 * element and output element. Inputs must be float64 tensors (the check would not be meaningful
 * in float32). Returns `true` or throws a `GradientError` naming the input, the input element,
 * the output element, and both values.
 *
 * Cost: one backward pass per output element and two forward passes per input element, so keep
 * tensors small.
 * @example
 * ```ts
 * gradcheck((x: Tensor) => mul(x, x), [tensor([1, 2], { dtype: 'float64' })]); // true
 * ```
 * @category Autograd
 */
export function gradcheck<A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A, options: GradcheckOptions = {}): boolean {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3 } = options;
  inputs.forEach((x, i) => {
    if (!(x instanceof Tensor)) throw new ArgumentError({ op: 'gradcheck', arg: `inputs[${i}]`, expected: 'a Tensor', got: typeof x });
    if (x.dtype !== 'float64') {
      throw new DTypeError({ op: 'gradcheck', arg: `inputs[${i}]`, expected: 'a float64 tensor', got: x.dtype });
    }
  });
  const base = evaluate(f, inputs);
  const analytic = analyticJacobians(f, inputs, base.length);
  inputs.forEach((x, i) => {
    const values = Float64Array.from(x.dataSync());
    for (let k = 0; k < values.length; k++) {
      const shifted = (delta: number): Float64Array => {
        const v = values.slice();
        v[k] = v[k]! + delta;
        const args = inputs.map((t, j) => (j === i ? tensor(v, { shape: x.shape }) : t)) as A;
        return evaluate(f, args);
      };
      const plus = shifted(eps);
      const minus = shifted(-eps);
      for (let o = 0; o < base.length; o++) {
        const numeric = (plus[o]! - minus[o]!) / (2 * eps);
        const a = analytic[i]![o * values.length + k]!;
        if (Math.abs(a - numeric) <= atol + rtol * Math.abs(numeric)) continue;
        throw new GradientError({
          op: 'gradcheck',
          arg: `inputs[${i}]`,
          expected: `d output${unravel(o, shapeOf(f, inputs))} / d input${unravel(k, x.shape)} = ${numeric} (numeric)`,
          got: `${a} (analytic), |difference| ${Math.abs(a - numeric)} > atol ${atol} + rtol ${rtol}·|numeric|`,
        });
      }
    }
  });
  return true;
}

function shapeOf<A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A): readonly number[] {
  return withNodeFrame(false, () => f(...inputs).shape);
}

/** For each input, its Jacobian rows `J[o][k] = d out[o] / d in[k]`, flattened row-major. */
function analyticJacobians<A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A, outSize: number): Float64Array[] {
  const jacobians = inputs.map((x) => new Float64Array(outSize * x.size));
  const state = autogradState();
  for (const x of inputs) watch(x);
  openRecording();
  state.gradScopes++; // a grad taken inside f records its backward pass for this one
  try {
    for (let o = 0; o < outSize; o++) {
      withNodeFrame(false, () => {
        const y = f(...inputs);
        if (!requiresGrad(y)) return; // f does not depend on the inputs: the analytic Jacobian is 0
        const seedValues = new Float64Array(outSize);
        seedValues[o] = 1;
        const seed = tensor(seedValues, { shape: y.shape, dtype: y.dtype });
        const grads = reversePass(y, seed, { createGraph: false, retainGraph: false });
        inputs.forEach((x, i) => {
          const g = grads.get(x) ?? zeros(x.shape, { dtype: x.dtype });
          jacobians[i]!.set(g.dataSync(), o * x.size);
        });
      });
    }
  } finally {
    state.gradScopes--;
    closeRecording();
    for (const x of inputs) unwatch(x);
  }
  return jacobians;
}

/**
 * Checks second derivatives: runs `gradcheck` on the function that maps the inputs to the
 * gradient of `sum(f(...inputs) · w)`, for a fixed pseudo-random cotangent `w`. Passes only where
 * the gradient rules of `f`'s ops are themselves differentiable.
 * @example
 * ```ts
 * gradgradcheck((x: Tensor) => mul(mul(x, x), x), [tensor([1, 2], { dtype: 'float64' })]); // true
 * ```
 * @category Autograd
 */
export function gradgradcheck<A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A, options: GradcheckOptions = {}): boolean {
  const outShape = shapeOf(f, inputs);
  let size = 1;
  for (const d of outShape) size *= d;
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) w[i] = 0.5 + ((i * 7919) % 13) / 13; // fixed, non-uniform weights
  const cotangent = tensor(w, { shape: outShape });
  const firstDerivatives = (...xs: A): Tensor => {
    const grads = grad((...ys: A) => sum(mul(f(...ys), cotangent)))(...xs) as unknown;
    const list = (Array.isArray(grads) ? grads : [grads]) as Tensor[];
    return concat(list.map((g) => reshape(g, [-1])));
  };
  return gradcheck(firstDerivatives, inputs, options);
}
