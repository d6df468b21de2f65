// Validation of multiHeadAttentionForward's inputs, parameters and masks (internal).
import { ArgumentError, DTypeError, Generator, ShapeError, type Tensor } from '@nn/tensor';
import {
  checkBool,
  checkFloat,
  checkInt,
  checkNumber,
  checkOptions,
  checkTensorArg,
  shapeText,
  show,
} from '../../layers/checks.js';
import { checkMaskTensor } from './attend.js';
import type { MultiHeadAttentionForwardOptions } from './multi-head-attention-forward.js';

const KNOWN = [
  'numHeads',
  'inProjWeight',
  'inProjBias',
  'qProjWeight',
  'kProjWeight',
  'vProjWeight',
  'outProjWeight',
  'outProjBias',
  'keyPaddingMask',
  'attnMask',
  'needWeights',
  'averageAttnWeights',
  'isCausal',
  'dropoutP',
  'training',
  'batchFirst',
  'generator',
];

/** The checked arguments of one multi-head attention call. @internal */
export interface MultiHeadArgs {
  op: string;
  numHeads: number;
  batched: boolean;
  batchFirst: boolean;
  /** Target length, source length, batch size (1 unbatched), embedding size. */
  l: number;
  s: number;
  n: number;
  e: number;
  packed: Tensor | null;
  wq: Tensor | null;
  wk: Tensor | null;
  wv: Tensor | null;
  inBias: Tensor | null;
  outWeight: Tensor;
  outBias: Tensor | null;
  keyPaddingMask: Tensor | null;
  attnMask: Tensor | null;
  needWeights: boolean;
  averageAttnWeights: boolean;
  isCausal: boolean;
  dropoutP: number;
  training: boolean;
  generator: Generator | undefined;
}

function checkParam(op: string, arg: string, t: unknown, shape: readonly number[], dtype: string): Tensor {
  const p = checkTensorArg(op, arg, t);
  if (p.dtype !== dtype) throw new DTypeError({ op, arg, expected: `${dtype} (the dtype of query)`, got: p.dtype });
  if (p.rank !== shape.length || !p.shape.every((d, i) => d === shape[i])) {
    throw new ShapeError({ op, arg, expected: `shape ${shapeText(shape)}`, got: shapeText(p.shape) });
  }
  return p;
}

function optional(value: Tensor | null | undefined): Tensor | null {
  return value ?? null;
}

/** Checks everything `multiHeadAttentionForward` (or `MultiheadAttention.forward`, as `op`) receives. @internal */
export function checkMultiHeadArgs(
  op: string,
  query: unknown,
  key: unknown,
  value: unknown,
  options: MultiHeadAttentionForwardOptions,
): MultiHeadArgs {
  const o = checkOptions(op, options, KNOWN);
  const batchFirst = checkBool(op, 'batchFirst', o.batchFirst, false);
  const q = checkTensorArg(op, 'query', query);
  const k = checkTensorArg(op, 'key', key);
  const v = checkTensorArg(op, 'value', value);
  for (const [arg, t] of [
    ['query', q],
    ['key', k],
    ['value', v],
  ] as const)
    checkFloat(op, arg, t);
  if (q.rank !== 2 && q.rank !== 3) {
    const what = batchFirst ? '[N, L, E] or unbatched [L, E]' : '[L, N, E] or unbatched [L, E]';
    throw new ShapeError({ op, arg: 'query', expected: `a 3-D tensor ${what}`, got: `shape ${shapeText(q.shape)}` });
  }
  const batched = q.rank === 3;
  for (const [arg, t] of [
    ['key', k],
    ['value', v],
  ] as const) {
    if (t.rank !== q.rank) {
      throw new ShapeError({
        op,
        arg,
        expected: `a ${q.rank}-D tensor like query (${batched ? 'batched' : 'unbatched'})`,
        got: `shape ${shapeText(t.shape)}`,
      });
    }
    if (t.dtype !== q.dtype)
      throw new DTypeError({ op, arg, expected: `${q.dtype} (the dtype of query)`, got: t.dtype });
  }
  const seqDim = batched && batchFirst ? 1 : 0;
  const l = q.shape[seqDim]!;
  const s = k.shape[seqDim]!;
  const n = batched ? q.shape[batchFirst ? 0 : 1]! : 1;
  const e = q.shape[q.rank - 1]!;
  if (v.shape[seqDim] !== s) {
    throw new ShapeError({
      op,
      arg: 'value',
      expected: `${s} positions (as key) at dim ${seqDim}`,
      got: `shape ${shapeText(v.shape)}`,
    });
  }
  if (batched) {
    const bd = batchFirst ? 0 : 1;
    for (const [arg, t] of [
      ['key', k],
      ['value', v],
    ] as const) {
      if (t.shape[bd] !== n)
        throw new ShapeError({
          op,
          arg,
          expected: `batch size ${n} (as query) at dim ${bd}`,
          got: `shape ${shapeText(t.shape)}`,
        });
    }
  }
  const numHeads = checkInt(op, 'numHeads', o.numHeads, 1);
  if (e % numHeads !== 0) {
    throw new ArgumentError({
      op,
      arg: 'numHeads',
      expected: `a divisor of the embedding size ${e}`,
      got: String(numHeads),
    });
  }
  const kdim = k.shape[k.rank - 1]!;
  const vdim = v.shape[v.rank - 1]!;
  const dt = q.dtype;
  const packedGiven = optional(o.inProjWeight);
  const separate = [o.qProjWeight, o.kProjWeight, o.vProjWeight].map(optional);
  let packed: Tensor | null = null;
  let wq: Tensor | null = null;
  let wk: Tensor | null = null;
  let wv: Tensor | null = null;
  if (packedGiven !== null) {
    if (separate.some((w) => w !== null)) {
      throw new ArgumentError({
        op,
        arg: 'inProjWeight',
        expected: 'either inProjWeight or q/k/vProjWeight',
        got: 'both',
      });
    }
    if (kdim !== e || vdim !== e) {
      throw new ShapeError({
        op,
        arg: 'key, value',
        expected: `feature size ${e} (the packed inProjWeight needs kdim = vdim = E)`,
        got: `kdim ${kdim}, vdim ${vdim}`,
        hint: 'Use separate qProjWeight, kProjWeight, vProjWeight for other sizes',
      });
    }
    packed = checkParam(op, 'inProjWeight', packedGiven, [3 * e, e], dt);
  } else {
    if (separate.some((w) => w === null)) {
      throw new ArgumentError({
        op,
        arg: 'inProjWeight',
        expected: 'inProjWeight, or all of qProjWeight, kProjWeight, vProjWeight',
        got: 'neither',
      });
    }
    wq = checkParam(op, 'qProjWeight', separate[0], [e, e], dt);
    wk = checkParam(op, 'kProjWeight', separate[1], [e, kdim], dt);
    wv = checkParam(op, 'vProjWeight', separate[2], [e, vdim], dt);
  }
  const inBiasGiven = optional(o.inProjBias);
  const inBias = inBiasGiven === null ? null : checkParam(op, 'inProjBias', inBiasGiven, [3 * e], dt);
  const outWeight = checkParam(op, 'outProjWeight', o.outProjWeight, [e, e], dt);
  const outBiasGiven = optional(o.outProjBias);
  const outBias = outBiasGiven === null ? null : checkParam(op, 'outProjBias', outBiasGiven, [e], dt);

  const { attnMask, keyPaddingMask } = checkAttentionMasks(op, o.attnMask, o.keyPaddingMask, {
    l,
    s,
    n,
    numHeads,
    batched,
  });
  if (o.generator !== undefined && !(o.generator instanceof Generator)) {
    throw new ArgumentError({ op, arg: 'generator', expected: 'a Generator', got: show(o.generator) });
  }
  return {
    op,
    numHeads,
    batched,
    batchFirst,
    l,
    s,
    n,
    e,
    packed,
    wq,
    wk,
    wv,
    inBias,
    outWeight,
    outBias,
    keyPaddingMask,
    attnMask,
    needWeights: checkBool(op, 'needWeights', o.needWeights, true),
    averageAttnWeights: checkBool(op, 'averageAttnWeights', o.averageAttnWeights, true),
    isCausal: checkBool(op, 'isCausal', o.isCausal, false),
    dropoutP: checkNumber(op, 'dropoutP', o.dropoutP, 0, 0, 1),
    training: checkBool(op, 'training', o.training, true),
    generator: o.generator,
  };
}

