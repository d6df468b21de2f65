// Plain-JS references and case builders shared by the reduction tables. No @nn ops in here.
import { ArgumentError, IndexError, type DType, type Tensor } from '@nn/tensor';
import type { ErrorCase, HostTensor, InputSpec, OpCase, Tolerance } from '../../case-types.js';
import { roundTo, size, strides } from '../../host.js';

/** Sorted unique non-negative axes of a `dim` argument for a tensor of `rank`. */
export function axesOf(dim: number | readonly number[] | undefined, rank: number): number[] {
  if (rank === 0) return [];
  if (dim === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof dim === 'number' ? [dim] : [...dim];
  return list.map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
}

/** Output shape of reducing `shape` over `axes`. */
export function reducedShapeOf(shape: readonly number[], axes: readonly number[], keepDim: boolean): number[] {
  return shape.flatMap((d, i) => (axes.includes(i) ? (keepDim ? [1] : []) : [d]));
}

/**
 * Folds `x` over `axes` element by element: `acc = step(acc, v)` from `init`, then `finish(acc, n)`
 * with `n` the number of folded elements, rounded to `dtype`.
 */
export function foldAxes(
  x: HostTensor,
  axes: readonly number[],
  keepDim: boolean,
  dtype: DType,
  init: number,
  step: (acc: number, v: number) => number,
  finish: (acc: number, n: number) => number = (acc) => acc,
): HostTensor {
  const shape = reducedShapeOf(x.shape, axes, keepDim);
  const kept = x.shape.map((_, i) => !axes.includes(i));
  // Output stride of each input dim (0 for reduced dims).
  const keptShape = x.shape.filter((_, i) => kept[i]);
  const keptStrides = strides(keptShape);
  const outStride: number[] = [];
  let k = 0;
  for (let i = 0; i < x.shape.length; i++) outStride.push(kept[i] ? keptStrides[k++]! : 0);
  const acc = new Array<number>(size(shape)).fill(init);
  const n = size(x.shape);
  const idx = new Array<number>(x.shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    let o = 0;
    for (let d = 0; d < idx.length; d++) o += idx[d]! * outStride[d]!;
    acc[o] = step(acc[o]!, x.values[i]!);
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < x.shape[d]!) break;
      idx[d] = 0;
    }
  }
  let count = 1;
  for (const a of axes) count *= x.shape[a]!;
  return { shape, dtype, values: acc.map((v) => roundTo(dtype, finish(v, count))) };
}

/**
 * Applies `fn` to every line of `x` along `axis` (a rank-0 tensor is one line of length 1): `fn`
 * gets the line's values and returns the values written back at the same positions.
 */
export function mapLines(x: HostTensor, axis: number, dtype: DType, fn: (line: number[]) => number[]): HostTensor {
  const shape = x.shape;
  const len = shape.length === 0 ? 1 : shape[axis]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  const total = size(shape);
  const out = new Array<number>(total).fill(0);
  const lines = len === 0 ? 0 : total / len;
  for (let l = 0; l < lines; l++) {
    const base = Math.floor(l / inner) * len * inner + (l % inner);
    const line: number[] = [];
    for (let r = 0; r < len; r++) line.push(x.values[base + r * inner]!);
    const result = fn(line);
    for (let r = 0; r < len; r++) out[base + r * inner] = roundTo(dtype, result[r]!);
  }
  return { shape, dtype, values: out };
}

/** The public call of a dim-list reduction. */
export type ReduceCall = (x: Tensor, dim?: number | number[], keepDim?: boolean) => Tensor;

/** One reduction case: input spec, `dim`, `keepDim`, and a reference over normalised axes. */
export function reduceCase(
  name: string,
  call: ReduceCall,
  x: InputSpec,
  dim: number | number[] | undefined,
  keepDim: boolean,
  reference: (x: HostTensor, axes: number[], keepDim: boolean) => HostTensor,
  tolerance?: (count: number) => Partial<Tolerance>,
): OpCase {
  const axes = axesOf(dim, x.shape.length);
  let count = 1;
  for (const a of axes) count *= x.shape[a]!;
  const base = {
    name,
    inputs: { x },
    run: ({ x: t }: Readonly<Record<string, Tensor>>) => (keepDim ? call(t!, dim, true) : dim === undefined ? call(t!) : call(t!, dim)),
    reference: ({ x: h }: Readonly<Record<string, HostTensor>>) => reference(h!, axes, keepDim),
  };
  return tolerance === undefined ? base : { ...base, tolerance: tolerance(count) };
}

/**
 * The standard grid of reduction cases: where the reduced axes sit, keepDim, scalars, odd shapes,
 * float64. Inputs are `options.dtype` (default float32) in `options.range`; `tolerance` (given the
 * number of folded elements) applies to the float32 cases.
 */
