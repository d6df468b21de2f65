// Copies of the constant weights that loss modules keep as buffers (internal).
import { clone, ShapeError, untracked, type Tensor } from '@nn/tensor';
import { checkFloatTensor, shapeText } from '../functional/activations/checks.js';

/**
 * A private copy of an optional float weight given to a loss module's constructor (the module owns
 * and saves its copy, as PyTorch's loss buffers), or null. `classWeight` requires a 1-D `[C]` tensor.
 * @internal
 */
export function copyWeight(op: string, arg: string, weight: unknown, classWeight: boolean): Tensor | null {
  if (weight === undefined || weight === null) return null;
  const w = checkFloatTensor(op, arg, weight);
  if (classWeight && w.rank !== 1) {
    throw new ShapeError({ op, arg, expected: 'one weight per class, [C]', got: shapeText(w.shape) });
  }
  return untracked(() => clone(w));
}