/** The sizes masks are checked against. @internal */
export interface MaskDims {
  l: number;
  s: number;
  n: number;
  numHeads: number;
  batched: boolean;
}

/**
 * Checks an attention mask (`[L, S]` or `[N·numHeads, L, S]`; unbatched `[numHeads, L, S]`) and a
 * key padding mask (`[N, S]`; unbatched `[S]`), both bool or float, under the caller's argument
 * names (a layer calls them `srcMask`, `mask`, `srcKeyPaddingMask`). @internal
 */
export function checkAttentionMasks(
  op: string,
  attnGiven: unknown,
  kpmGiven: unknown,
  dims: MaskDims,
  names: { attnMask: string; keyPaddingMask: string } = { attnMask: 'attnMask', keyPaddingMask: 'keyPaddingMask' },
): { attnMask: Tensor | null; keyPaddingMask: Tensor | null } {
  const { l, s, n, numHeads, batched } = dims;
  let attnMask: Tensor | null = null;
  if (attnGiven !== null && attnGiven !== undefined) {
    attnMask = checkMaskTensor(op, names.attnMask, attnGiven);
    const want3 = batched
      ? `[${n * numHeads}, ${l}, ${s}] (N·numHeads, L, S)`
      : `[${numHeads}, ${l}, ${s}] (numHeads, L, S)`;
    const ok2 = attnMask.rank === 2 && attnMask.shape[0] === l && attnMask.shape[1] === s;
    const ok3 =
      attnMask.rank === 3 && attnMask.shape[0] === n * numHeads && attnMask.shape[1] === l && attnMask.shape[2] === s;
    if (!ok2 && !ok3) {
      throw new ShapeError({
        op,
        arg: names.attnMask,
        expected: `[${l}, ${s}] (L, S) or ${want3}`,
        got: `shape ${shapeText(attnMask.shape)}`,
      });
    }
  }
  let keyPaddingMask: Tensor | null = null;
  if (kpmGiven !== null && kpmGiven !== undefined) {
    keyPaddingMask = checkMaskTensor(op, names.keyPaddingMask, kpmGiven);
    const want = batched ? [n, s] : [s];
    if (!(keyPaddingMask.rank === want.length && keyPaddingMask.shape.every((d, i) => d === want[i]))) {
      throw new ShapeError({
        op,
        arg: names.keyPaddingMask,
        expected: `${shapeText(want)} (${batched ? 'N, S' : 'S'})`,
        got: `shape ${shapeText(keyPaddingMask.shape)}`,
      });
    }
  }
  return { attnMask, keyPaddingMask };
}
