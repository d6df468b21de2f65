import { zeros, type Variable } from '@nn/tensor';
import { checkBool, checkInt, checkOptions, layerOptions, parameter } from '../layers/checks.js';
import { gateCount, type CellKind } from '../functional/recurrent/checks.js';
import type { RecurrentWeights } from '../functional/recurrent/types.js';
import { uniform } from '../init/index.js';
import { Module } from '../module/module.js';
import type { RecurrentCellOptions } from './options.js';

/**
 * The parameters shared by {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} (PyTorch's
 * `RNNCellBase`): `weight_ih: [G·H, inputSize]`, `weight_hh: [G·H, H]`, `bias_ih`, `bias_hh: [G·H]`
 * with `G` gates (1, 4 or 3), all drawn from U(−1/√H, 1/√H) in that order.
 * @example
 * ```ts
 * [new RNNCell(2, 3), new LSTMCell(2, 3), new GRUCell(2, 3)].map((c) => c.weightIh.shape); // [[3, 2], [12, 2], [9, 2]]
 * ```
 * @category Recurrent
 */
export abstract class RNNCellBase<Args extends unknown[], Out> extends Module<Args, Out> {
  /** Features of the input. */
  readonly inputSize: number;
  /** Features of the hidden state (`H`). */
  readonly hiddenSize: number;
  /** Whether the cell has biases. */
  readonly bias: boolean;
  /** Input-to-hidden weights `[G·H, inputSize]` (`weight_ih`). */
  weightIh: Variable;
  /** Hidden-to-hidden weights `[G·H, H]` (`weight_hh`). */
  weightHh: Variable;
  /** Input-to-hidden bias `[G·H]` (`bias_ih`), or `null` without bias. */
  biasIh: Variable | null;
  /** Hidden-to-hidden bias `[G·H]` (`bias_hh`), or `null` without bias. */
  biasHh: Variable | null;

  /** Creates the parameters of a `name` cell of `kind`; `extraOptions` are read by the subclass. */
  protected constructor(
    name: string,
    kind: CellKind,
    inputSize: number,
    hiddenSize: number,
    options: RecurrentCellOptions,
    extraOptions: readonly string[] = [],
  ) {
    super();
    const op = `new ${name}`;
    const o = checkOptions(op, options, ['bias', 'dtype', 'generator', ...extraOptions]);
    this.inputSize = checkInt(op, 'inputSize', inputSize, 0);
    this.hiddenSize = checkInt(op, 'hiddenSize', hiddenSize, 1);
    this.bias = checkBool(op, 'bias', o.bias, true);
    const { dtype, generator } = layerOptions(op, o);
    const rows = gateCount(kind) * hiddenSize;
    this.weightIh = parameter(zeros([rows, inputSize], { dtype }), 'weight_ih');
    this.weightHh = parameter(zeros([rows, hiddenSize], { dtype }), 'weight_hh');
    this.biasIh = this.bias ? parameter(zeros([rows], { dtype }), 'bias_ih') : null;
    this.biasHh = this.bias ? parameter(zeros([rows], { dtype }), 'bias_hh') : null;
    const bound = 1 / Math.sqrt(hiddenSize);
    for (const p of this.parameters()) uniform(p, { a: -bound, b: bound, generator });
  }

  /** The current parameter tensors, in the layout of the functional forms. */
  protected weightTensors(): RecurrentWeights {
    return {
      weightIh: this.weightIh.value,
      weightHh: this.weightHh.value,
      biasIh: this.biasIh?.value ?? null,
      biasHh: this.biasHh?.value ?? null,
    };
  }
}
