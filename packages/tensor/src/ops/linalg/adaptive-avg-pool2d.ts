import type { DType } from '../../dtype.js';
import { allocate } from '../../dtype.js';
import { fromValues } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import { ShapeError } from '../../errors.js';
import { formatShape } from '../../shape.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../operands.js';
import { avgPool2d } from './avg-pool2d.js';
import type { PairLike } from './conv-options.js';
import { checkRank, floatDType, parsePair } from './conv-options.js';
import { matmul } from './matmul.js';

/**
 * 2-D adaptive average pooling (PyTorch's `adaptive_avg_pool2d`): `x: [N, C, H, W]` →
 * `[N, C, oh, ow]`, where output cell `(i, j)` averages rows `⌊i·H/oh⌋ … ⌈(i+1)·H/oh⌉ − 1` and the
 * columns likewise. An unbatched `x: [C, H, W]` gives `[C, oh, ow]`.
 *
 * When `oh` divides `H` and `ow` divides `W` this is `avgPool2d` with kernel = stride = `[H/oh, W/ow]`;
 * otherwise it is `P_h · x · P_wᵀ` with constant averaging matrices (two `matmul`s).
 *
 * @param x - input, float32 or float64.
 * @param outputSize - `[oh, ow]` or one number, each ≥ 1.
 * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} for a wrong rank or empty spatial dims.
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-float input.
 * @throws {@link "@nn/tensor".index.ArgumentError | ArgumentError} for an invalid `outputSize`.
 * @example
 * ```ts
 * adaptiveAvgPool2d(tensor([[[[1, 2, 3], [4, 5, 6]]]]), [1, 2]).toArray(); // [[[[3, 4]]]]
 * adaptiveAvgPool2d(ones([2, 3, 7, 7]), 1).shape;                          // [2, 3, 1, 1]
 * ```
 * @category Pooling
 */
export function adaptiveAvgPool2d(x: Tensor, outputSize: PairLike): Tensor {
  const op = 'adaptiveAvgPool2d';
  checkTensor(op, 'x', x);
  checkRank(op, 'x', x, [4, 3], '[N, C, H, W] (or unbatched [C, H, W])');
  floatDType(op, { x });
  const [oh, ow] = parsePair(op, 'outputSize', outputSize ?? null, [0, 0], 1);
  const [h, w] = x.shape.slice(-2) as [number, number];
  if (h === 0 || w === 0) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: 'non-empty spatial dims (H, W ≥ 1)',
      got: `shape ${formatShape(x.shape)}`,
    });
  }
  if (h % oh === 0 && w % ow === 0) return avgPool2d(x, [h / oh, w / ow]);
  return tidy(() => {
    const rows = fromValues(averagingMatrix(x.dtype, h, oh, false), [oh, h], x.dtype);
    const cols = fromValues(averagingMatrix(x.dtype, w, ow, true), [w, ow], x.dtype);
    return matmul(rows, matmul(x, cols));
  });
}

/** `[out, size]` (or its transpose) with `1 / window length` on each output's window. */
function averagingMatrix(dtype: DType, size: number, out: number, transpose: boolean) {
  const m = allocate(dtype, out * size);
  for (let i = 0; i < out; i++) {
    const start = Math.floor((i * size) / out);
    const end = Math.ceil(((i + 1) * size) / out);
    for (let j = start; j < end; j++) m[transpose ? j * out + i : i * size + j] = 1 / (end - start);
  }
  return m;
}
