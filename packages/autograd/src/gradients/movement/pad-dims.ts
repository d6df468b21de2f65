import { pad, type Tensor } from '@nn/tensor';

/**
 * Constant-pads `x` with zeros by `pairs[i] = [before, after]` for every dim `i` (first dim first,
 * unlike `pad`'s last-dim-first list). Negative amounts crop, as `pad`'s constant mode does.
 * Returns `x` itself when every amount is zero.
 *
 * Shapes: `x: [...d]` → `[...(d[i] + before[i] + after[i])]`.
 */
export function padDims(x: Tensor, pairs: readonly (readonly [number, number])[]): Tensor {
  if (pairs.every(([a, b]) => a === 0 && b === 0)) return x;
  const padding: number[] = [];
  for (let i = pairs.length - 1; i >= 0; i--) padding.push(pairs[i]![0], pairs[i]![1]);
  return pad(x, padding);
}
