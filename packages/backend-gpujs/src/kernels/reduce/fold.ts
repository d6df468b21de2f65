import type { DType } from '@nn/tensor';
import { assertNonEmptyReduction, type KernelFn, type ReduceSpec, type TensorInfo } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import type { KernelSource } from '../../kernel-cache.js';
import { divmod, literal, unravel } from '../../source.js';
import { reducePlan, type ReducePlan } from './plan.js';

/**
 * How a reduction folds elements, as kernel source: `init` declares the accumulator `acc` (and
 * any state) given the expression of the first folded element, `step` folds the element `v` in,
 * `result` is the output expression.
 */
export interface Fold {
  /** Names the fold in kernel keys (with every variant its source depends on). */
  readonly name: string;
  readonly init: (first: string) => string;
  readonly step: string;
  readonly result: string;
}

/** The ops of the `ReduceSpec` family. */
export type FoldOp = 'Sum' | 'Prod' | 'Max' | 'Min' | 'All' | 'Any';

/** Reductions that fold more than this many elements per output run in two stages. */
const SPLIT_ABOVE = 1024;

/** `name * stride`, without a multiplication by 1. */
export function scaled(name: string, stride: number): string {
  return stride === 1 ? name : `${name} * ${literal(stride)}`;
}

/** `terms` joined as a sum, or `'0'`. */
function sumOf(terms: readonly string[]): string {
  return terms.length === 0 ? '0' : terms.join(' + ');
}

/** Statements declaring `base`, the input offset of the output element `index` (row-major over the kept groups). */
function baseOf(index: string, sizes: readonly number[], strides: readonly number[]): string {
  return `${unravel(index, sizes, 'k')} const base = ${sumOf(sizes.map((_, g) => scaled(`k${g}`, strides[g]!)))};`;
}

/** One kernel: each output element folds every element of the reduced groups, in nested loops with literal strides. */
function singleSource(plan: ReducePlan, fold: Fold): KernelSource {
  const loops = plan.reducedSizes.map((n, g) => `for (let j${g} = 0; j${g} < ${literal(n)}; j${g}++) { `).join('');
  const offset = sumOf(['base', ...plan.reducedStrides.map((s, g) => scaled(`j${g}`, s))]);
  return {
    source:
      `function (x) { ${baseOf('this.thread.x', plan.keptSizes, plan.keptStrides)} ${fold.init('x[base]')} ` +
      `${loops}const v = x[${offset}]; ${fold.step} ${'} '.repeat(plan.reducedSizes.length)}return ${fold.result}; }`,
    loopMax: Math.max(0, ...plan.reducedSizes),
  };
}

/**
 * The first of two stages (one reduced group of `size` elements, `stride` apart): output
 * `[outSize, parts]`, each element folding one chunk of `chunk` consecutive reduced elements.
 */
function chunkSource(plan: ReducePlan, fold: Fold, chunk: number, parts: number): KernelSource {
  const size = plan.reducedSizes[0]!;
  const stride = plan.reducedStrides[0]!;
  const read = `const v = x[start + ${scaled('c', stride)}]; ${fold.step}`;
  const body = size % chunk === 0 ? read : `if (p * ${literal(chunk)} + c < ${literal(size)}) { ${read} }`;
  return {
    source:
      `function (x) { ${divmod('o', 'p', 'this.thread.x', parts)} ${baseOf('o', plan.keptSizes, plan.keptStrides)} ` +
      `const start = base + ${scaled('p', chunk * stride)}; ${fold.init('x[start]')} ` +
      `for (let c = 0; c < ${literal(chunk)}; c++) { ${body} } return ${fold.result}; }`,
    loopMax: chunk,
  };
}

/**
 * Runs the reduction `plan` of `x` with `fold` into a `dtype` output. A long single reduced group
 * (a full reduction, or one axis) is split into about √n chunks of √n elements: a first kernel
 * folds each chunk, a second folds the chunks, so no thread loops over all n elements.
 * `fold(dtype)` gives the fold of elements of that dtype; `keyPart` names the reduced axes.
 */
export function runFold(
  backend: GpuJsBackend,
  op: string,
  x: TensorInfo,
  plan: ReducePlan,
  keyPart: string,
  fold: (dtype: DType) => Fold,
  dtype: DType,
): TensorInfo {
  const size = plan.reducedSize;
  if (plan.reducedSizes.length === 1 && size > SPLIT_ABOVE) {
    const chunk = Math.ceil(Math.sqrt(size));
    const parts = Math.ceil(size / chunk);
    const first = fold(x.dtype);
    const partial = backend.run({
      key: `${op}:${first.name}:${keyPart}:chunks`,
      inputs: [x],
      shape: [plan.outSize, parts],
      dtype,
      build: () => chunkSource(plan, first, chunk, parts),
    });
    const second = fold(dtype);
    const combine: ReducePlan = {
      outShape: plan.outShape,
      outSize: plan.outSize,
      reducedSize: parts,
      keptSizes: plan.outSize > 1 ? [plan.outSize] : [],
      keptStrides: [parts],
      reducedSizes: [parts],
      reducedStrides: [1],
    };
    const out = backend.run({
      key: `${op}:${second.name}:combine`,
      inputs: [partial],
      shape: plan.outShape,
      dtype,
      build: () => singleSource(combine, second),
    });
    backend.disposeData(partial.dataId);
    return out;
  }
  const single = fold(x.dtype);
  return backend.run({
    key: `${op}:${single.name}:${keyPart}`,
    inputs: [x],
    shape: plan.outShape,
    dtype,
    build: () => singleSource(plan, single),
  });
}

/**
 * A `ReduceSpec` kernel from its fold. `identity` fills the output of an empty reduction; `null`
 * means the op has none (an empty reduction with a non-empty output throws an `IndexError`).
 */
export function foldKernel<K extends FoldOp>(
  op: K,
  fold: (dtype: DType) => Fold,
  outDType: (input: DType) => DType,
  identity: number | null,
): KernelFn<K, GpuJsBackend> {
  return (({
    inputs: { x },
    attrs: { axes, keepDim },
    backend,
  }: {
    inputs: ReduceSpec['inputs'];
    attrs: ReduceSpec['attrs'];
    backend: GpuJsBackend;
  }) => {
    const plan = reducePlan(x.shape, axes, keepDim);
    const dtype = outDType(x.dtype);
    if (x.shape.includes(0)) {
      if (identity === null) assertNonEmptyReduction(op, x.shape, plan.reducedSize, plan.outSize);
      return backend.fill(plan.outShape, dtype, identity ?? 0);
    }
    return runFold(backend, op, x, plan, axes.join(','), fold, dtype);
  }) as KernelFn<K, GpuJsBackend>;
}
