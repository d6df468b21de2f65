// The multi-layer, optionally bidirectional recurrence behind rnn, lstm, gru and the modules (internal).
import {
  ArgumentError,
  cat,
  Generator,
  narrow,
  reshape,
  ShapeError,
  squeeze,
  stack,
  tidy,
  transpose,
  unsqueeze,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { checkBool, checkNumber, checkOptions } from '../../layers/checks.js';
import { dropout } from '../layers/dropout.js';
import { checkInput, checkStates, checkWeights, shapeText, show, type CellKind, type WeightInfo } from './checks.js';
import { inputProjection, recurrentStep } from './steps.js';
import type { RecurrentOptions, RecurrentWeights } from './types.js';

/** The output sequence and the final states (`[hN]`, or `[hN, cN]` for LSTM). */
export interface RecurrentResult {
  output: Tensor;
  states: Tensor[];
}

/** Checks the weights of every layer and direction against each other; returns the sizes. */
function checkStack(
  op: string,
  kind: CellKind,
  weights: readonly RecurrentWeights[],
  directions: number,
): WeightInfo & { numLayers: number } {
  if (!Array.isArray(weights) || weights.length === 0 || weights.length % directions !== 0) {
    throw new ArgumentError({
      op,
      arg: 'weights',
      expected:
        directions === 2
          ? 'a non-empty array of 2·numLayers weight sets (forward and reverse per layer)'
          : 'a non-empty array of weight sets, one per layer',
      got: Array.isArray(weights) ? `an array of length ${weights.length}` : typeof weights,
    });
  }
  const numLayers = weights.length / directions;
  const first = checkWeights(op, 'weights[0]', kind, weights[0]!);
  weights.forEach((w, i) => {
    const layer = Math.floor(i / directions);
    const inputSize = layer === 0 ? first.inputSize : directions * first.hiddenSize;
    checkWeights(op, `weights[${i}]`, kind, w, { inputSize, hiddenSize: first.hiddenSize, dtype: first.dtype });
  });
  return { ...first, numLayers };
}

/**
 * Checks the sequence `x` and the initial states against the weights; returns whether `x` is
 * batched, the number of steps and the batch size.
 */
function checkSequence(
  op: string,
  x: Tensor,
  init: readonly Tensor[] | null,
  names: readonly string[],
  weights: WeightInfo,
  stacked: number,
  batchFirst: boolean,
): { batched: boolean; steps: number; batch: number } {
  const layout = batchFirst ? '[N, L, inputSize]' : '[L, N, inputSize]';
  checkInput(op, x, [2, 3], `${layout} or unbatched [L, inputSize]`, weights);
  const batched = x.rank === 3;
  const steps = batched && batchFirst ? x.shape[1]! : x.shape[0]!;
  const batch = batched ? (batchFirst ? x.shape[0]! : x.shape[1]!) : 1;
  if (steps === 0)
    throw new ShapeError({
      op,
      arg: 'x',
      expected: 'a sequence of at least one step',
      got: `shape ${shapeText(x.shape)}`,
    });
  const stateShape = batched ? [stacked, batch, weights.hiddenSize] : [stacked, weights.hiddenSize];
  if (init !== null) {
    const what = batched ? 'D·numLayers, N, hiddenSize' : 'D·numLayers, hiddenSize for an unbatched x';
    checkStates(op, names, init, stateShape, `[${what}]`, weights.dtype);
  }
  return { batched, steps, batch };
}

/**
 * Validates and runs a stack of recurrent layers. `x: [L, N, inputSize]` (`[N, L, inputSize]` with
 * `batchFirst`, or unbatched `[L, inputSize]`); each initial state `[D·numLayers, N, H]` (or
 * `[D·numLayers, H]` unbatched; `null` for zeros) → output `[L, N, D·H]` and final states of the
 * initial states' shape. `op` names the caller in errors (`'lstm'`, `'LSTM.forward'`), `names` the states.
 *
 * Per layer and direction, the input half of the gates is one matmul over all `L·N` rows; the loop
 * over time then does one `[N, H] × [H, G·H]` matmul and the gate arithmetic per step, each step in
 * its own `tidy` (what autograd needs is kept by autograd).
 */
export function runRecurrent(
  op: string,
  kind: CellKind,
  x: Tensor,
  init: readonly Tensor[] | null,
  weights: readonly RecurrentWeights[],
  options: RecurrentOptions | undefined,
  names: readonly string[],
): RecurrentResult {
  const known = ['bidirectional', 'batchFirst', 'dropout', 'training', 'generator'];
  const o = checkOptions(op, options, kind === 'rnn_tanh' || kind === 'rnn_relu' ? [...known, 'nonlinearity'] : known);
  const bidirectional = checkBool(op, 'bidirectional', o.bidirectional, false);
  const batchFirst = checkBool(op, 'batchFirst', o.batchFirst, false);
  const training = checkBool(op, 'training', o.training, true);
  const p = checkNumber(op, 'dropout', o.dropout, 0, 0, 1);
  const generator = o.generator;
  if (generator !== undefined && !(generator instanceof Generator)) {
    throw new ArgumentError({ op, arg: 'generator', expected: 'a Generator', got: show(generator) });
  }
  const directions = bidirectional ? 2 : 1;
  const { inputSize, hiddenSize, dtype, numLayers } = checkStack(op, kind, weights, directions);

  const { batched, steps, batch } = checkSequence(
    op,
    x,
    init,
    names,
    { inputSize, hiddenSize, dtype },
    numLayers * directions,
    batchFirst,
  );

  return tidy(() => {
    // Work in [L, N, ·] with states [D·numLayers, N, H].
    let seq = !batched ? unsqueeze(x, 1) : batchFirst ? transpose(x, 0, 1) : x;
    const states = init === null ? null : init.map((s) => (batched ? s : unsqueeze(s, 1)));
    const finals: Tensor[][] = names.map(() => []);
    for (let layer = 0; layer < numLayers; layer++) {
      const rows = reshape(seq, [steps * batch, seq.shape[2]!]);
      const outputs: Tensor[] = [];
      for (let d = 0; d < directions; d++) {
        const index = layer * directions + d;
        const w = weights[index]!;
        const xp = inputProjection(kind, rows, w); // [L·N, G·H]
        let state = names.map((_, i) =>
          states === null ? zeros([batch, hiddenSize], { dtype }) : squeeze(narrow(states[i]!, 0, index, 1), 0),
        );
        const hs: Tensor[] = new Array<Tensor>(steps);
        for (let s = 0; s < steps; s++) {
          const t = d === 0 ? s : steps - 1 - s;
          const previous = state;
          state = tidy(() => recurrentStep(kind, narrow(xp, 0, t * batch, batch), previous, w));
          hs[t] = state[0]!;
        }
        outputs.push(stack(hs, 0));
        state.forEach((s, i) => finals[i]!.push(s));
      }
      seq = directions === 1 ? outputs[0]! : cat(outputs, 2);
      if (p > 0 && training && layer < numLayers - 1) seq = dropout(seq, { p, generator });
    }
    const output = !batched ? squeeze(seq, 1) : batchFirst ? transpose(seq, 0, 1) : seq;
    const last = finals.map((list) => {
      const s = stack(list, 0);
      return batched ? s : squeeze(s, 1);
    });
    return { output, states: last };
  });
}
