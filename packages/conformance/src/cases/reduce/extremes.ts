import { IndexError, logsumexp, max, min, norm } from '@nn/tensor';
import type { CaseTable, ErrorCase, HostTensor, OpCase } from '../../case-types.js';
import type { ReduceCall } from './reference.js';
import { dimErrors, foldAxes, layoutCases, reduceCase } from './reference.js';

const maxStep = (a: number, v: number): number => (Number.isNaN(a) || Number.isNaN(v) ? NaN : Math.max(a, v));
const minStep = (a: number, v: number): number => (Number.isNaN(a) || Number.isNaN(v) ? NaN : Math.min(a, v));

/** Max (NaN propagates) in the input dtype. */
export function maxRef(x: HostTensor, axes: number[], keepDim: boolean): HostTensor {
  return foldAxes(x, axes, keepDim, x.dtype, -Infinity, maxStep);
}

/** Min (NaN propagates) in the input dtype. */
export function minRef(x: HostTensor, axes: number[], keepDim: boolean): HostTensor {
  return foldAxes(x, axes, keepDim, x.dtype, Infinity, minStep);
}

function extremeCases(label: string, call: ReduceCall, ref: (x: HostTensor, axes: number[], k: boolean) => HostTensor): OpCase[] {
  const c = (name: string, x: OpCase['inputs'][string], dim: number | number[] | undefined, keepDim = false): OpCase =>
    reduceCase(`${label} ${name}`, call, x, dim, keepDim, ref);
  return [
    ...layoutCases(label, call, ref),
    c('NaN propagates along a row', { shape: [3, 4], values: [1, NaN, 3, 2, 5, 6, 7, NaN, -1, -2, -3, -4] }, 1),
    c('NaN propagates along a column', { shape: [3, 2], values: [1, 2, NaN, 4, 5, 6] }, 0),
    c('NaN first in a row', { shape: [1, 3], values: [NaN, 9, -9] }, 1),
    c('±Inf', { shape: [2, 3], values: [Infinity, 1, -Infinity, -Infinity, -Infinity, 0] }, 1),
    c('all -Inf', { shape: [3], values: [-Infinity, -Infinity, -Infinity] }, undefined),
    c('negative zero and zero', { shape: [2], values: [-0, 0] }, undefined),
    c('int32 over dim 0', { shape: [6, 5], dtype: 'int32', range: [-1000, 1000] }, 0),
    c('int32 extremes', { shape: [4], dtype: 'int32', values: [2147483647, -2147483648, 0, 7] }, undefined),
    c('int32 non-adjacent [0,2]', { shape: [3, 4, 5], dtype: 'int32' }, [0, 2]),
    c('bool over dim 1', { shape: [4, 3], dtype: 'bool' }, 1),
    c('empty output [3,0] over dim 0 (nothing to reduce)', { shape: [3, 0] }, 0),
  ];
}

function extremeErrors(label: string, call: ReduceCall): ErrorCase[] {
  return [
    ...dimErrors(label, call),
    { name: `${label} over an empty dim [0,3] dim 0`, inputs: { x: { shape: [0, 3] } }, run: ({ x }) => call(x!, 0), error: IndexError },
    { name: `${label} full reduction of an empty tensor`, inputs: { x: { shape: [2, 0] } }, run: ({ x }) => call(x!), error: IndexError },
  ];
}

/** logsumexp reference in double (inputs are moderate, so no shift is needed here). */
function logsumexpRef(x: HostTensor, axes: number[]): HostTensor {
  return foldAxes(x, axes, false, 'float32', 0, (a, v) => a + Math.exp(v), (a) => Math.log(a));
}

/** Cases of `Max`, reached through `max` (and the composites built on it). */
export const maxCases: CaseTable = {
  op: 'Max',
  cases: [
    ...extremeCases('max', max, maxRef),
    {
      name: 'norm inf (Abs then Max) over dim 1',
      inputs: { x: { shape: [4, 6] } },
      run: ({ x }) => norm(x!, 'inf', 1),
      reference: ({ x }) => foldAxes(x!, [1], false, 'float32', 0, (a, v) => Math.max(a, Math.abs(v))),
    },
    {
      name: 'logsumexp (Max, Exp, Sum, Log) over dim 0, moderate values',
      inputs: { x: { shape: [5, 3], range: [-5, 5] } },
      run: ({ x }) => logsumexp(x!, 0),
      reference: ({ x }) => logsumexpRef(x!, [0]),
    },
  ],
  errors: extremeErrors('max', max),
};

/** Cases of `Min`, reached through `min`. */
export const minCases: CaseTable = {
  op: 'Min',
  cases: extremeCases('min', min, minRef),
  errors: extremeErrors('min', min),
};

