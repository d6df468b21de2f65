// The attention kernel shared by scaledDotProductAttention and multiHeadAttentionForward, and the
// mask helpers both use (internal: not exported from the package).
import {
  add,
  any,
  broadcastShapes,
  cast,
  DTypeError,
  eq,
  type Generator,
  matmul,
  maskedFill,
  max,
  mul,
  ShapeError,
  softmax,
  tensor,
  type Tensor,
  untracked,
  zeros,
} from '@nn/tensor';
import { dropout } from '../layers/dropout.js';
import { checkTensorArg, shapeText } from '../../layers/checks.js';

/** Options of `attend`. @internal */
export interface AttendOptions {
  /** Multiplies the queries (1/√E by default in the callers). */
  scale: number;
  /** An additive float mask broadcastable to the scores `[*, L, S]` (−∞ = excluded), or null. */
  mask: Tensor | null;
  /** Dropout probability on the attention weights (0: none). */
  dropoutP: number;
  generator: Generator | undefined;
}

/**
 * `softmax(q·kᵀ·scale + mask)·v` over the last two dims: `q: [*, L, E]`, `k: [*, S, E]`,
 * `v: [*, S, Ev]` → `output: [*, L, Ev]`, `weights: [*, L, S]` (after dropout, as PyTorch returns
 * them). A query row whose every score is −∞ (all of its keys masked) gets zero weights and a zero
 * output instead of softmax's NaN, and passes zero gradients. Call inside `tidy`. @internal
 */
export function attend(q: Tensor, k: Tensor, v: Tensor, options: AttendOptions): { output: Tensor; weights: Tensor } {
  let scores = matmul(mul(q, options.scale), k, { transposeB: true });
  if (options.mask !== null) scores = add(scores, options.mask);
  let weights: Tensor;
  // Rows that are masked entirely: found without recording (no gradient flows through a comparison).
  // Without synchronous reads (WebGPU) the guarded path always runs: the same values, a few more ops.
  const dead = options.mask === null ? null : untracked(() => eq(max(scores, -1, true), -Infinity));
  if (dead !== null && (!dead.backend.capabilities.syncRead || untracked(() => any(dead).dataSync()[0] === 1))) {
    weights = maskedFill(softmax(maskedFill(scores, dead, 0), -1), dead, 0);
  } else {
    weights = softmax(scores, -1);
  }
  if (options.dropoutP > 0) weights = dropout(weights, { p: options.dropoutP, generator: options.generator });
  return { output: matmul(weights, v), weights };
}

/**
 * An additive mask from a bool or float one: a bool mask becomes 0 / −∞ (−∞ where `mask` equals
 * `excludeWhen`), a float mask is cast to `dtype` (it stays in the gradient graph). @internal
 */
export function additiveMask(
  op: string,
  arg: string,
  mask: Tensor,
  dtype: Tensor['dtype'],
  excludeWhen: boolean,
): Tensor {
  if (mask.dtype === 'bool') {
    const excluded = excludeWhen ? mask : eq(mask, false);
    return maskedFill(zeros(mask.shape, { dtype }), excluded, -Infinity);
  }
  if (mask.dtype === 'float32' || mask.dtype === 'float64') return mask.dtype === dtype ? mask : cast(mask, dtype);
  throw new DTypeError({ op, arg, expected: 'a bool or float mask', got: mask.dtype });
}

/**
 * The causal mask `[L, S]` as an additive float mask: query `i` sees keys `j ≤ i` (0), the others
 * get −∞ (top-left aligned when L ≠ S, like PyTorch's `is_causal`). @internal
 */
export function causalAdditiveMask(l: number, s: number, dtype: Tensor['dtype']): Tensor {
  const values = dtype === 'float64' ? new Float64Array(l * s) : new Float32Array(l * s);
  for (let i = 0; i < l; i++) for (let j = i + 1; j < s; j++) values[i * s + j] = -Infinity;
  return tensor(values, { shape: [l, s], dtype });
}

/** Checks that `mask` is a live bool or float tensor. @internal */
export function checkMaskTensor(op: string, arg: string, mask: unknown): Tensor {
  const m = checkTensorArg(op, arg, mask);
  if (m.dtype !== 'bool' && m.dtype !== 'float32' && m.dtype !== 'float64') {
    throw new DTypeError({ op, arg, expected: 'a bool or float mask', got: m.dtype });
  }
  return m;
}

/** Checks that `mask` (a bool or float tensor) broadcasts to `target` without changing it. @internal */
export function checkMaskShape(
  op: string,
  arg: string,
  mask: unknown,
  target: readonly number[],
  what: string,
): Tensor {
  const m = checkMaskTensor(op, arg, mask);
  let ok = m.rank <= target.length;
  if (ok) {
    try {
      const b = broadcastShapes(op, m.shape, target);
      ok = b.length === target.length && b.every((d, i) => d === target[i]);
    } catch {
      ok = false;
    }
  }
  if (!ok)
    throw new ShapeError({
      op,
      arg,
      expected: `a mask that broadcasts to ${shapeText(target)} ${what}`,
      got: `shape ${shapeText(m.shape)}`,
    });
  return m;
}
