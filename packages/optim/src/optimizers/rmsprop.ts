import { add, div, mul, neg, sqrt, sub, Tensor, zerosLike } from '@nn/tensor';
import { Optimizer } from '../optimizer.js';
import { withDefaults } from '../param-groups.js';
import type { OptimizerParams, OptimizerSpec, ParamState, UpdateResult } from '../types.js';
import { checkBoolean, checkNonNegative, checkOptionKeys } from '../validate.js';

/** The hyper-parameters of RMSprop (every group has all of them). @category Optimizers */
export interface RMSpropHyperParams {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Smoothing constant α of the squared-gradient average (default 0.99). */
  alpha: number;
  /** Added to the denominator for numerical stability (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Momentum factor μ (default 0). */
  momentum: number;
  /** Normalise by the estimated variance of the gradient instead of its second moment (default false). */
  centered: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/** Options of `new RMSprop`: any hyper-parameter, defaults as PyTorch's. @category Optimizers */
export type RMSpropOptions = Partial<RMSpropHyperParams>;

const DEFAULTS: RMSpropHyperParams = {
  lr: 1e-2,
  alpha: 0.99,
  eps: 1e-8,
  weightDecay: 0,
  momentum: 0,
  centered: false,
  maximize: false,
};

function check(h: RMSpropHyperParams, op: string, arg: string): void {
  checkNonNegative(op, `${arg}.lr`, h.lr, 'a learning rate ≥ 0');
  checkNonNegative(op, `${arg}.eps`, h.eps, 'an epsilon value ≥ 0');
  checkNonNegative(op, `${arg}.momentum`, h.momentum, 'a momentum value ≥ 0');
  checkNonNegative(op, `${arg}.weightDecay`, h.weightDecay, 'a weight_decay value ≥ 0');
  checkNonNegative(op, `${arg}.alpha`, h.alpha, 'an alpha value ≥ 0');
  checkBoolean(op, `${arg}.centered`, h.centered);
  checkBoolean(op, `${arg}.maximize`, h.maximize);
}

function tensorOr(state: Readonly<ParamState>, key: string, like: Tensor): Tensor {
  const t = state[key];
  return t instanceof Tensor ? t : zerosLike(like);
}

/**
 * One RMSprop step for one parameter (the rule `RMSprop` applies; pure: returns new tensors).
 * See {@link RMSprop} for the formulas. State: `step`, `square_avg`, `momentum_buffer` (with
 * momentum > 0), `grad_avg` (centered).
 * @example
 * ```ts
 * const hyper = { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false };
 * const { value, state } = rmspropUpdate(tensor([1]), tensor([1]), {}, hyper);
 * (state.square_avg as Tensor).toArray(); // ≈ [0.01]
 * value.toArray(); // ≈ [0.9]
 * ```
 * @category Optimizers
 */
export function rmspropUpdate(
  param: Tensor,
  grad: Tensor,
  state: Readonly<ParamState>,
  h: Readonly<RMSpropHyperParams>,
): UpdateResult {
  const step = (typeof state.step === 'number' ? state.step : 0) + 1;
  let g = h.maximize ? neg(grad) : grad;
  if (h.weightDecay !== 0) g = add(g, mul(param, h.weightDecay));
  const sq = add(mul(tensorOr(state, 'square_avg', param), h.alpha), mul(mul(g, 1 - h.alpha), g));
  const next: ParamState = { step, square_avg: sq };
  let avg: Tensor;
  if (h.centered) {
    const ga = add(mul(tensorOr(state, 'grad_avg', param), h.alpha), mul(g, 1 - h.alpha));
    next.grad_avg = ga;
    avg = sqrt(sub(sq, mul(ga, ga)));
  } else {
    avg = sqrt(sq);
  }
  avg = add(avg, h.eps);
  if (h.momentum > 0) {
    const buf = add(mul(tensorOr(state, 'momentum_buffer', param), h.momentum), div(g, avg));
    next.momentum_buffer = buf;
    return { value: sub(param, mul(buf, h.lr)), state: next };
  }
  return { value: sub(param, div(mul(g, h.lr), avg)), state: next };
}

const SPEC: OptimizerSpec<RMSpropHyperParams> = {
  name: 'RMSprop',
  check,
  update: rmspropUpdate,
  stateKeys: { step: 'number', square_avg: 'tensor', momentum_buffer: 'tensor', grad_avg: 'tensor' },
};

/**
 * RMSprop (Hinton's lecture notes), optionally centered and with momentum, as PyTorch's
 * `torch.optim.RMSprop`. For each parameter θ with gradient g:
 *
 * ```text
 * g ← −g                          if maximize
 * g ← g + λ·θ                     if weightDecay λ ≠ 0
 * s ← α·s + (1 − α)·g²            (s, ḡ, b start at 0)
 * if centered: ḡ ← α·ḡ + (1 − α)·g,  d = √(s − ḡ²) + ε
 * else:        d = √s + ε
 * if momentum μ > 0: b ← μ·b + g/d,  θ ← θ − lr·b
 * else:              θ ← θ − lr·g/d
 * ```
 *
 * @param params - the Variables to optimise, or parameter groups `{ params, ...options }`.
 * @param options - `lr` (1e-2), `alpha` (0.99), `eps` (1e-8), `weightDecay` (0), `momentum` (0),
 *   `centered` (false), `maximize` (false).
 * @throws `ArgumentError` for lr, eps, momentum, weightDecay or alpha < 0, an unknown
 *   option, or an empty parameter list.
 * @example
 * ```ts
 * const w = new Variable(tensor([1, -2]));
 * const opt = new RMSprop([w], { lr: 0.01 });
 * w.grad = tensor([4, -0.5]);
 * opt.step(); // the first step moves each weight by lr/√(1 − α) = 0.1
 * w.value.toArray(); // ≈ [0.9, -1.9]
 * ```
 * @category Optimizers
 */
export class RMSprop extends Optimizer<RMSpropHyperParams> {
  constructor(params: OptimizerParams<RMSpropHyperParams>, options: RMSpropOptions = {}) {
    checkOptionKeys('new RMSprop', 'options', options, Object.keys(DEFAULTS));
    super(params, withDefaults(DEFAULTS, options), SPEC);
  }
}
