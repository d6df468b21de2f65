import { reshape, sum, type Tensor } from '@nn/tensor';

/**
 * Sums a gradient of a broadcast result back to the shape of the input that was broadcast:
 * leading dims the input did not have are summed away, and dims where the input had size 1 are
 * summed with the size kept. Returns `g` itself when the shapes already agree.
 *
 * Shapes: `g: [...out]` → `[...shape]`, where `shape` broadcasts to `out`.
 */
export function unbroadcast(g: Tensor, shape: readonly number[]): Tensor {
  if (g.shape.length === shape.length && g.shape.every((d, i) => d === shape[i])) return g;
  const lead = g.shape.length - shape.length;
  const axes: number[] = [];
  for (let d = 0; d < g.shape.length; d++) {
    if (d < lead || (shape[d - lead] === 1 && g.shape[d] !== 1)) axes.push(d);
  }
  return reshape(sum(g, axes), shape);
}
