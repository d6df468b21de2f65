// The shared body of rnnCell, lstmCell and gruCell (internal).
import { squeeze, tidy, unsqueeze, zeros, type Tensor } from '@nn/tensor';
import { checkInput, checkStates, checkWeights, type CellKind } from './checks.js';
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
  const weights = checkWeights(op, 'weights', kind, w);
  const { hiddenSize, dtype } = weights;
  checkInput(op, x, [1, 2], '[N, inputSize] or unbatched [inputSize]', weights);
  const batched = x.rank === 2;
  const stateShape = batched ? [x.shape[0]!, hiddenSize] : [hiddenSize];
  if (state !== null) {
    const what = batched ? '[N, hiddenSize]' : '[hiddenSize] for an unbatched x';
    checkStates(op, names, state, stateShape, what, dtype);
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
