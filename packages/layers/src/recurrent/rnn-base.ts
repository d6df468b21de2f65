import { ArgumentError, zeros, type Generator, type Variable } from '@nn/tensor';
import { checkBool, checkInt, checkNumber, checkOptions, layerOptions, parameter } from '../layers/checks.js';
import { gateCount, type CellKind } from '../functional/recurrent/checks.js';
import type { RecurrentOptions, RecurrentWeights } from '../functional/recurrent/types.js';
import { uniform } from '../init/index.js';
import { Module } from '../module/module.js';
import type { RecurrentLayerOptions } from './options.js';

/** The property names of the four parameters of one layer in one direction (`weightIhL0`, …). */
interface LayerKeys {
  weightIh: string;
  weightHh: string;
  biasIh: string;
  biasHh: string;
}

const SHARED_OPTIONS = ['numLayers', 'bias', 'batchFirst', 'dropout', 'bidirectional', 'dtype', 'generator'];

/**
 * The parameters and hyper-parameters shared by {@link RNN}, {@link LSTM} and {@link GRU}
 * (PyTorch's `RNNBase`). For layer `k` (and `_reverse` for the backward direction) it holds
 * `weight_ih_l{k}: [G·H, inputSize]` (`[G·H, D·H]` for `k > 0`), `weight_hh_l{k}: [G·H, H]`,
 * `bias_ih_l{k}`, `bias_hh_l{k}: [G·H]`, in PyTorch's order and with PyTorch's keys; `G` is the
 * number of gates (1, 4 or 3), `D` is 2 when bidirectional. Every parameter starts as
 * U(−1/√H, 1/√H), drawn in that order. The parameters are properties (`weightIhL0`,
 * `biasHhL1Reverse`, …) read at every call, so assigning a new Variable to one replaces it.
 * @example
 * ```ts
 * [new RNN(2, 3), new LSTM(2, 3), new GRU(2, 3)].map((m) => m.weightHhL0.shape); // [[3, 3], [12, 3], [9, 3]]
 * new LSTM(2, 3, { bias: false }).biasIhL0;                                    // null
 * ```
 * @category Recurrent
 */
export abstract class RNNBase<Args extends unknown[], Out> extends Module<Args, Out> {
  /** Features of each input step. */
  readonly inputSize: number;
  /** Features of the hidden state (`H`). */
  readonly hiddenSize: number;
  /** Stacked recurrent layers. */
  readonly numLayers: number;
  /** Whether the layers have biases. */
  readonly bias: boolean;
  /** Whether `x` and the output are `[N, L, ·]`. */
  readonly batchFirst: boolean;
  /** Dropout probability between layers (training only). */
  readonly dropout: number;
  /** Whether a second layer reads the sequence backwards. */
  readonly bidirectional: boolean;
  /** Layer 0's input-to-hidden weights `[G·H, inputSize]` (PyTorch's `weight_ih_l0`). */
  declare readonly weightIhL0: Variable;
  /** Layer 0's hidden-to-hidden weights `[G·H, H]` (`weight_hh_l0`). */
  declare readonly weightHhL0: Variable;
  /** Layer 0's input-to-hidden bias `[G·H]` (`bias_ih_l0`), or `null` without bias. */
  declare readonly biasIhL0: Variable | null;
  /** Layer 0's hidden-to-hidden bias `[G·H]` (`bias_hh_l0`), or `null` without bias. */
  declare readonly biasHhL0: Variable | null;
  /** Per layer and direction, where its parameters live (read at every call, so a replaced Variable is used). */
  readonly #layers: LayerKeys[] = [];
  readonly #generator: Generator | undefined;