export function layoutCases(
  label: string,
  call: ReduceCall,
  reference: (x: HostTensor, axes: number[], keepDim: boolean) => HostTensor,
  options: { dtype?: DType; range?: readonly [number, number]; tolerance?: (count: number) => Partial<Tolerance> } = {},
): OpCase[] {
  const spec = (shape: number[], dtype: DType = options.dtype ?? 'float32'): InputSpec =>
    options.range === undefined ? { shape, dtype } : { shape, dtype, range: options.range };
  const c = (name: string, x: InputSpec, dim: number | number[] | undefined, keepDim = false): OpCase =>
    reduceCase(`${label} ${name}`, call, x, dim, keepDim, reference, (x.dtype ?? 'float32') === 'float32' ? options.tolerance : undefined);
  return [
    c('full reduction of [3,4,5]', spec([3, 4, 5]), undefined),
    c('first dim of [6,5,4]', spec([6, 5, 4]), 0),
    c('middle dim of [4,6,5]', spec([4, 6, 5]), 1),
    c('last dim of [4,5,6]', spec([4, 5, 6]), -1),
    c('last dim of a long row [3,1000]', spec([3, 1000]), 1),
    c('first dim of a tall column [1000,3]', spec([1000, 3]), 0),
    c('non-adjacent dims [0,2] of [3,4,5]', spec([3, 4, 5]), [0, 2]),
    c('non-adjacent dims [1,3] of [2,3,4,5]', spec([2, 3, 4, 5]), [1, 3]),
    c('non-adjacent dims [0,2,3] of [3,2,4,3,2]', spec([3, 2, 4, 3, 2]), [0, 2, 3]),
    c('negative dims [-1,-3] of [2,3,4,5]', spec([2, 3, 4, 5]), [-1, -3]),
    c('adjacent dims [1,2] of [3,4,5,2]', spec([3, 4, 5, 2]), [1, 2]),
    c('keepDim on dim 1 of [3,4,5]', spec([3, 4, 5]), 1, true),
    c('keepDim on dims [0,2] of [3,4,5]', spec([3, 4, 5]), [0, 2], true),
    c('keepDim on every dim of [2,3]', spec([2, 3]), undefined, true),
    c('scalar input, all dims', spec([]), undefined),
    c('scalar input, dim 0', spec([]), 0),
    c('scalar input, dim -1 keepDim', spec([]), -1, true),
    c('1-D input', spec([7]), 0),
    c('dim [] reduces nothing', spec([2, 3]), []),
    c('size-1 dims [1,5,1,3] over [0,2]', spec([1, 5, 1, 3]), [0, 2]),
    c('size-1 dims [4,1,3] over dim 1', spec([4, 1, 3]), 1),
    c('odd shape [7,13,5] over dim 1', spec([7, 13, 5]), 1),
    c('odd shape [33,1,9] over [0,2]', spec([33, 1, 9]), [0, 2]),
    c('odd shape [5,3,7,2] over [0,1,3]', spec([5, 3, 7, 2]), [0, 1, 3]),
    c('empty output [0,3] over dim 1', spec([0, 3]), 1),
    c('float64 [5,7] over dim 1', spec([5, 7], 'float64'), 1),
    c('float64 full reduction of [4,6]', spec([4, 6], 'float64'), undefined),
  ];
}

/** The error grid every dim-list reduction shares: bad dims and a non-tensor input. */
export function dimErrors(label: string, call: ReduceCall): ErrorCase[] {
  type Inputs = Readonly<Record<string, Tensor>>;
  return [
    { name: `${label} dim 3 of a rank-3 tensor`, inputs: { x: { shape: [2, 3, 4] } }, run: ({ x }: Inputs) => call(x!, 3), error: IndexError },
    { name: `${label} dim -4 in a list, rank 3`, inputs: { x: { shape: [2, 3, 4] } }, run: ({ x }: Inputs) => call(x!, [0, -4]), error: IndexError },
    { name: `${label} dim 1 of a scalar`, inputs: { x: { shape: [] } }, run: ({ x }: Inputs) => call(x!, 1), error: IndexError },
    { name: `${label} repeated dims [0,-2]`, inputs: { x: { shape: [2, 3] } }, run: ({ x }: Inputs) => call(x!, [0, -2]), error: ArgumentError },
    { name: `${label} non-integer dim 0.5`, inputs: { x: { shape: [2, 3] } }, run: ({ x }: Inputs) => call(x!, 0.5), error: ArgumentError },
    { name: `${label} a plain array instead of a tensor`, inputs: {}, run: () => call([1, 2] as unknown as Tensor), error: ArgumentError },
  ];
}
