import { prod, type DType } from '@nn/tensor';
import type { CaseTable, HostTensor } from '../../case-types.js';
import { dimErrors, foldAxes, layoutCases, reduceCase } from './reference.js';

const prodDType = (d: DType): DType => (d === 'bool' ? 'int32' : d);

/** Product in double (int32 wrapping via Math.imul), rounded once to the output dtype. */
export function prodRef(x: HostTensor, axes: number[], keepDim: boolean): HostTensor {
  const dtype = prodDType(x.dtype);
  const step = dtype === 'int32' ? (a: number, v: number) => Math.imul(a, v) : (a: number, v: number) => a * v;
  return foldAxes(x, axes, keepDim, dtype, 1, step);
}

// Values near 1 keep products representable; single-precision backends lose ~K ulps.
const prodTol = (k: number) => ({ rtol: 2e-6 * Math.max(1, k) });

/** Cases of `Prod`, reached through `prod`. */
export const prodCases: CaseTable = {
  op: 'Prod',
  cases: [
    ...layoutCases('prod', prod, prodRef, { range: [0.5, 1.5], tolerance: prodTol }),
    reduceCase('prod empty [0,3] over dim 0 is 1', prod, { shape: [0, 3] }, 0, false, prodRef),
    reduceCase('prod empty [0] full reduction is 1', prod, { shape: [0] }, undefined, false, prodRef),
    reduceCase('prod NaN, ±Inf and 0', prod, { shape: [4, 2], values: [NaN, 1, Infinity, -2, Infinity, 0, -Infinity, -Infinity] }, 1, false, prodRef),
    reduceCase('prod with signs and zeros', prod, { shape: [3, 4], values: [1, -2, 3, -4, 0, 5, 6, 7, -1, -1, -1, 2] }, 1, false, prodRef),
    reduceCase('prod int32 over dim 0', prod, { shape: [4, 5], dtype: 'int32', range: [-4, 5] }, 0, false, prodRef),
    reduceCase('prod int32 wraps like int32', prod, { shape: [3], dtype: 'int32', values: [65536, 65536, 3] }, undefined, false, prodRef),
    reduceCase('prod int32 overflow wraps (imul)', prod, { shape: [2], dtype: 'int32', values: [123456789, 987654321] }, undefined, false, prodRef),
    reduceCase('prod bool gives int32 (all true → 1)', prod, { shape: [4, 3], dtype: 'bool', range: [0, 2] }, 1, false, prodRef),
    reduceCase('prod bool full reduction', prod, { shape: [2, 2], dtype: 'bool', values: [1, 1, 1, 1] }, undefined, false, prodRef),
  ],
  errors: dimErrors('prod', prod),
};
