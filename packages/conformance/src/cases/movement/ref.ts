import type { DType } from '@nn/tensor';
import type { HostTensor } from '../../case-types.js';
import { broadcastAt, build, ravel, roundTo, size, unravel } from '../../host.js';

/** Plain-JS references of the movement primitives (no @nn ops). */

/** The same values under a new shape. */
export function refReshape(t: HostTensor, shape: readonly number[]): HostTensor {
  return { shape, dtype: t.dtype, values: Array.from(t.values) };
}

/** Output dim `k` is input dim `perm[k]`. */
export function refPermute(t: HostTensor, perm: readonly number[]): HostTensor {
  const shape = perm.map((p) => t.shape[p]!);
  return build(shape, t.dtype, (i) => {
    const o = unravel(i, shape);
    const idx = new Array<number>(t.shape.length);
    perm.forEach((p, k) => (idx[p] = o[k]!));
    return t.values[ravel(idx, t.shape)]!;
  });
}

/** NumPy broadcast of `t` to `shape`. */
export function refBroadcast(t: HostTensor, shape: readonly number[]): HostTensor {
  return build(shape, t.dtype, (i) => broadcastAt(t, unravel(i, shape)));
}

/** The positions a Python slice `[start:stop:step]` visits in a dim of size `n`. */
export function pyIndices(n: number, start: number | null, stop: number | null, step = 1): number[] {
  const lo = step > 0 ? 0 : -1;
  const hi = step > 0 ? n : n - 1;
  const fix = (v: number | null, fallback: number): number => {
    if (v === null) return fallback;
    if (v < 0) return Math.max(v + n, lo);
    return Math.min(v, hi);
  };
  const s = fix(start, step > 0 ? 0 : n - 1);
  const e = fix(stop, step > 0 ? n : -1);
  const out: number[] = [];
  for (let i = s; step > 0 ? i < e : i > e; i += step) out.push(i);
  return out;
}

/**
 * Picks positions `picks[d]` along every dim (an outer product of index lists); dims listed in
 * `drop` are removed from the output shape.
 */
export function refTake(
  t: HostTensor,
  picks: readonly (readonly number[])[],
  drop: readonly number[] = [],
): HostTensor {
  const full = picks.map((p) => p.length);
  const values = build(full, t.dtype, (i) => {
    const o = unravel(i, full);
    return t.values[
      ravel(
        o.map((v, d) => picks[d]![v]!),
        t.shape,
      )
    ]!;
  }).values;
  return { shape: full.filter((_, d) => !drop.includes(d)), dtype: t.dtype, values };
}

/** Every position of every dim, except `dim` which gets `positions`. */
export function picksAlong(shape: readonly number[], dim: number, positions: readonly number[]): number[][] {
  return shape.map((n, d) => (d === dim ? [...positions] : Array.from({ length: n }, (_, i) => i)));
}

/** Concatenation along `axis`, converting every input to `dtype`. */
export function refConcat(ts: readonly HostTensor[], axis: number, dtype: DType = ts[0]!.dtype): HostTensor {
  const shape = [...ts[0]!.shape];
  shape[axis] = ts.reduce((a, t) => a + t.shape[axis]!, 0);
  return build(shape, dtype, (i) => {
    const o = unravel(i, shape);
    let at = o[axis]!;
    for (const t of ts) {
      if (at < t.shape[axis]!) {
        const idx = [...o];
        idx[axis] = at;
        return t.values[ravel(idx, t.shape)]!;
      }
      at -= t.shape[axis]!;
    }
    throw new Error('unreachable');
  });
}

/** Constant padding: `pairs[d] = [before, after]` for every dim (negative crops). */
export function refPadConstant(
  t: HostTensor,
  pairs: readonly (readonly [number, number])[],
  value: number,
): HostTensor {
  const shape = t.shape.map((n, d) => n + pairs[d]![0] + pairs[d]![1]);
  return build(shape, t.dtype, (i) => {
    const o = unravel(i, shape);
    const idx = o.map((v, d) => v - pairs[d]![0]);
    return idx.every((v, d) => v >= 0 && v < t.shape[d]!) ? t.values[ravel(idx, t.shape)]! : value;
  });
}

/** Reflect or replicate padding, per dim, by mapping every output position to a source position. */
export function refPadEdge(
  t: HostTensor,
  pairs: readonly (readonly [number, number])[],
  mode: 'reflect' | 'replicate',
): HostTensor {
  const shape = t.shape.map((n, d) => n + pairs[d]![0] + pairs[d]![1]);
  const source = (p: number, n: number): number => {
    if (mode === 'replicate') return Math.min(Math.max(p, 0), n - 1);
    if (p < 0) return -p;
    if (p >= n) return 2 * (n - 1) - p;
    return p;
  };
  return build(shape, t.dtype, (i) => {
    const o = unravel(i, shape);
    return t.values[
      ravel(
        o.map((v, d) => source(v - pairs[d]![0], t.shape[d]!)),
        t.shape,
      )
    ]!;
  });
}

/** NumPy `tile` with `reps.length` equal to the rank. */
export function refTile(t: HostTensor, reps: readonly number[]): HostTensor {
  const shape = t.shape.map((n, d) => n * reps[d]!);
  return build(
    shape,
    t.dtype,
    (i) =>
      t.values[
        ravel(
          unravel(i, shape).map((v, d) => v % t.shape[d]!),
          t.shape,
        )
      ]!,
  );
}

/** PyTorch `gather`. */
export function refGather(x: HostTensor, dim: number, index: HostTensor): HostTensor {
  return build(index.shape, x.dtype, (i) => {
    const o = unravel(i, index.shape);
    o[dim] = index.values[i]!;
    return x.values[ravel(o, x.shape)]!;
  });
}

/** PyTorch `scatter_add` (out of place), accumulating in the output dtype; `bool` ors. */
export function refScatterAdd(x: HostTensor, dim: number, index: HostTensor, src: HostTensor): HostTensor {
  const out = Array.from(x.values);
  for (let i = 0; i < size(index.shape); i++) {
    const p = unravel(i, index.shape);
    const u = src.values[ravel(p, src.shape)]!;
    const q = [...p];
    q[dim] = index.values[i]!;
    const at = ravel(q, x.shape);
    out[at] = x.dtype === 'bool' ? (out[at]! || u ? 1 : 0) : roundTo(x.dtype, out[at]! + u);
  }
  return { shape: x.shape, dtype: x.dtype, values: out };
}

/** Seeded input helpers. */
export const f32 = (shape: readonly number[]) => ({ shape, dtype: 'float32' as const });
export const f64 = (shape: readonly number[]) => ({ shape, dtype: 'float64' as const });
export const i32 = (shape: readonly number[], range: readonly [number, number] = [-50, 50]) => ({
  shape,
  dtype: 'int32' as const,
  range,
});
export const b8 = (shape: readonly number[]) => ({ shape, dtype: 'bool' as const });
/** An int32 index input with values in `[0, n)`. */
export const idx = (shape: readonly number[], n: number) => ({
  shape,
  dtype: 'int32' as const,
  range: [0, n] as const,
});
/** An int32 input with explicit values. */
export const ints = (shape: readonly number[], values: readonly number[]) => ({
  shape,
  dtype: 'int32' as const,
  values,
});
