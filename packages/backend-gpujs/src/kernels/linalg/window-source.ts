import { poolOutputSize, type Conv2DAttrs, type Pool2DAttrs, type TensorInfo } from '@nn/tensor/backend';
import { literal } from '../../source.js';

/**
 * Source helpers shared by the convolution and pooling kernels: one spatial axis of a sliding
 * window, where output position `q` (of `out`) reads input position `q·stride − pad + t·dilation`
 * (of `size`) with tap `t` (of `k`). Taps outside `[0, size)` are padding.
 */
export interface WindowAxis {
  readonly size: number;
  readonly out: number;
  readonly k: number;
  readonly stride: number;
  /** Padding before the first input element. */
  readonly pad: number;
  readonly dilation: number;
}

/** True when some tensor has no elements (a sum over it is empty; it must not reach a kernel). */
export function anyEmpty(...tensors: readonly TensorInfo[]): boolean {
  return tensors.some((t) => t.shape.includes(0));
}

/** A declared window position and the conditions under which it exists (see `forwardTap`, `inverseTap`). */
export interface Tap {
  readonly decl: string;
  readonly conditions: readonly string[];
}

/** Wraps `body` in `if (all conditions) { … }`, or returns it as is when there are none. */
export function guarded(conditions: readonly string[], body: string): string {
  return conditions.length === 0 ? body : `if (${conditions.join(' && ')}) { ${body} }`;
}

/**
 * The loops over a window's taps `i < rows.k` and `j < cols.k`: declares each tap's position along
 * the rows and the columns (`row` built for tap `i`, `col` for tap `j`), skips those that do not
 * exist, and runs `body` for the rest (`perRow` once per existing row).
 */
export function tapLoops(rows: WindowAxis, cols: WindowAxis, row: Tap, col: Tap, body: string, perRow = ''): string {
  const inner = `${perRow} for (let j = 0; j < ${cols.k}; j++) { ${col.decl} ${guarded(col.conditions, body)} }`;
  return `for (let i = 0; i < ${rows.k}; i++) { ${row.decl} ${guarded(row.conditions, inner)} }`;
}

/**
 * Declares `name`, the input position that output position `q` reads with tap `t` (both source
 * expressions), and returns the conditions under which it lies inside the input (none where the
 * geometry keeps every tap inside).
 */
export function forwardTap(axis: WindowAxis, name: string, q: string, t: string): Tap {
  const { size, out, k, stride, pad, dilation } = axis;
  const conditions: string[] = [];
  if (pad > 0) conditions.push(`${name} >= 0`);
  if ((out - 1) * stride - pad + (k - 1) * dilation >= size) conditions.push(`${name} < ${literal(size)}`);
  const decl = `const ${name} = ${q} * ${literal(stride)} + ${t} * ${literal(dilation)} - ${literal(pad)};`;
  return { decl, conditions };
}

/**
 * The inverse of {@link forwardTap}, for gather-style gradients: declares `name`, the output
 * position whose tap `t` reads input position `p` (both source expressions), and returns the
 * conditions under which that output position exists. With a stride above 1 the position is
 * `floor((p + pad − t·dilation + ½) / stride)`, which stays clear of rounding at any division
 * accuracy, and the conditions check that it divides exactly.
 */
export function inverseTap(axis: WindowAxis, name: string, p: string, t: string): Tap {
  const { size, out, k, stride, pad, dilation } = axis;
  const conditions: string[] = [];
  const lowest = pad - (k - 1) * dilation;
  const highest = size - 1 + pad;
  if (stride === 1) {
    const decl = `const ${name} = ${p} + ${literal(pad)} - ${t} * ${literal(dilation)};`;
    if (lowest < 0) conditions.push(`${name} >= 0`);
    if (highest >= out) conditions.push(`${name} < ${literal(out)}`);
    return { decl, conditions };
  }
  const s = literal(stride);
  const decl =
    `const ${name}t = ${p} + ${literal(pad)} - ${t} * ${literal(dilation)}; ` +
    `const ${name} = Math.floor((${name}t + 0.5) / ${s});`;
  conditions.push(`${name} * ${s} === ${name}t`);
  if (lowest < 0) conditions.push(`${name} >= 0`);
  if (Math.floor(highest / stride) >= out) conditions.push(`${name} < ${literal(out)}`);
  return { decl, conditions };
}

/**
 * The shapes of a convolution `x: [n, c, h, w]`, `w: [o, cg, kh, kw]` → `y: [n, o, oh, ow]` in
 * `groups` channel groups (`og = o / groups` output channels each), with its two spatial axes.
 * The output size comes from `outShape` when given (a gradient's `dy`), from the attrs otherwise.
 */
export interface ConvGeometry {
  readonly n: number;
  readonly c: number;
  readonly o: number;
  readonly groups: number;
  readonly cg: number;
  readonly og: number;
  readonly rows: WindowAxis;
  readonly cols: WindowAxis;
}

/** The {@link ConvGeometry} of `Conv2D` and its gradients. */
export function convGeometry(
  xShape: readonly number[],
  wShape: readonly number[],
  outShape: readonly number[] | null,
  attrs: Conv2DAttrs,
): ConvGeometry {
  const [n, c, h, w] = xShape as [number, number, number, number];
  const [o, cg, kh, kw] = wShape as [number, number, number, number];
  const [pt, pb, pl, pr] = attrs.padding;
  const [sh, sw] = attrs.stride;
  const [dh, dw] = attrs.dilation;
  const oh = outShape?.[2] ?? Math.floor((h + pt + pb - dh * (kh - 1) - 1) / sh) + 1;
  const ow = outShape?.[3] ?? Math.floor((w + pl + pr - dw * (kw - 1) - 1) / sw) + 1;
  return {
    n,
    c,
    o,
    groups: attrs.groups,
    cg,
    og: o / attrs.groups,
    rows: { size: h, out: oh, k: kh, stride: sh, pad: pt, dilation: dh },
    cols: { size: w, out: ow, k: kw, stride: sw, pad: pl, dilation: dw },
  };
}

/** The cache-key part of the conv attrs (the shapes are added by `run`). */
export function convKey(op: string, attrs: Conv2DAttrs): string {
  return `${op}:${attrs.stride.join(',')}:${attrs.padding.join(',')}:${attrs.dilation.join(',')}:${attrs.groups}`;
}

/**
 * The two spatial axes of a pooling op over `[n, c, h, w]` (output sizes by `poolOutputSize`, as
 * the CPU kernels compute them), and its cache key (the attrs and the input's spatial size).
 */
export function poolAxes(
  shape: readonly number[],
  attrs: Pool2DAttrs,
  dilation: readonly [number, number],
  op: string,
): { rows: WindowAxis; cols: WindowAxis; key: string } {
  const [h, w] = [shape[2]!, shape[3]!];
  const axis = (size: number, d: 0 | 1): WindowAxis => {
    const [k, stride, pad] = [attrs.kernelSize[d], attrs.stride[d], attrs.padding[d]];
    const out = poolOutputSize(size, k, stride, pad, dilation[d], attrs.ceilMode);
    return { size, out, k, stride, pad, dilation: dilation[d] };
  };
  const key =
    `${op}:${attrs.kernelSize.join(',')}:${attrs.stride.join(',')}:${attrs.padding.join(',')}:` +
    `${dilation.join(',')}:${attrs.ceilMode}:${h},${w}`;
  return { rows: axis(h, 0), cols: axis(w, 1), key };
}
