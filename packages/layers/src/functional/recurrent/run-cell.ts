// The shared body of rnnCell, lstmCell and gruCell (internal).
import { ShapeError, squeeze, tidy, unsqueeze, zeros, type Tensor } from '@nn/tensor';
import { checkDType, checkShape, checkTensor, checkWeights, shapeText, type CellKind } from './checks.js';
import { inputProjection, recurrentStep } from './steps.js';
import type { RecurrentWeights } from './types.js';

/**
 * Validates and runs one step of a cell: `x: [N, inputSize]` (or unbatched `[inputSize]`), each
 * state `[N, H]` (or `[H]`; `null` for zeros) → the next state, batched like `x`. `names` name the
 * state tensors in error messages; `op` is the public name (`'gruCell'`, `'GRUCell.forward'`).
 */
export function runCell(
  op: string,
  kind: CellKind,
  x: Tensor,
  state: readonly Tensor[] | null,
  w: RecurrentWeights,
  names: readonly string[],
): Tensor[] {
  const { inputSize, hiddenSize, dtype } = checkWeights(op, 'weights', kind, w);
  checkTensor(op, 'x', x);
  if (x.rank !== 1 && x.rank !== 2) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: '[N, inputSize] or unbatched [inputSize]',
      got: `shape ${shapeText(x.shape)}`,
    });
  }
  if (x.shape[x.rank - 1] !== inputSize) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: `a last dim of ${inputSize} (inputSize)`,
      got: `shape ${shapeText(x.shape)}`,
    });
  }
  checkDType(op, 'x', x, dtype);
  const batched = x.rank === 2;
  const stateShape = batched ? [x.shape[0]!, hiddenSize] : [hiddenSize];
  if (state !== null) {
    names.forEach((name, i) => {
      const s = checkTensor(op, name, state[i]);
      checkShape(op, name, s, stateShape, batched ? '[N, hiddenSize]' : '[hiddenSize] for an unbatched x');
      checkDType(op, name, s, dtype);
    });
  }
  return tidy(() => {
    const x2 = batched ? x : unsqueeze(x, 0);
    const s2 =
      state === null
        ? names.map(() => zeros([x2.shape[0]!, hiddenSize], { dtype }))
        : state.map((s) => (batched ? s : unsqueeze(s, 0)));
    const next = recurrentStep(kind, inputProjection(kind, x2, w), s2, w);
    return batched ? next : next.map((s) => squeeze(s, 0));
  });
}
