import { add, div, fullLike, mul, neg, sqrt, sub, Tensor } from '@nn/tensor';
import { Optimizer } from '../optimizer.js';
import { withDefaults } from '../param-groups.js';
import type { OptimizerParams, OptimizerSpec, ParamState, UpdateResult } from '../types.js';
import { checkBoolean, checkNonNegative, checkOptionKeys } from '../validate.js';

/** The hyper-parameters of Adagrad (every group has all of them). @category Optimizers */
export interface AdagradHyperParams {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Learning-rate decay η: the step size at step t is lr / (1 + (t − 1)·η) (default 0). */
  lrDecay: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Starting value of the sum of squared gradients (default 0). */
  initialAccumulatorValue: number;
  /** Added to the denominator for numerical stability (default 1e-10). */
  eps: number;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/** Options of `new Adagrad`: any hyper-parameter, defaults as PyTorch's. @category Optimizers */
export type AdagradOptions = Partial<AdagradHyperParams>;

const DEFAULTS: AdagradHyperParams = {
  lr: 1e-2,
  lrDecay: 0,
  weightDecay: 0,
  initialAccumulatorValue: 0,
  eps: 1e-10,
  maximize: false,
};

function check(h: AdagradHyperParams, op: string, arg: string): void {
  checkNonNegative(op, `${arg}.lr`, h.lr, 'a learning rate ≥ 0');
  checkNonNegative(op, `${arg}.lrDecay`, h.lrDecay, 'an lr_decay value ≥ 0');
  checkNonNegative(op, `${arg}.weightDecay`, h.weightDecay, 'a weight_decay value ≥ 0');
  checkNonNegative(op, `${arg}.initialAccumulatorValue`, h.initialAccumulatorValue, 'an initial_accumulator_value ≥ 0');
  checkNonNegative(op, `${arg}.eps`, h.eps, 'an epsilon value ≥ 0');
  checkBoolean(op, `${arg}.maximize`, h.maximize);
}

/**
 * One Adagrad step for one parameter (the rule `Adagrad` applies; pure: returns new tensors).
 * See {@link Adagrad} for the formulas. State: `step`, `sum`.
 * @example
 * ```ts
 * const hyper = { lr: 0.1, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false };
 * const { value, state } = adagradUpdate(tensor([1]), tensor([3]), {}, hyper);
 * (state.sum as Tensor).toArray(); // [9]
 * value.toArray(); // ≈ [0.9]
 * ```
 * @category Optimizers
 */
export function adagradUpdate(
  param: Tensor,
  grad: Tensor,
  state: Readonly<ParamState>,
  h: Readonly<AdagradHyperParams>,
): UpdateResult {
  const step = (typeof state.step === 'number' ? state.step : 0) + 1;
  let g = h.maximize ? neg(grad) : grad;
  if (h.weightDecay !== 0) g = add(g, mul(param, h.weightDecay));
  const clr = h.lr / (1 + (step - 1) * h.lrDecay);
  const prev = state.sum instanceof Tensor ? state.sum : fullLike(param, h.initialAccumulatorValue);
  const sum = add(prev, mul(g, g));
  const std = add(sqrt(sum), h.eps);
  return { value: sub(param, div(mul(g, clr), std)), state: { step, sum } };
}

const SPEC: OptimizerSpec<AdagradHyperParams> = {
  name: 'Adagrad',
  check,
  update: adagradUpdate,
  stateKeys: { step: 'number', sum: 'tensor' },
  init: (param, h) => ({ step: 0, sum: fullLike(param, h.initialAccumulatorValue) }),
};

/**
 * Adagrad (Duchi et al., 2011), as PyTorch's `torch.optim.Adagrad`. For each parameter θ with
 * gradient g, at step t = 1, 2, …:
 *
 * ```text
 * g ← −g                          if maximize
 * g ← g + λ·θ                     if weightDecay λ ≠ 0
 * s ← s + g²                      (s starts at initialAccumulatorValue)
 * θ ← θ − lr/(1 + (t − 1)·η) · g / (√s + ε)       (η = lrDecay)
 * ```
 *
 * As in PyTorch, the state (`step` 0, `sum`) of every parameter is created when it joins the
 * optimizer, so it appears in `stateDict()` before the first step.
 *
 * @param params - the Variables to optimise, or parameter groups `{ params, ...options }`.
 * @param options - `lr` (1e-2), `lrDecay` (0), `weightDecay` (0), `initialAccumulatorValue` (0),
 *   `eps` (1e-10), `maximize` (false).
 * @throws `ArgumentError` for lr, lrDecay, weightDecay, initialAccumulatorValue or eps < 0,
 *   an unknown option, or an empty parameter list.
 * @example
 * ```ts
 * const w = new Variable(tensor([1, -2]));
 * const opt = new Adagrad([w], { lr: 0.1 });
 * w.grad = tensor([4, -0.5]);
 * opt.step(); // the first step moves each weight by lr
 * w.value.toArray(); // ≈ [0.9, -1.9]
 * new Adagrad([w], { lrDecay: -1 }); // throws ArgumentError
 * ```
 * @category Optimizers
 */
export class Adagrad extends Optimizer<AdagradHyperParams> {
  constructor(params: OptimizerParams<AdagradHyperParams>, options: AdagradOptions = {}) {
    checkOptionKeys('new Adagrad', 'options', options, Object.keys(DEFAULTS));
    super(params, withDefaults(DEFAULTS, options), SPEC);
  }
}
