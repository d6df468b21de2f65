import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ArgumentError, ShapeError } from '../../errors.js';
import type { Pair } from '../../kernels/op-specs.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor, describe } from '../operands.js';
import { concat } from './concat.js';
import { expand } from './expand.js';
import { checkIntList, withDim } from './shared.js';
import { slice, type SliceRange } from './slice.js';

/** Options of `pad`. @category Movement */
export interface PadOptions {
  /**
   * `'constant'` (default) fills with `value`; `'reflect'` mirrors the tensor without repeating the
   * edge (`[1, 2, 3]` padded by 2 → `[3, 2, 1, 2, 3, 2, 1]`); `'replicate'` repeats the edge.
   */
  mode?: 'constant' | 'reflect' | 'replicate';
  /** The fill value of constant padding (default 0). */
  value?: number;
}

function axisRanges(axis: number, r: SliceRange): SliceRange[] {
  const ranges: SliceRange[] = new Array<SliceRange>(axis).fill(null);
  ranges.push(r);
  return ranges;
}

function padConstant(x: Tensor, pairs: Pair[], value: number): Tensor {
  const cropped = pairs.some(([a, b]) => a < 0 || b < 0);
  if (!cropped) return runKernel('Pad', { x }, { paddings: pairs, value });
  // Negative padding crops (as PyTorch's constant mode does): slice first, then pad the rest.
  return tidy(() => {
    const begin = pairs.map(([a]) => Math.max(0, -a));
    const end = pairs.map(([, b], i) => x.shape[i]! - Math.max(0, -b));
    const inner = runKernel('Slice', { x }, { begin, end, step: x.shape.map(() => 1) });
    const rest = pairs.map(([a, b]) => [Math.max(0, a), Math.max(0, b)] as const);
    return runKernel('Pad', { x: inner }, { paddings: rest, value });
  });
}

function padEdges(x: Tensor, pairs: Pair[], mode: 'reflect' | 'replicate'): Tensor {
  return tidy(() => {
    let cur = x;
    pairs.forEach(([before, after], axis) => {
      if (before === 0 && after === 0) return;
      const n = cur.shape[axis]!;
      const parts: Tensor[] = [];
      if (mode === 'reflect') {
        if (before > 0) parts.push(slice(cur, axisRanges(axis, [before, 0, -1])));
        parts.push(cur);
        if (after > 0) parts.push(slice(cur, axisRanges(axis, [n - 2, n - 2 - after >= 0 ? n - 2 - after : null, -1])));
      } else {
        if (before > 0) parts.push(expand(slice(cur, axisRanges(axis, [0, 1])), withDim(cur.shape, axis, before)));
        parts.push(cur);
        if (after > 0) parts.push(expand(slice(cur, axisRanges(axis, [n - 1, n])), withDim(cur.shape, axis, after)));
      }
      cur = concat(parts, axis);
    });
    return cur === x ? runKernel('Reshape', { x }, { shape: x.shape }) : cur;
  });
}

/**
 * Pads the last dims of `x` (PyTorch `F.pad`): `padding` lists `[before, after]` pairs starting
 * from the LAST dim: `[left, right]` pads the last dim, `[left, right, top, bottom]` the last two.
 * Constant mode fills with `value` and accepts negative amounts (which crop); `'reflect'` and
 * `'replicate'` pad each dim from the tensor's own edge.
 *
 * `x: [N, C, H, W]`, `padding = [l, r, t, b]` `→ [N, C, H + t + b, W + l + r]`
 *
 * @param x - the tensor.
 * @param padding - an even number of integers, at most two per dim, last dim first.
 * @param options - `mode` (default `'constant'`) and `value` (constant mode only, default 0).
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an odd-length or too long `padding`, an unknown mode, negative
 *   amounts outside constant mode, or `value` outside constant mode; {@link "@nn/tensor".index.ShapeError | ShapeError} when a
 *   reflect amount is not smaller than its dim, a replicated dim is empty, or cropping exceeds a dim.
 * @example
 * ```ts
 * pad(tensor([1, 2]), [1, 2]).toArray();                        // [0, 1, 2, 0, 0]
 * pad(tensor([[1, 2]]), [0, 0, 1, 0], { value: 9 }).toArray();  // [[9, 9], [1, 2]]
 * pad(tensor([1, 2, 3]), [2, 1], { mode: 'reflect' }).toArray(); // [3, 2, 1, 2, 3, 2]
 * pad(tensor([1, 2]), [2, 1], { mode: 'replicate' }).toArray();  // [1, 1, 1, 2, 2]
 * ```
 * @category Movement
 */
export function pad(x: Tensor, padding: readonly number[], options: PadOptions = {}): Tensor {
  checkTensor('pad', 'x', x);
  const amounts = checkIntList('pad', 'padding', padding);
  if (amounts.length % 2 !== 0 || amounts.length > 2 * x.rank) {
    throw new ArgumentError({
      op: 'pad',
      arg: 'padding',
      expected: `an even number of amounts, at most ${2 * x.rank} for a tensor of shape [${x.shape.join(',')}]`,
      got: `[${amounts.join(',')}]`,
    });
  }
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError({ op: 'pad', arg: 'options', expected: 'an options object', got: describe(options) });
  }
  const mode = options.mode ?? 'constant';
  if (mode !== 'constant' && mode !== 'reflect' && mode !== 'replicate') {
    throw new ArgumentError({
      op: 'pad',
      arg: 'options.mode',
      expected: "'constant' | 'reflect' | 'replicate'",
      got: String(mode),
    });
  }
  const pairs: Pair[] = x.shape.map(() => [0, 0] as const);
  for (let k = 0; k < amounts.length / 2; k++) pairs[x.rank - 1 - k] = [amounts[2 * k]!, amounts[2 * k + 1]!];
  if (mode === 'constant') {
    const value = options.value ?? 0;
    if (typeof value !== 'number') {
      throw new ArgumentError({ op: 'pad', arg: 'options.value', expected: 'a number', got: describe(value) });
    }
    pairs.forEach(([a, b], i) => {
      if (x.shape[i]! + a + b < 0) {
        throw new ShapeError({
          op: 'pad',
          arg: 'padding',
          expected: `amounts that leave dim ${i} (size ${x.shape[i]}) non-negative`,
          got: `[${a}, ${b}]`,
        });
      }
    });
    return padConstant(x, pairs, value);
  }
  if (options.value !== undefined) {
    throw new ArgumentError({
      op: 'pad',
      arg: 'options.value',
      expected: `no value in '${mode}' mode`,
      got: String(options.value),
    });
  }
  pairs.forEach(([a, b], i) => {
    const n = x.shape[i]!;
    if (a < 0 || b < 0) {
      throw new ArgumentError({
        op: 'pad',
        arg: 'padding',
        expected: `non-negative amounts in '${mode}' mode`,
        got: `[${a}, ${b}] for dim ${i}`,
      });
    }
    if (mode === 'reflect' && ((a > 0 && a >= n) || (b > 0 && b >= n))) {
      throw new ShapeError({
        op: 'pad',
        arg: 'padding',
        expected: `reflect amounts smaller than the size ${n} of dim ${i} of [${x.shape.join(',')}]`,
        got: `[${a}, ${b}]`,
      });
    }
    if (mode === 'replicate' && n === 0 && a + b > 0) {
      throw new ShapeError({
        op: 'pad',
        arg: 'x',
        expected: `a non-empty dim ${i} to replicate`,
        got: `shape [${x.shape.join(',')}]`,
      });
    }
  });
  return padEdges(x, pairs, mode);
}
