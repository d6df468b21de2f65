// Weight checks of the binary cross-entropy losses; internal.
import { broadcastShapes, ShapeError, type Tensor } from '@nn/tensor';
import { checkFloatTensor, sameShape, shapeText } from '../activations/checks.js';

/**
 * Checks an optional weight that multiplies the per-element losses: a float tensor that
 * broadcasts to the input's shape without enlarging it (or null). @internal
 */
export function checkBroadcastWeight(
  op: string,
  arg: string,
  weight: unknown,
  shape: readonly number[],
  what: string,
): Tensor | null {
  if (weight === undefined || weight === null) return null;
  const w = checkFloatTensor(op, arg, weight);
  let fits = w.rank <= shape.length;
  if (fits) {
    try {
      fits = sameShape(broadcastShapes(op, shape, w.shape), shape);
    } catch {
      fits = false;
    }
  }
  if (!fits) {
    throw new ShapeError({
      op,
      arg,
      expected: `${what} that broadcasts to the input's shape ${shapeText(shape)}`,
      got: shapeText(w.shape),
    });
  }
  return w;
}
