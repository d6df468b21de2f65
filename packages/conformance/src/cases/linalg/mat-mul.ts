import { ArgumentError, DTypeError, dot, matmul, outer, ShapeError, type DType, type Tensor } from '@nn/tensor';
import { runKernel } from '@nn/tensor/backend';
import type { CaseTable, ErrorCase, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { matmulRef, reshapeHost, sumTolerance } from './reference.js';

function mm(
  name: string,
  aShape: number[],
  bShape: number[],
  dtype: DType = 'float32',
  range?: [number, number],
): OpCase {
  const spec = (shape: number[]): InputSpec => ({ shape, dtype, ...(range === undefined ? {} : { range }) });
  const k = aShape[aShape.length - 1]!;
  return {
    name,
    inputs: { a: spec(aShape), b: spec(bShape) },
    run: ({ a, b }) => matmul(a!, b!),
    reference: ({ a, b }) => matmulRef(a!, b!, dtype),
    tolerance: sumTolerance(k, dtype),
  };
}

function transposed(
  name: string,
  aShape: number[],
  bShape: number[],
  transposeA: boolean,
  transposeB: boolean,
): OpCase {
  const k = transposeA ? aShape[aShape.length - 2]! : aShape[aShape.length - 1]!;
  return {
    name,
    inputs: { a: { shape: aShape }, b: { shape: bShape } },
    run: ({ a, b }) => runKernel('MatMul', { a: a!, b: b! }, { transposeA, transposeB }),
    reference: ({ a, b }) => matmulRef(a!, b!, 'float32', transposeA, transposeB),
    tolerance: sumTolerance(k),
  };
}

const cases: OpCase[] = [
  mm('[3,5] @ [5,4]', [3, 5], [5, 4]),
  mm('odd sizes [37,70] @ [70,29] (edge tiles)', [37, 70], [70, 29]),
  mm('long inner dim [9,300] @ [300,13] (K blocking)', [9, 300], [300, 13]),
  mm('many blocks [70,20] @ [20,530]', [70, 20], [20, 530]),
  mm('vector · vector → scalar', [7], [7]),
  mm('matrix · vector [4,6] @ [6]', [4, 6], [6]),
  mm('vector · matrix [6] @ [6,3]', [6], [6, 3]),
  mm('batched [2,3,4] @ [2,4,5]', [2, 3, 4], [2, 4, 5]),
  mm('batch broadcast [2,1,3,4] @ [5,4,2]', [2, 1, 3, 4], [5, 4, 2]),
  mm('batched a with shared b [3,4,5] @ [5,2]', [3, 4, 5], [5, 2]),
  mm('shared a with batched b [4,5] @ [3,5,2]', [4, 5], [3, 5, 2]),
  mm('batched vector [2,3,4] @ [4]', [2, 3, 4], [4]),
  mm('size-1 dims [1,1] @ [1,1]', [1, 1], [1, 1]),
  mm('empty rows [0,3] @ [3,4]', [0, 3], [3, 4]),
  mm('empty inner dim [2,0] @ [0,3] → zeros', [2, 0], [0, 3]),
  mm('empty batch [0,2,3] @ [3,4]', [0, 2, 3], [3, 4]),
  mm('float64 [5,7] @ [7,3]', [5, 7], [7, 3], 'float64'),
  mm('int32 [3,4] @ [4,5]', [3, 4], [4, 5], 'int32'),
  mm('int32 batched [2,3,4] @ [4,2]', [2, 3, 4], [4, 2], 'int32'),
  {
    name: 'int32 wraps around on overflow',
    inputs: {
      a: { shape: [1, 2], dtype: 'int32', values: [2 ** 30, 2 ** 30] },
      b: { shape: [2, 2], dtype: 'int32', values: [2, 3, 2, 1] },
    },
    run: ({ a, b }) => matmul(a!, b!),
    reference: ({ a, b }) => matmulRef(a!, b!, 'int32'),
  },
  {
    name: 'int32 @ float32 promotes to float32',
    inputs: { a: { shape: [2, 3], dtype: 'int32' }, b: { shape: [3, 2] } },
    run: ({ a, b }) => matmul(a!, b!),
    reference: ({ a, b }) => matmulRef({ ...a!, dtype: 'float32' }, b!, 'float32'),
  },
  transposed('kernel transposeA [5,3]ᵀ @ [5,4]', [5, 3], [5, 4], true, false),
  transposed('kernel transposeB [3,5] @ [4,5]ᵀ', [3, 5], [4, 5], false, true),
  transposed('kernel both transposed, odd sizes [19,13]ᵀ @ [11,19]ᵀ', [19, 13], [11, 19], true, true),
  transposed('kernel transposeA with batch [2,40,9]ᵀ @ [40,10]', [2, 40, 9], [40, 10], true, false),
  transposed('kernel transposeB with broadcast batch [3,1,6,8] @ [2,5,8]ᵀ', [3, 1, 6, 8], [2, 5, 8], false, true),
  {
    name: 'dot of two vectors',
    inputs: { a: { shape: [9] }, b: { shape: [9] } },
    run: ({ a, b }) => dot(a!, b!),
    reference: ({ a, b }) => matmulRef(a!, b!, 'float32'),
  },
  {
    name: 'outer of two vectors',
    inputs: { a: { shape: [4] }, b: { shape: [3] } },
    run: ({ a, b }) => outer(a!, b!),
    reference: ({ a, b }) => matmulRef(reshapeHost(a!, [4, 1]), reshapeHost(b!, [1, 3]), 'float32'),
  },
  {
    name: 'outer of int32 vectors',
    inputs: { a: { shape: [3], dtype: 'int32' }, b: { shape: [2], dtype: 'int32' } },
    run: ({ a, b }) => outer(a!, b!),
    reference: ({ a, b }) => matmulRef(reshapeHost(a!, [3, 1]) as HostTensor, reshapeHost(b!, [1, 2]), 'int32'),
  },
];

const errors: ErrorCase[] = [
  {
    name: 'inner dims differ',
    inputs: { a: { shape: [2, 3] }, b: { shape: [4, 5] } },
    run: ({ a, b }) => matmul(a!, b!),
    error: ShapeError,
  },
  {
    name: 'vector lengths differ',
    inputs: { a: { shape: [3] }, b: { shape: [4] } },
    run: ({ a, b }) => matmul(a!, b!),
    error: ShapeError,
  },
  {
    name: 'batch dims do not broadcast',
    inputs: { a: { shape: [2, 3, 4] }, b: { shape: [3, 4, 5] } },
    run: ({ a, b }) => matmul(a!, b!),
    error: ShapeError,
  },
  {
    name: '0-D operand',
    inputs: { a: { shape: [] }, b: { shape: [3] } },
    run: ({ a, b }) => matmul(a!, b!),
    error: ShapeError,
  },
  {
    name: 'bool operand',
    inputs: { a: { shape: [2, 2], dtype: 'bool' }, b: { shape: [2, 2] } },
    run: ({ a, b }) => matmul(a!, b!),
    error: DTypeError,
  },
  {
    name: 'dot of matrices',
    inputs: { a: { shape: [2, 2] }, b: { shape: [2, 2] } },
    run: ({ a, b }) => dot(a!, b!),
    error: ShapeError,
  },
  {
    name: 'dot of different lengths',
    inputs: { a: { shape: [2] }, b: { shape: [3] } },
    run: ({ a, b }) => dot(a!, b!),
    error: ShapeError,
  },
  {
    name: 'outer of a matrix',
    inputs: { a: { shape: [2, 2] }, b: { shape: [2] } },
    run: ({ a, b }) => outer(a!, b!),
    error: ShapeError,
  },
  {
    name: 'not a tensor',
    inputs: { a: { shape: [2, 2] } },
    run: ({ a }) => matmul(a!, [[1, 2]] as unknown as Tensor),
    error: ArgumentError,
  },
];

/** Cases of the `MatMul` primitive (`matmul`, `dot`, `outer`, and the kernel's transpose attrs). */
export const matMulTable: CaseTable = { op: 'MatMul', cases, errors };
