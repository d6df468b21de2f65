import { mean, sum, variance, type DType } from '@nn/tensor';
import type { CaseTable, HostTensor } from '../../case-types.js';
import { dimErrors, foldAxes, layoutCases, reduceCase } from './reference.js';

const sumDType = (d: DType): DType => (d === 'bool' ? 'int32' : d);

/** Sum in double (int32 wrapping like int32), rounded once to the output dtype. */
export function sumRef(x: HostTensor, axes: number[], keepDim: boolean): HostTensor {
  const dtype = sumDType(x.dtype);
  const step = dtype === 'int32' ? (a: number, v: number) => (a + v) | 0 : (a: number, v: number) => a + v;
  return foldAxes(x, axes, keepDim, dtype, 0, step);
}

// Float32 backends accumulate in single precision: allow an error growing with the count K.
const sumTol = (k: number) => ({ atol: 1e-5 * Math.max(1, k) });

/** Cases of `Sum`, reached through `sum` (and `mean`/`variance`, which are built on it). */
export const sumCases: CaseTable = {
  op: 'Sum',
  cases: [
    ...layoutCases('sum', sum, sumRef, { tolerance: sumTol }),
    reduceCase('sum empty [0,3] over dim 0 is 0', sum, { shape: [0, 3] }, 0, false, sumRef),
    reduceCase('sum empty [2,0,3] over dim 1 is 0', sum, { shape: [2, 0, 3] }, 1, false, sumRef),
    reduceCase('sum empty [0] full reduction is 0', sum, { shape: [0] }, undefined, false, sumRef),
    reduceCase('sum NaN and ±Inf', sum, { shape: [3, 3], values: [1, NaN, 2, Infinity, 1, 2, Infinity, -Infinity, 0] }, 1, false, sumRef),
    reduceCase('sum +Inf and a finite value', sum, { shape: [2], values: [-Infinity, 3] }, undefined, false, sumRef),
    reduceCase('sum int32 over dim 0', sum, { shape: [6, 4], dtype: 'int32', range: [-100, 100] }, 0, false, sumRef),
    reduceCase('sum int32 non-adjacent [0,2]', sum, { shape: [3, 4, 5], dtype: 'int32' }, [0, 2], false, sumRef),
    reduceCase('sum int32 wraps like int32', sum, { shape: [3], dtype: 'int32', values: [2147483647, 1, 5] }, undefined, false, sumRef),
    reduceCase('sum int32 [2,3] last dim wraps', sum, { shape: [2, 2], dtype: 'int32', values: [-2147483648, -1, 2147483647, 2147483647] }, 1, false, sumRef),
    reduceCase('sum bool counts as int32', sum, { shape: [4, 5], dtype: 'bool' }, 1, false, sumRef),
    reduceCase('sum bool full reduction', sum, { shape: [3, 7], dtype: 'bool' }, undefined, false, sumRef),
    reduceCase('sum 4096 float32 values in [0,1)', sum, { shape: [4096], range: [0, 1] }, undefined, false, sumRef, sumTol),
    {
      name: 'mean (Sum then Div) over dim 1, int32 input gives float32',
      inputs: { x: { shape: [3, 5], dtype: 'int32' } },
      run: ({ x }) => mean(x!, 1),
      reference: ({ x }) => foldAxes(x!, [1], false, 'float32', 0, (a, v) => a + v, (a, n) => a / n),
    },
    {
      name: 'variance (unbiased) over dims [0,2] of [3,4,5]',
      inputs: { x: { shape: [3, 4, 5] } },
      run: ({ x }) => variance(x!, [0, 2]),
      reference: ({ x }) => varianceRef(x!, [0, 2], 1),
      tolerance: { atol: 1e-4 },
    },
  ],
  errors: dimErrors('sum', sum),
};

/** Two-pass variance in double with `correction`, over `axes`. */
export function varianceRef(x: HostTensor, axes: number[], correction: number): HostTensor {
  const m = foldAxes(x, axes, true, 'float64', 0, (a, v) => a + v, (a, n) => a / n);
  // Broadcast the mean back: index of each element in the keepDim mean.
  const rank = x.shape.length;
  const mStrides: number[] = [];
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    mStrides[i] = axes.includes(i) ? 0 : s;
    if (!axes.includes(i)) s *= x.shape[i]!;
  }
  const idx = new Array<number>(rank).fill(0);
  const sq: number[] = [];
  for (let i = 0; i < x.values.length; i++) {
    let o = 0;
    for (let d = 0; d < rank; d++) o += idx[d]! * mStrides[d]!;
    const dev = x.values[i]! - m.values[o]!;
    sq.push(dev * dev);
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d]! < x.shape[d]!) break;
      idx[d] = 0;
    }
  }
  const squares: HostTensor = { shape: x.shape, dtype: 'float64', values: sq };
  return foldAxes(squares, axes, false, 'float32', 0, (a, v) => a + v, (a, n) => a / Math.max(0, n - correction));
}
