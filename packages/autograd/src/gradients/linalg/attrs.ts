import { pad, type AvgPool2dOptions, type Conv2dOptions, type MaxPool2dOptions, type Tensor } from '@nn/tensor';
import type { Conv2DAttrs, Pair, Pool2DAttrs } from '@nn/tensor/backend';

/** A shape known to be 4-D, typed as the public conv ops want it. */
export type Shape4 = readonly [number, number, number, number];

/** `[N, C, H, W]` of a 4-D tensor (every conv and pool primitive input is 4-D). */
export function shape4(t: Tensor): Shape4 {
  return [t.shape[0]!, t.shape[1]!, t.shape[2]!, t.shape[3]!];
}

/** The public `conv2d`-family options that reproduce normalised `Conv2DAttrs` exactly. */
export function convOptions(attrs: Conv2DAttrs): Conv2dOptions {
  return { stride: attrs.stride, padding: attrs.padding, dilation: attrs.dilation, groups: attrs.groups };
}

/** Spatial output size `[H', W']` of `Conv2D` on input `xShape` with filters `wShape`. */
export function convOutputSize(xShape: readonly number[], wShape: readonly number[], attrs: Conv2DAttrs): Pair {
  const [pt, pb, pl, pr] = attrs.padding;
  const size = (n: number, k: number, before: number, after: number, s: number, d: number): number =>
    Math.floor((n + before + after - d * (k - 1) - 1) / s) + 1;
  return [
    size(xShape[2]!, wShape[2]!, pt, pb, attrs.stride[0], attrs.dilation[0]),
    size(xShape[3]!, wShape[3]!, pl, pr, attrs.stride[1], attrs.dilation[1]),
  ];
}

/**
 * `t: [N, C, H, W]` zero-padded at the bottom/right, or cropped there, to spatial size `[h, w]`.
 * Returns `t` when it already has that size.
 */
export function fitSpatial(t: Tensor, [h, w]: Pair): Tensor {
  const dh = h - t.shape[2]!;
  const dw = w - t.shape[3]!;
  return dh === 0 && dw === 0 ? t : pad(t, [0, dw, 0, dh]);
}

/** The public `maxPool2d` options that reproduce `MaxPool2D`'s attrs. */
export function maxPoolOptions(attrs: Pool2DAttrs & { dilation: Pair }): MaxPool2dOptions {
  return { stride: attrs.stride, padding: attrs.padding, dilation: attrs.dilation, ceilMode: attrs.ceilMode };
}

/** The public `avgPool2d` options that reproduce `AvgPool2D`'s attrs. */
export function avgPoolOptions(attrs: Pool2DAttrs & { countIncludePad: boolean }): AvgPool2dOptions {
  return {
    stride: attrs.stride,
    padding: attrs.padding,
    ceilMode: attrs.ceilMode,
    countIncludePad: attrs.countIncludePad,
  };
}
