import type { Tensor, Variable } from '@nn/tensor';

/** The hyper-parameters every optimizer has: a learning rate. @category Optimizers */
export interface HyperParams {
  /** The learning rate (schedulers change it between steps). */
  lr: number;
}

/**
 * A parameter group as the optimizer holds it: its Variables and its own copy of every
 * hyper-parameter. Mutable: schedulers (or you) change `lr`, `momentum` or `betas` between steps.
 * @category Optimizers
 */
export type ParamGroup<H extends HyperParams = HyperParams> = H & {
  /** The Variables this group updates. */
  params: Variable[];
  /**
   * The learning rate schedulers count from, recorded by the first scheduler built on the
   * optimizer (PyTorch's `initial_lr`).
   */
  initialLr?: number;
};

/**
 * A parameter group as passed to a constructor or `addParamGroup`: its Variables and any
 * hyper-parameters that differ from the optimizer's defaults.
 * @category Optimizers
 */
export type ParamGroupInput<H extends HyperParams = HyperParams> = Partial<H> & {
  params: Iterable<Variable>;
};

/** What an optimizer constructor accepts: Variables, or parameter groups. @category Optimizers */
export type OptimizerParams<H extends HyperParams = HyperParams> = Iterable<Variable> | Iterable<ParamGroupInput<H>>;

/**
 * The state an optimizer keeps per parameter: tensors with the parameter's shape (moment
 * estimates, momentum buffers) and numbers (the step count), under PyTorch's names
 * (`exp_avg`, `momentum_buffer`, `step`, …).
 * @category Optimizers
 */
export type ParamState = Record<string, Tensor | number>;

/** The result of one update rule: the parameter's next value and its next state. @category Optimizers */
export interface UpdateResult {
  /** The new value of the parameter. */
  value: Tensor;
  /** The new state (tensors it shares with the old state are kept, others of the old state are freed). */
  state: ParamState;
}

/**
 * A pure per-parameter update: from the parameter's value, its gradient, its state and the
 * group's hyper-parameters to its next value and state. It disposes nothing and mutates nothing.
 * @category Optimizers
 */
export type UpdateRule<H extends HyperParams> = (
  param: Tensor,
  grad: Tensor,
  state: Readonly<ParamState>,
  hyper: Readonly<H>,
) => UpdateResult;

/**
 * Per-group statistics of the last `step()` (with `recordStats = true`), for explainers and
 * monitoring. Norms are L2 norms over every parameter of the group that was updated.
 * @category Optimizers
 */
export interface GroupStats {
  /** The learning rate the step used. */
  lr: number;
  /** How many parameters were updated (those with a gradient that are trainable). */
  updated: number;
  /** Norm of the gradients used. */
  gradNorm: number;
  /** Norm of the change made to the parameters (`new − old`). */
  updateNorm: number;
  /** Norm of the parameters after the step. */
  paramNorm: number;
}

/**
 * A snapshot of an optimizer, as PyTorch's `state_dict()`: per-parameter state keyed by the
 * parameter's index (numbered across groups in order), and each group's hyper-parameters with
 * the indices of its parameters. Tensors are copies owned by the caller.
 * @category Optimizers
 */
export interface OptimizerStateDict {
  state: Record<number, ParamState>;
  paramGroups: Array<{ params: number[]; [hyper: string]: unknown }>;
}

/**
 * What a subclass tells the `Optimizer` base (methods, not function properties, so that every
 * optimizer is assignable to the base type `Optimizer`): its public name, how to check hyper-parameters,
 * its update rule, the state entries it keeps, and (optionally) the state it creates for every
 * parameter up front.
 * @category Optimizers
 */
export interface OptimizerSpec<H extends HyperParams> {
  /** The class name, used in error messages (`'Adam'`). */
  readonly name: string;
  /** Throws an ArgumentError for invalid hyper-parameters; `arg` prefixes the argument names. */
  check(hyper: H, op: string, arg: string): void;
  /** The update rule (see {@link UpdateRule}). */
  update(param: Tensor, grad: Tensor, state: Readonly<ParamState>, hyper: Readonly<H>): UpdateResult;
  /** Every state entry the rule may keep, and whether it is a tensor or a number. */
  readonly stateKeys: Readonly<Record<string, 'tensor' | 'number'>>;
  /** State created for each parameter when it joins the optimizer (Adagrad's accumulator). */
  init?(param: Tensor, hyper: Readonly<H>): ParamState;
}

/** Options of `zeroGrad`. @category Optimizers */
export interface ZeroGradOptions {
  /**
   * `true` (default): set each gradient to `null` and free it. `false`: replace it with zeros
   * (PyTorch 1.13's default).
   */
  setToNone?: boolean;
}
