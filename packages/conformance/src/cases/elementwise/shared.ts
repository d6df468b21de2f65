// Table builders shared by the elementwise case tables (internal to the conformance package).
import { ArgumentError, DTypeError, ShapeError, type DType, type Tensor, type TensorLike } from '@nn/tensor';
import type { OpName } from '@nn/tensor/backend';
import type { CaseTable, ErrorCase, HostTensor, InputSpec, OpCase } from '../../case-types.js';
import { broadcast, broadcastAt, build, roundTo, unravel } from '../../host.js';

/** A scalar function in plain double arithmetic. */
export type Fn1 = (x: number) => number;
/** A scalar function of two doubles. */
export type Fn2 = (x: number, y: number) => number;

/** Float values that stress an op: signed zeros, ties, large and tiny magnitudes, ±∞, NaN. */
export const FLOAT_EXTREMES: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  -1.5,
  2.5,
  -2.5,
  3.75,
  -3.75,
  1e-4,
  -1e-4,
  1e-30,
  1e4,
  -1e4,
  88,
  -88,
  100,
  -100,
  3.4e38,
  -3.4e38,
  Infinity,
  -Infinity,
  NaN,
];

/** int32 values that stress an op: zero, signs, and the ends of the range. */
export const INT_EXTREMES: readonly number[] = [0, 1, -1, 2, -3, 7, 46341, 65536, 2147483647, -2147483648];

/** `f` applied to every element of `x`, stored as `dtype`. */
export function mapHost(x: HostTensor, dtype: DType, f: Fn1): HostTensor {
  return build(x.shape, dtype, (i) => f(x.values[i]!));
}

/** `f` applied to broadcast pairs of `a` and `b`, stored as `dtype`. */
export function zipHost(a: HostTensor, b: HostTensor, dtype: DType, f: Fn2): HostTensor {
  const shape = broadcast(a.shape, b.shape);
  return build(shape, dtype, (i) => {
    const idx = unravel(i, shape);
    return f(broadcastAt(a, idx), broadcastAt(b, idx));
  });
}

/** A 0-d host tensor (for JavaScript scalars passed to an op). */
export function hostScalar(value: number, dtype: DType): HostTensor {
  return { shape: [], dtype, values: [roundTo(dtype, value)] };
}

/** The "not a tensor" error case every op has. */
export function notATensor(name: string, call: () => unknown): ErrorCase {
  return { name, inputs: {}, run: call, error: ArgumentError };
}

// ---------------------------------------------------------------------------------------------
// Unary ops

/** How to test a unary primitive through its public op. */
export interface UnarySpec {
  readonly op: OpName;
  readonly run: (x: Tensor) => Tensor;
  /** The expected value in double arithmetic (the builder rounds it to the output dtype). */
  readonly ref: Fn1;
  /** The output dtype for an input dtype, or null when the public op rejects that dtype (DTypeError). */
  readonly out: (dtype: DType) => DType | null;
  /** Range of the seeded float inputs (default [-2, 2]). */
  readonly range?: readonly [number, number];
  /** Explicit float inputs (default FLOAT_EXTREMES). */
  readonly extremes?: readonly number[];
  /** More cases, after the standard ones. */
  readonly cases?: readonly OpCase[];
  /** More error cases, after "not a tensor" and the rejected dtypes. */
  readonly errors?: readonly ErrorCase[];
}

function unaryCase(spec: UnarySpec, name: string, x: InputSpec): OpCase {
  const inDType = x.dtype ?? 'float32';
  const outDType = spec.out(inDType)!;
  return {
    name,
    inputs: { x },
    run: ({ x }) => spec.run(x!),
    // int32 and bool inputs of float ops are computed in float32 (exact for these values).
    reference: ({ x }) => mapHost(x!, outDType, spec.ref),
  };
}

/**
 * A unary table: a scalar, an odd 3-D shape, a size-0 shape, extreme values in float32 and
 * float64, and int32 and bool inputs (as cases, or as DTypeError cases where the op rejects them).
 */
