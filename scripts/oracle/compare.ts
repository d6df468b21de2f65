// Comparison of an @nn output or gradient with a PyTorch fixture's (used by the autograd and layers oracles).
//
// `want` is PyTorch's float64 answer for the fixture's float32 inputs, rounded once to float32.
// Per element i:
//   float32 run: |ours_i − want_i| ≤ 1e-5 + 1.3e-6·|want_i| + (k + 1)·2⁻²³·S
//   float64 run: |ours_i − want_i| ≤ 2⁻²⁴·|want_i| + (k + 1)·2⁻⁵²·S
// S is the output's scale (max |output| over the tensor, or a larger intermediate magnitude the
// model declares, e.g. the logits of a logsumexp) and k the model's accumulation length: the sum of
// the reduction lengths (matmul inner sizes, convolution windows, softmax rows, sums) along its
// forward and backward path. A float32 computation of depth k with intermediates of magnitude S
// is off by about k·2⁻²⁴·S in the worst case, so the float32 bound holds for any summation order;
// the generator checks that PyTorch's own float32 gradients meet it (they use at most a few tens
// of percent of it). In float64 only the rounding of `want` to float32 (half an ulp, 2⁻²⁴
// relative) and float64 summation error are allowed: any mistake in a gradient rule shows.
import { decodeValues, type FixtureTensor } from './fixtures.js';

/** What the comparison reads from an @nn tensor (structural, so this file needs no @nn import). */
export interface ComparedTensor {
  readonly shape: readonly number[];
  readonly dtype: string;
  dataSync(): ArrayLike<number>;
}

const BOUNDS = {
  float32: { atol: 1e-5, rtol: 1.3e-6, eps: 2 ** -23 },
  float64: { atol: 0, rtol: 2 ** -24, eps: 2 ** -52 },
} as const;

/** The result of one comparison: null when it matches, else a description of the first mismatch. */
export function compareOutput(
  label: string,
  ours: ComparedTensor,
  want: FixtureTensor,
  k: number,
  scale: number,
  precision: 'float32' | 'float64',
): string | null {
  if (ours.shape.length !== want.shape.length || ours.shape.some((d, i) => d !== want.shape[i])) {
    return `${label}: shape [${ours.shape.join(', ')}], want [${want.shape.join(', ')}]`;
  }
  if (ours.dtype !== precision) return `${label}: dtype ${ours.dtype}, want ${precision}`;
  const got = ours.dataSync();
  const expected = decodeValues(want);
  const { atol, rtol, eps } = BOUNDS[precision];
  const accum = (k + 1) * eps * scale;
  let first = -1;
  let count = 0;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = got[i]!;
    const bound = atol + rtol * Math.abs(e) + accum;
    const err = Math.abs(a - e);
    if (!(err <= bound)) {
      if (first < 0) first = i;
      count++;
    }
    if (Number.isFinite(err)) worst = Math.max(worst, err / bound);
  }
  if (first < 0) return null;
  const e = expected[first]!;
  const a = got[first]!;
  const bound = atol + rtol * Math.abs(e) + accum;
  return (
    `${label} (${precision}): first mismatch at flat index ${first}: ours ${a}, torch ${e}, ` +
    `|diff| ${Math.abs(a - e)} > bound ${bound}; ${count} of ${expected.length} elements differ (worst ${worst.toFixed(1)}× the bound)`
  );
}