  /**
   * Creates the parameters of a `name` recurrence (`'RNN'`, `'LSTM'`, `'GRU'`) of `kind`;
   * `extraOptions` are the option keys the subclass reads itself.
   */
  protected constructor(
    name: string,
    kind: CellKind,
    inputSize: number,
    hiddenSize: number,
    options: RecurrentLayerOptions,
    extraOptions: readonly string[] = [],
  ) {
    super();
    const op = `new ${name}`;
    if (options !== null && typeof options === 'object' && 'projSize' in options) {
      throw new ArgumentError({
        op,
        arg: 'projSize',
        expected: 'no projSize (LSTM projections of the hidden state are not supported)',
        got: String((options as { projSize: unknown }).projSize),
      });
    }
    const o = checkOptions(op, options, [...SHARED_OPTIONS, ...extraOptions]);
    this.inputSize = checkInt(op, 'inputSize', inputSize, 0);
    this.hiddenSize = checkInt(op, 'hiddenSize', hiddenSize, 1);
    this.numLayers = checkInt(op, 'numLayers', o.numLayers ?? 1, 1);
    this.bias = checkBool(op, 'bias', o.bias, true);
    this.batchFirst = checkBool(op, 'batchFirst', o.batchFirst, false);
    this.dropout = checkNumber(op, 'dropout', o.dropout, 0, 0, 1);
    this.bidirectional = checkBool(op, 'bidirectional', o.bidirectional, false);
    const { dtype, generator } = layerOptions(op, o);
    this.#generator = generator;
    const rows = gateCount(kind) * hiddenSize;
    const directions = this.bidirectional ? 2 : 1;
    const self = this as unknown as Record<string, Variable | null>;
    for (let layer = 0; layer < this.numLayers; layer++) {
      const columns = layer === 0 ? inputSize : directions * hiddenSize;
      for (let d = 0; d < directions; d++) {
        const suffix = `L${layer}${d === 1 ? 'Reverse' : ''}`;
        const keys: LayerKeys = {
          weightIh: `weightIh${suffix}`,
          weightHh: `weightHh${suffix}`,
          biasIh: `biasIh${suffix}`,
          biasHh: `biasHh${suffix}`,
        };
        const name = (key: string): string => `${key}_l${layer}${d === 1 ? '_reverse' : ''}`;
        self[keys.weightIh] = parameter(zeros([rows, columns], { dtype }), name('weight_ih'));
        self[keys.weightHh] = parameter(zeros([rows, hiddenSize], { dtype }), name('weight_hh'));
        self[keys.biasIh] = this.bias ? parameter(zeros([rows], { dtype }), name('bias_ih')) : null;
        self[keys.biasHh] = this.bias ? parameter(zeros([rows], { dtype }), name('bias_hh')) : null;
        this.#layers.push(keys);
      }
    }
    const bound = 1 / Math.sqrt(hiddenSize);
    for (const p of this.parameters()) uniform(p, { a: -bound, b: bound, generator });
  }

  /**
   * The parameters per layer and direction (layer 0 forward, layer 0 reverse, layer 1 forward, …),
   * each `[weightIh, weightHh, biasIh, biasHh]` without the absent biases: PyTorch's `all_weights`.
   * @example
   * ```ts
   * const model = new GRU(3, 4, { numLayers: 2 });
   * model.allWeights.map((ws) => ws.map((w) => w.shape)); // [[[12, 3], [12, 4], [12], [12]], [[12, 4], [12, 4], [12], [12]]]
   * ```
   */
  get allWeights(): Variable[][] {
    const self = this as unknown as Record<string, Variable | null>;
    return this.#layers.map((l) => [l.weightIh, l.weightHh, l.biasIh, l.biasHh].flatMap((key) => self[key] ?? []));
  }

  /** The current parameter tensors, in the layout of the functional forms. */
  protected weightTensors(): RecurrentWeights[] {
    const self = this as unknown as Record<string, Variable | null>;
    return this.#layers.map((l) => ({
      weightIh: self[l.weightIh]!.value,
      weightHh: self[l.weightHh]!.value,
      biasIh: self[l.biasIh]?.value ?? null,
      biasHh: self[l.biasHh]?.value ?? null,
    }));
  }

  /** The functional options this module runs with now (dropout only in training). */
  protected recurrentOptions(): RecurrentOptions {
    return {
      bidirectional: this.bidirectional,
      batchFirst: this.batchFirst,
      dropout: this.dropout,
      training: this.training,
      ...(this.#generator ? { generator: this.#generator } : {}),
    };
  }
}