export function unaryTable(spec: UnarySpec): CaseTable {
  const range = spec.range ?? [-2, 2];
  const extremes = [...(spec.extremes ?? FLOAT_EXTREMES)];
  const cases: OpCase[] = [
    unaryCase(spec, 'scalar []', { shape: [], range }),
    unaryCase(spec, 'odd shape [3,5,7]', { shape: [3, 5, 7], range }),
    unaryCase(spec, 'size-0 [0,3]', { shape: [0, 3] }),
    unaryCase(spec, 'extreme values (float32)', { shape: [extremes.length], values: extremes }),
    unaryCase(spec, 'float64 [4,6]', { shape: [4, 6], dtype: 'float64', range }),
    unaryCase(spec, 'extreme values (float64)', { shape: [extremes.length], dtype: 'float64', values: extremes }),
  ];
  const errors: ErrorCase[] = [notATensor('a number instead of a tensor', () => spec.run(2 as unknown as Tensor))];
  const intInput: InputSpec = { shape: [2, 3], dtype: 'int32', values: [-3, -1, 0, 1, 2, 5] };
  const boolInput: InputSpec = { shape: [5], dtype: 'bool', values: [0, 1, 1, 0, 1] };
  for (const [dtype, input] of [
    ['int32', intInput],
    ['bool', boolInput],
  ] as const) {
    if (spec.out(dtype) === null) {
      errors.push({ name: `a ${dtype} input`, inputs: { x: input }, run: ({ x }) => spec.run(x!), error: DTypeError });
    } else {
      cases.push(unaryCase(spec, `${dtype} input`, input));
    }
  }
  return { op: spec.op, cases: [...cases, ...(spec.cases ?? [])], errors: [...errors, ...(spec.errors ?? [])] };
}

// ---------------------------------------------------------------------------------------------
// Binary ops

/** How to test a binary primitive through its public op. */
export interface BinarySpec {
  readonly op: OpName;
  readonly run: (a: TensorLike, b: TensorLike) => Tensor;
  /** The expected value in double arithmetic, from operands already in the compute dtype. */
  readonly ref: Fn2;
  /** The reference for int32 compute (default `ref`, whose result is wrapped to int32 on store). */
  readonly refInt?: Fn2;
  /** The dtype the operands are computed in, from their promoted dtype (default: itself); null to reject. */
  readonly compute?: (promoted: DType) => DType | null;
  /** The output dtype, from the compute dtype (default: itself). */
  readonly out?: (compute: DType) => DType;
  /** Whether operands are rounded to the compute dtype before `ref` (false for logical ops). */
  readonly roundOperands?: boolean;
  /** Range of the seeded float inputs (default [-2, 2]); `b` may have its own. */
  readonly range?: readonly [number, number];
  readonly bRange?: readonly [number, number];
  /** Range of seeded int32 inputs (default [-5, 5]); `b` may have its own. */
  readonly intRange?: readonly [number, number];
  readonly bIntRange?: readonly [number, number];
  /** Explicit values: every pair is tested (default FLOAT_EXTREMES / INT_EXTREMES). */
  readonly extremes?: readonly number[];
  readonly intExtremes?: readonly number[];
  readonly cases?: readonly OpCase[];
  readonly errors?: readonly ErrorCase[];
}

const PROMOTION_ORDER: readonly DType[] = ['bool', 'int32', 'float32', 'float64'];

function promote(a: DType, b: DType): DType {
  return PROMOTION_ORDER.indexOf(a) >= PROMOTION_ORDER.indexOf(b) ? a : b;
}

function binaryRef(spec: BinarySpec, a: HostTensor, b: HostTensor): HostTensor {
  const computeDType = spec.compute?.(promote(a.dtype, b.dtype)) ?? promote(a.dtype, b.dtype);
  const outDType = spec.out?.(computeDType) ?? computeDType;
  const f = computeDType === 'int32' && spec.refInt !== undefined ? spec.refInt : spec.ref;
  const round = spec.roundOperands ?? true;
  return zipHost(a, b, outDType, (x, y) => (round ? f(roundTo(computeDType, x), roundTo(computeDType, y)) : f(x, y)));
}

/** A case on two tensor inputs. */
export function binaryCase(spec: BinarySpec, name: string, a: InputSpec, b: InputSpec): OpCase {
  return {
    name,
    inputs: { a, b },
    run: ({ a, b }) => spec.run(a!, b!),
    reference: ({ a, b }) => binaryRef(spec, a!, b!),
  };
}

/** A case with a JavaScript number as `b` (`side` 'b') or as `a` (`side` 'a'). */
function scalarCase(spec: BinarySpec, name: string, t: InputSpec, value: number, side: 'a' | 'b'): OpCase {
  const dtype = t.dtype ?? 'float32';
  // JavaScript numbers are weak: an integer joins int32/bool as int32, a fraction makes them float32.
  const sDType: DType =
    dtype === 'float32' || dtype === 'float64' ? dtype : Number.isInteger(value) ? 'int32' : 'float32';
  return {
    name,
    inputs: { t },
    run: ({ t }) => (side === 'b' ? spec.run(t!, value) : spec.run(value, t!)),
    reference: ({ t }) => {
      const s = hostScalar(value, sDType);
      return side === 'b' ? binaryRef(spec, t!, s) : binaryRef(spec, s, t!);
    },
  };
}

/** Every pair of `values`: `a` is a column `[n,1]`, `b` a row `[n]`. */
function pairsCase(spec: BinarySpec, name: string, values: readonly number[], dtype: DType): OpCase {
  return binaryCase(
    spec,
    name,
    { shape: [values.length, 1], dtype, values },
    { shape: [values.length], dtype, values },
  );
}

