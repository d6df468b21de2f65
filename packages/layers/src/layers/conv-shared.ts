// Helpers shared by Conv1d, Conv2d and ConvTranspose2d (internal: not exported from the package).
import { ArgumentError, concat, narrow, pad, ShapeError, tidy, type Generator, type Tensor, type Variable } from '@nn/tensor';
import { fanInAndFanOut, kaimingUniform, uniform } from '../init/index.js';
import { checkTuple, shapeText, show } from './checks.js';

/**
 * How a convolution pads its input: `'zeros'` (default), `'reflect'` (mirror without repeating the
 * edge), `'replicate'` (repeat the edge) or `'circular'` (wrap around), as PyTorch's `padding_mode`.
 * @category Convolution
 */
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

const MODES: readonly PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

/** The parsed geometry of a convolution layer with `n` spatial dims. @internal */
export interface ConvGeometry {
  kernelSize: number[];
  stride: number[];
  dilation: number[];
  /** Symmetric padding per spatial dim, or the padding string. */
  padding: number[] | 'same' | 'valid';
  /** `[before, after]` per spatial dim: what is added around the input. */
  amounts: [number, number][];
  paddingMode: PaddingMode;
}

/** Parses kernel size, stride, padding, dilation and padding mode of an `n`-D convolution layer. @internal */
export function convGeometry(
  op: string,
  n: number,
  kernelSize: unknown,
  o: { stride?: unknown; padding?: unknown; dilation?: unknown; paddingMode?: unknown },
): ConvGeometry {
  const kernel = checkTuple(op, 'kernelSize', kernelSize, n, 1);
  const stride = checkTuple(op, 'stride', o.stride, n, 1, new Array<number>(n).fill(1));
  const dilation = checkTuple(op, 'dilation', o.dilation, n, 1, new Array<number>(n).fill(1));
  const paddingMode = (o.paddingMode ?? 'zeros') as PaddingMode;
  if (!MODES.includes(paddingMode)) {
    throw new ArgumentError({ op, arg: 'paddingMode', expected: `one of ${MODES.map((m) => `'${m}'`).join(', ')}`, got: show(o.paddingMode) });
  }
  let padding: number[] | 'same' | 'valid';
  let amounts: [number, number][];
  if (o.padding === 'same' || o.padding === 'valid') {
    padding = o.padding;
    if (padding === 'same' && stride.some((s) => s !== 1)) {
      throw new ArgumentError({ op, arg: 'padding', expected: "stride 1 with padding 'same'", got: `stride ${shapeText(stride)}` });
    }
    amounts = kernel.map((k, i) => {
      const total = padding === 'same' ? dilation[i]! * (k - 1) : 0;
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    });
  } else {
    if (typeof o.padding === 'string') {
      throw new ArgumentError({ op, arg: 'padding', expected: `an integer ≥ 0, ${n} of them, 'same' or 'valid'`, got: show(o.padding) });
    }
    padding = checkTuple(op, 'padding', o.padding, n, 0, new Array<number>(n).fill(0));
    amounts = padding.map((p) => [p, p]);
  }
  return { kernelSize: kernel, stride, dilation, padding, amounts, paddingMode };
}

/** Checks every spatial dim of `x` (the last `n`) fits the dilated kernel once padded. @internal */
export function checkSpatial(op: string, x: Tensor, g: ConvGeometry): void {
  const n = g.kernelSize.length;
  for (let i = 0; i < n; i++) {
    const size = x.shape[x.rank - n + i]!;
    const [before, after] = g.amounts[i]!;
    const span = g.dilation[i]! * (g.kernelSize[i]! - 1) + 1;
    if (size + before + after < span) {
      throw new ShapeError({
        op,
        arg: 'x',
        expected: `spatial dims no smaller than the (dilated) kernel ${shapeText(g.kernelSize)} after padding`,
        got: `shape ${shapeText(x.shape)}`,
      });
    }
    const limit = g.paddingMode === 'reflect' ? size - 1 : g.paddingMode === 'circular' ? size : Infinity;
    if (Math.max(before, after) > limit || (g.paddingMode === 'replicate' && size === 0 && before + after > 0)) {
      throw new ShapeError({
        op,
        arg: 'x',
        expected: `spatial dims larger than the ${g.paddingMode} padding ${shapeText(g.amounts.flat())}`,
        got: `shape ${shapeText(x.shape)}`,
      });
    }
  }
}

/** Pads the last `amounts.length` dims of `x` in a non-zero `mode`. @internal */
export function padSpatial(x: Tensor, amounts: readonly [number, number][], mode: Exclude<PaddingMode, 'zeros'>): Tensor {
  if (mode !== 'circular') {
    const flat = [...amounts].reverse().flat();
    return pad(x, flat, { mode });
  }
  return tidy(() => {
    let y = x;
    amounts.forEach(([before, after], i) => {
      const dim = x.rank - amounts.length + i;
      const size = y.shape[dim]!;
      const parts: Tensor[] = [];
      if (before > 0) parts.push(narrow(y, dim, size - before, before));
      parts.push(y);
      if (after > 0) parts.push(narrow(y, dim, 0, after));
      if (parts.length > 1) y = concat(parts, dim);
    });
    return y === x ? concat([x], 0) : y;
  });
}

/** PyTorch's default initialisation of a convolution: kaiming-uniform (a = √5) weight, U(±1/√fanIn) bias. @internal */
export function initConv(weight: Variable, bias: Variable | null, generator: Generator | undefined): void {
  const [fanIn] = fanInAndFanOut(weight.shape);
  if (fanIn > 0) kaimingUniform(weight, { a: Math.sqrt(5), generator });
  if (bias !== null) {
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform(bias, { a: -bound, b: bound, generator });
  }
}
