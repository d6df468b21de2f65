import { all, any } from '@nn/tensor';
import type { CaseTable, HostTensor, OpCase } from '../../case-types.js';
import type { ReduceCall } from './reference.js';
import { dimErrors, foldAxes, layoutCases, reduceCase } from './reference.js';

/** All: every element non-zero (NaN is non-zero); empty → true. */
export function allRef(x: HostTensor, axes: number[], keepDim: boolean): HostTensor {
  return foldAxes(x, axes, keepDim, 'bool', 1, (a, v) => (a && v !== 0 ? 1 : 0));
}

/** Any: some element non-zero (NaN is non-zero); empty → false. */
export function anyRef(x: HostTensor, axes: number[], keepDim: boolean): HostTensor {
  return foldAxes(x, axes, keepDim, 'bool', 0, (a, v) => (a || v !== 0 ? 1 : 0));
}

function logicalCases(label: string, call: ReduceCall, ref: (x: HostTensor, axes: number[], k: boolean) => HostTensor): OpCase[] {
  const c = (name: string, x: OpCase['inputs'][string], dim: number | number[] | undefined, keepDim = false): OpCase =>
    reduceCase(`${label} ${name}`, call, x, dim, keepDim, ref);
  return [
    // int32 in [0, 8): about one element in eight is 0 (false).
    ...layoutCases(label, call, ref, { dtype: 'int32', range: [0, 8] }),
    c('float input with zeros', { shape: [3, 4], values: [1, 0, 2, 3, 0, 0, 0, 0, 4, 5, 6, -7] }, 1),
    c('float input, full reduction, all non-zero', { shape: [2, 2], values: [1, -1, 0.5, 3] }, undefined),
    c('NaN counts as true', { shape: [2, 2], values: [NaN, 0, NaN, NaN] }, 1),
    c('±Inf count as true', { shape: [3], values: [Infinity, -Infinity, 1] }, undefined),
    c('int32 over dim 0', { shape: [5, 4], dtype: 'int32', range: [0, 3] }, 0),
    c('bool all true rows', { shape: [3, 4], dtype: 'bool', values: [1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0] }, 1),
    c('bool long rows [4,300] mostly true', { shape: [4, 300], dtype: 'int32', range: [1, 400] }, 1),
    c('empty [0,3] over dim 0', { shape: [0, 3], dtype: 'bool' }, 0),
    c('empty [0] full reduction', { shape: [0], dtype: 'bool' }, undefined),
    c('float64 input', { shape: [3, 3], dtype: 'float64', values: [0, 0, 0, 1, 0, 0, 1, 1, 1] }, 1),
  ];
}

/** Cases of `All`, reached through `all`. */
export const allCases: CaseTable = { op: 'All', cases: logicalCases('all', all, allRef), errors: dimErrors('all', all) };

/** Cases of `Any`, reached through `any`. */
export const anyCases: CaseTable = { op: 'Any', cases: logicalCases('any', any, anyRef), errors: dimErrors('any', any) };
