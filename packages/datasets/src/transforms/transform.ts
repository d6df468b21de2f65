import { ArgumentError, DTypeError, ShapeError, type Tensor, tensor } from '@nn/tensor';
import { show } from '../dataset/validate.js';

/**
 * An image transform: takes a float image `[C, H, W]` (or a batch `[N, C, H, W]`) and returns a
 * new tensor. The transforms of this package accept both ranks and, on a batch, draw independent
 * random parameters for each image. A transform must not dispose its input.
 * @category Transforms
 */
export type Transform = (image: Tensor) => Tensor;

/** The layout of an image or batch of images a transform received. @internal */
export interface ImageLayout {
  /** Images in the tensor (1 for `[C, H, W]`). */
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
}

/** Checks `x` is a float `[C, H, W]` or `[N, C, H, W]` tensor; returns its layout. @internal */
export function imageLayout(op: string, x: unknown): ImageLayout {
  const t = x as Tensor;
  if (t === null || typeof t !== 'object' || !Array.isArray(t.shape) || typeof t.dtype !== 'string') {
    throw new ArgumentError({ op, arg: 'image', expected: 'a float tensor [C, H, W] or [N, C, H, W]', got: show(x) });
  }
  if (t.dtype !== 'float32' && t.dtype !== 'float64') {
    throw new DTypeError({
      op,
      arg: 'image',
      expected: 'a float32 or float64 image',
      got: `${t.dtype}`,
      hint: 'Convert bytes with cast(x, "float32") and divide by 255, or read images through ImageDataset',
    });
  }
  if (t.rank !== 3 && t.rank !== 4) {
    throw new ShapeError({
      op,
      arg: 'image',
      expected: 'an image [C, H, W] or a batch [N, C, H, W]',
      got: `shape [${t.shape.join(', ')}]`,
    });
  }
  const [n, c, h, w] = t.rank === 3 ? [1, ...t.shape] : t.shape;
  return { n: n!, c: c!, h: h!, w: w! };
}

/** The values of `x` on the host (read synchronously: host transforms need such a backend). @internal */
export function hostValues(x: Tensor): Float32Array | Float64Array {
  return x.dataSync() as Float32Array | Float64Array;
}

/** A new array for `size` values of `x`'s float dtype. @internal */
export function allocateLike(x: Tensor, size: number): Float32Array | Float64Array {
  return x.dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
}

/** A tensor of `values` with `x`'s rank (an image or a batch) and the given image size. @internal */
export function imageTensor(x: Tensor, values: Float32Array | Float64Array, layout: ImageLayout): Tensor {
  const shape = x.rank === 3 ? [layout.c, layout.h, layout.w] : [layout.n, layout.c, layout.h, layout.w];
  return tensor(values, { shape, dtype: x.dtype });
}
