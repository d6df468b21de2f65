import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ArgumentError, IndexError } from '../../errors.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor, describe } from '../operands.js';
import { positionOutOfRange } from './shared.js';

/**
 * What `slice` takes for one dim: `null` keeps the whole dim, a number selects one position and
 * drops the dim, and `[start, end, step]` is a Python slice (each part optional).
 * @category Movement
 */
export type SliceRange = null | number | readonly [start?: number | null, end?: number | null, step?: number];

function optionalInt(arg: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new ArgumentError({
      op: 'slice',
      arg,
      expected: 'an integer or null',
      got: typeof v === 'number' ? String(v) : describe(v),
    });
  }
  return v;
}

/** Python `slice.indices`: clamps a bound into the range a step direction can reach. */
function clampBound(v: number, n: number, step: number): number {
  if (v < 0) v += n;
  if (step > 0) return Math.min(Math.max(v, 0), n);
  return Math.min(Math.max(v, -1), n - 1);
}

/**
 * Selects a strided sub-tensor with Python/NumPy slicing: `ranges[i]` applies to dim `i` (missing
 * trailing entries keep their dims). Negative positions count from the end, bounds clamp to the
 * dim, a negative step walks backwards, and a plain number selects one position and drops the dim.
 *
 * `x: [A, B, C]`, `ranges = [0, [1, null], [null, null, -1]]` `→ [B-1, C]`
 *
 * @param x - the tensor.
 * @param ranges - one entry per leading dim: `null`, a position, or `[start?, end?, step?]`.
 * @throws {@link "@nn/tensor".index.IndexError | IndexError} for a selected position out of range or more entries than dims;
 *   {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a zero step or non-integer bounds.
 * @example
 * ```ts
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * slice(x, [null, [1]]).toArray();            // [[2, 3], [5, 6]]
 * slice(x, [1]).toArray();                    // [4, 5, 6]
 * slice(x, [[null, null, -1], -1]).toArray(); // [6, 3]
 * slice(x, [null, [-2, 10]]).toArray();       // [[2, 3], [5, 6]]
 * ```
 * @category Movement
 */
export function slice(x: Tensor, ranges: readonly SliceRange[]): Tensor {
  checkTensor('slice', 'x', x);
  if (!Array.isArray(ranges)) {
    throw new ArgumentError({
      op: 'slice',
      arg: 'ranges',
      expected: 'an array of null, numbers or [start, end, step]',
      got: describe(ranges),
    });
  }
  if (ranges.length > x.rank) {
    throw new IndexError({
      op: 'slice',
      arg: 'ranges',
      expected: `at most ${x.rank} entries for a tensor of shape [${x.shape.join(',')}]`,
      got: `${ranges.length} entries`,
    });
  }
  const begin: number[] = [];
  const end: number[] = [];
  const step: number[] = [];
  const keep: number[] = [];
  x.shape.forEach((n, i) => {
    const r: unknown = ranges[i];
    const arg = `ranges[${i}]`;
    if (r === undefined || r === null) {
      begin.push(0);
      end.push(n);
      step.push(1);
      keep.push(n);
    } else if (typeof r === 'number') {
      if (!Number.isInteger(r))
        throw new ArgumentError({ op: 'slice', arg, expected: 'an integer position', got: String(r) });
      if (r < -n || r >= n) throw positionOutOfRange('slice', arg, r, n);
      const at = r < 0 ? r + n : r;
      begin.push(at);
      end.push(at + 1);
      step.push(1);
    } else if (Array.isArray(r) && r.length <= 3) {
      const s = optionalInt(`${arg}[2]`, r[2]) ?? 1;
      if (s === 0) throw new ArgumentError({ op: 'slice', arg: `${arg}[2]`, expected: 'a non-zero step', got: '0' });
      const start = optionalInt(`${arg}[0]`, r[0]);
      const stop = optionalInt(`${arg}[1]`, r[1]);
      const b = start === null ? (s > 0 ? 0 : n - 1) : clampBound(start, n, s);
      const e = stop === null ? (s > 0 ? n : -1) : clampBound(stop, n, s);
      begin.push(b);
      end.push(e);
      step.push(s);
      keep.push(s > 0 ? Math.max(0, Math.ceil((e - b) / s)) : Math.max(0, Math.ceil((b - e) / -s)));
    } else {
      throw new ArgumentError({
        op: 'slice',
        arg,
        expected: 'null, an integer, or [start?, end?, step?]',
        got: describe(r),
      });
    }
  });
  if (keep.length === x.rank) return runKernel('Slice', { x }, { begin, end, step });
  return tidy(() => runKernel('Reshape', { x: runKernel('Slice', { x }, { begin, end, step }) }, { shape: keep }));
}