/**
 * A binary table: same shapes, broadcasting both ways and in general, scalars (0-d tensors and
 * JavaScript numbers on either side), size-0 shapes, every pair of extreme values in float32,
 * float64 and int32, bool inputs, mixed dtypes; errors for shapes that don't broadcast, a
 * non-tensor operand, and dtypes the op rejects.
 */
export function binaryTable(spec: BinarySpec): CaseTable {
  const r = spec.range ?? [-2, 2];
  const br = spec.bRange ?? r;
  const ir = spec.intRange ?? [-5, 5];
  const bir = spec.bIntRange ?? ir;
  const accepts = (d: DType): boolean => spec.compute === undefined || spec.compute(d) !== null;
  const f = (shape: number[], dtype: DType = 'float32', range = r): InputSpec => ({ shape, dtype, range });
  const g = (shape: number[], dtype: DType = 'float32', range = br): InputSpec => ({ shape, dtype, range });
  const cases: OpCase[] = [
    binaryCase(spec, 'same shape [3,5,7]', f([3, 5, 7]), g([3, 5, 7])),
    binaryCase(spec, 'broadcast [3,1] with [4]', f([3, 1]), g([4])),
    binaryCase(spec, 'broadcast [4] with [3,1]', f([4]), g([3, 1])),
    binaryCase(spec, 'broadcast [5,1,7] with [1,4,1]', f([5, 1, 7]), g([1, 4, 1])),
    binaryCase(spec, 'broadcast [2,3,1,5] with [3,4,1]', f([2, 3, 1, 5]), g([3, 4, 1])),
    binaryCase(spec, 'scalars [] and []', f([]), g([])),
    binaryCase(spec, '[3,5,7] with a 0-d tensor', f([3, 5, 7]), g([])),
    binaryCase(spec, 'a 0-d tensor with [2,3]', f([]), g([2, 3])),
    binaryCase(spec, 'size-0 [0,3] with [3]', f([0, 3]), g([3])),
    binaryCase(spec, 'size-0 [2,0] with [2,1]', f([2, 0]), g([2, 1])),
    scalarCase(spec, 'a JavaScript number as b', f([2, 3]), 1.5, 'b'),
    scalarCase(spec, 'a JavaScript number as a', g([2, 3]), -0.5, 'a'),
    pairsCase(spec, 'all pairs of extreme values (float32)', spec.extremes ?? FLOAT_EXTREMES, 'float32'),
    binaryCase(spec, 'float64 broadcast [3,1] with [4]', f([3, 1], 'float64'), g([4], 'float64')),
    pairsCase(spec, 'all pairs of extreme values (float64)', spec.extremes ?? FLOAT_EXTREMES, 'float64'),
    binaryCase(spec, 'mixed float32 [3,4] and float64 [4]', f([3, 4]), g([4], 'float64')),
  ];
  const errors: ErrorCase[] = [
    {
      name: "shapes that don't broadcast ([2,3] and [4])",
      inputs: { a: f([2, 3]), b: g([4]) },
      run: ({ a, b }) => spec.run(a!, b!),
      error: ShapeError,
    },
    notATensor('a string operand', () => spec.run('1' as unknown as TensorLike, 1)),
  ];
  if (accepts('int32')) {
    cases.push(
      binaryCase(spec, 'int32 [3,4] with [4]', f([3, 4], 'int32', ir), g([4], 'int32', bir)),
      pairsCase(spec, 'all pairs of extreme values (int32)', spec.intExtremes ?? INT_EXTREMES, 'int32'),
      scalarCase(spec, 'int32 with an integer JavaScript number', f([2, 3], 'int32', ir), 2, 'b'),
      scalarCase(spec, 'int32 with a fractional JavaScript number', f([2, 3], 'int32', ir), 2.5, 'b'),
      binaryCase(spec, 'mixed int32 [3,4] and float32 [4]', f([3, 4], 'int32', ir), g([4])),
    );
  }
  const boolA: InputSpec = { shape: [4, 1], dtype: 'bool', values: [0, 1, 1, 0] };
  const boolB: InputSpec = { shape: [3], dtype: 'bool', values: [1, 0, 1] };
  if (accepts('bool')) {
    cases.push(binaryCase(spec, 'bool [4,1] with [3]', boolA, boolB));
  } else {
    errors.push({
      name: 'two bool operands',
      inputs: { a: boolA, b: boolB },
      run: ({ a, b }) => spec.run(a!, b!),
      error: DTypeError,
    });
  }
  if (accepts('int32')) {
    cases.push(binaryCase(spec, 'mixed bool [4,1] and int32 [3]', boolA, g([3], 'int32', bir)));
  }
  return { op: spec.op, cases: [...cases, ...(spec.cases ?? [])], errors: [...errors, ...(spec.errors ?? [])] };
}
