import { ArgumentError, clamp, keep, mul, norm, type Tensor, untracked, Variable } from '@nn/tensor';
import { checkBoolean, checkNonNegative, checkNumber, checkOptionKeys, show } from './validate.js';

/** Options of `clipGradNorm`. @category Clipping */
export interface ClipGradNormOptions {
  /** The order p of the norm: a number > 0, or `'inf'` / `Infinity` for the max-norm (default 2). */
  normType?: number | 'inf';
  /** Throw when the total norm is NaN or infinite instead of scaling by it (default false). */
  errorIfNonfinite?: boolean;
}

/** The Variables of `params` that have a gradient. */
function withGrads(op: string, params: Iterable<Variable>): Variable[] {
  if (params instanceof Variable) return params.grad === null ? [] : [params];
  if (params === null || typeof params !== 'object' || !(Symbol.iterator in params)) {
    throw new ArgumentError({ op, arg: 'params', expected: 'an iterable of Variables', got: show(params) });
  }
  const list = [...params];
  list.forEach((v, i) => {
    if (!(v instanceof Variable))
      throw new ArgumentError({ op, arg: `params[${i}]`, expected: 'a Variable', got: show(v) });
  });
  return list.filter((v) => v.grad !== null);
}

/** Replaces `v.grad` with `next` (kept), freeing the old gradient. */
function replaceGrad(v: Variable, next: Tensor): void {
  const old = v.grad;
  v.grad = keep(next);
  if (old !== null && old !== next) old.dispose();
}

/**
 * Rescales the gradients of `params` so that their total norm (the norm of all gradients taken
 * together, as one vector) is at most `maxNorm`, as PyTorch's `clip_grad_norm_`: when the total
 * norm N exceeds it, every gradient is multiplied by `maxNorm / (N + 1e-6)`. Variables without a
 * gradient are skipped. Call it between `backward` and `optimizer.step()`.
 *
 * @param params - the Variables whose gradients to clip (e.g. `model.parameters()`).
 * @param maxNorm - the largest total norm allowed (≥ 0).
 * @param options - `normType` (2), `errorIfNonfinite` (false).
 * @returns the total norm before clipping (0 when no Variable has a gradient).
 * @throws `ArgumentError` for maxNorm < 0, a normType that is not > 0 or `'inf'`, or a
 *   non-finite total norm with `errorIfNonfinite`.
 * @example
 * ```ts
 * const a = new Variable(zeros([2]));
 * const b = new Variable(zeros([1]));
 * a.grad = tensor([3, 0]);
 * b.grad = tensor([4]);
 * clipGradNorm([a, b], 1); // 5
 * a.grad.toArray(); // ≈ [0.6, 0]
 * b.grad.toArray(); // ≈ [0.8]
 * clipGradNorm([a, b], 1, { normType: 'inf' }); // ≈ 0.8
 * ```
 * @category Clipping
 */
export function clipGradNorm(params: Iterable<Variable>, maxNorm: number, options: ClipGradNormOptions = {}): number {
  const op = 'clipGradNorm';
  checkOptionKeys(op, 'options', options, ['normType', 'errorIfNonfinite']);
  const max = checkNonNegative(op, 'maxNorm', maxNorm);
  const p = options.normType ?? 2;
  if (!(p === 'inf' || (typeof p === 'number' && p > 0))) {
    throw new ArgumentError({ op, arg: 'options.normType', expected: "a number > 0 or 'inf'", got: show(p) });
  }
  const errorIfNonfinite = checkBoolean(op, 'options.errorIfNonfinite', options.errorIfNonfinite ?? false);
  const vars = withGrads(op, params);
  if (vars.length === 0) return 0;
  const inf = p === 'inf' || p === Infinity;
  return untracked(() => {
    let total = 0;
    for (const v of vars) {
      const g = v.grad!;
      g.assertAlive(op, `${v.name}.grad`);
      if (g.shape.includes(0)) continue;
      const n = norm(g, inf ? 'inf' : p);
      const value = n.item() as number;
      n.dispose();
      total = inf ? (Number.isNaN(value) || value > total ? value : total) : total + value ** (p as number);
    }
    if (!inf) total = total ** (1 / (p as number));
    if (errorIfNonfinite && !Number.isFinite(total)) {
      throw new ArgumentError({
        op,
        arg: 'params',
        expected: 'gradients with a finite total norm',
        got: `a total norm of order ${String(p)} of ${total}`,
        hint: 'Set errorIfNonfinite: false to scale the gradients by the non-finite norm anyway',
      });
    }
    const coef = Math.min(max / (total + 1e-6), 1);
    if (!(coef >= 1)) for (const v of vars) replaceGrad(v, mul(v.grad!, coef));
    return total;
  });
}

/**
 * Clamps every gradient of `params` elementwise into `[−clipValue, clipValue]`, as PyTorch's
 * `clip_grad_value_`. Variables without a gradient are skipped.
 *
 * @param params - the Variables whose gradients to clip.
 * @param clipValue - the largest magnitude allowed (≥ 0).
 * @throws `ArgumentError` for clipValue < 0 or NaN.
 * @example
 * ```ts
 * const w = new Variable(zeros([3]));
 * w.grad = tensor([-5, 0.5, 2]);
 * clipGradValue([w], 1);
 * w.grad.toArray(); // [-1, 0.5, 1]
 * ```
 * @category Clipping
 */
export function clipGradValue(params: Iterable<Variable>, clipValue: number): void {
  const op = 'clipGradValue';
  const c = checkNonNegative(op, 'clipValue', checkNumber(op, 'clipValue', clipValue));
  const vars = withGrads(op, params);
  untracked(() => {
    for (const v of vars) replaceGrad(v, clamp(v.grad!, -c, c));
  });
}
