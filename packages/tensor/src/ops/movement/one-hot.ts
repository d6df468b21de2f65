import type { DType } from '../../dtype.js';
import { runKernel } from '../../engine/engine.js';
import { tidy } from '../../engine/scope.js';
import type { Tensor } from '../../tensor.js';
import { full } from '../creation/fill.js';
import { checkDType, checkTensor } from '../operands.js';
import { checkIndexDType, checkInt } from './shared.js';

/**
 * One-hot encoding: a new last dim of `numClasses` positions, 1 at each index value and 0
 * elsewhere. Built as a scatter of ones into zeros, so an index value outside `[0, numClasses)`
 * throws an `IndexError` instead of giving an all-zero row.
 *
 * `indices: [...dims]` `→ [...dims, numClasses]`
 *
 * @param indices - an int32 tensor of class indices.
 * @param numClasses - the number of classes, a non-negative integer.
 * @param options - `dtype` of the result (default float32).
 * @throws {@link "@nn/tensor".index.DTypeError | DTypeError} for non-int32 indices; {@link "@nn/tensor".index.ArgumentError | ArgumentError} for a bad `numClasses` or
 *   dtype; {@link "@nn/tensor".index.IndexError | IndexError} for an index value out of range.
 * @example
 * ```ts
 * oneHot(tensor([0, 2], { dtype: 'int32' }), 3).toArray(); // [[1, 0, 0], [0, 0, 1]]
 * oneHot(tensor(1, { dtype: 'int32' }), 2, { dtype: 'bool' }).toArray(); // [false, true]
 * ```
 * @category Indexing
 */
export function oneHot(indices: Tensor, numClasses: number, options: { dtype?: DType } = {}): Tensor {
  checkTensor('oneHot', 'indices', indices);
  checkIndexDType('oneHot', 'indices', indices);
  checkInt('oneHot', 'numClasses', numClasses, 0);
  const dtype = checkDType('oneHot', options.dtype, 'float32');
  const lifted = [...indices.shape, 1];
  return tidy(() => {
    const x = full([...indices.shape, numClasses], 0, { dtype });
    const index = runKernel('Reshape', { x: indices }, { shape: lifted });
    const ones = full(lifted, 1, { dtype });
    return runKernel('ScatterAdd', { x, indices: index, updates: ones }, { axis: indices.rank });
  });
}
