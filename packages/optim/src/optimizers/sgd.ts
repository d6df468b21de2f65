import { add, ArgumentError, clone, mul, neg, sub, Tensor } from '@nn/tensor';
import { Optimizer } from '../optimizer.js';
import { withDefaults } from '../param-groups.js';
import type { OptimizerParams, OptimizerSpec, ParamState, UpdateResult } from '../types.js';
import { checkBoolean, checkNonNegative, checkNumber, checkOptionKeys } from '../validate.js';

/** The hyper-parameters of SGD (every group has all of them). @category Optimizers */
export interface SGDHyperParams {
  /** Learning rate (default 1e-3). */
  lr: number;
  /** Momentum factor μ (default 0: plain gradient descent). */
  momentum: number;
  /** Dampening τ of the momentum (default 0). */
  dampening: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Nesterov momentum (default false; needs momentum > 0 and dampening 0). */
  nesterov: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/** Options of `new SGD`: any hyper-parameter, defaults as PyTorch's. @category Optimizers */
export type SGDOptions = Partial<SGDHyperParams>;

const DEFAULTS: SGDHyperParams = {
  lr: 1e-3,
  momentum: 0,
  dampening: 0,
  weightDecay: 0,
  nesterov: false,
  maximize: false,
};

function check(h: SGDHyperParams, op: string, arg: string): void {
  checkNonNegative(op, `${arg}.lr`, h.lr, 'a learning rate ≥ 0');
  checkNonNegative(op, `${arg}.momentum`, h.momentum, 'a momentum value ≥ 0');
  checkNumber(op, `${arg}.dampening`, h.dampening);
  checkNonNegative(op, `${arg}.weightDecay`, h.weightDecay, 'a weight_decay value ≥ 0');
  checkBoolean(op, `${arg}.nesterov`, h.nesterov);
  checkBoolean(op, `${arg}.maximize`, h.maximize);
  if (h.nesterov && (h.momentum <= 0 || h.dampening !== 0)) {
    throw new ArgumentError({
      op,
      arg: `${arg}.nesterov`,
      expected: 'Nesterov momentum with a momentum > 0 and zero dampening',
      got: `momentum ${h.momentum}, dampening ${h.dampening}`,
    });
  }
}

/**
 * One SGD step for one parameter (the rule `SGD` applies; pure: returns new tensors).
 * See {@link SGD} for the formulas. State: `momentum_buffer` (with momentum > 0).
 * @example
 * ```ts
 * const hyper = { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false };
 * const first = sgdUpdate(tensor([1]), tensor([2]), {}, hyper);
 * first.value.toArray(); // ≈ [0.8]
 * const second = sgdUpdate(first.value, tensor([2]), first.state, hyper);
 * (second.state.momentum_buffer as Tensor).toArray(); // ≈ [3.8]
 * ```
 * @category Optimizers
 */
export function sgdUpdate(
  param: Tensor,
  grad: Tensor,
  state: Readonly<ParamState>,
  h: Readonly<SGDHyperParams>,
): UpdateResult {
  let d = h.maximize ? neg(grad) : grad;
  if (h.weightDecay !== 0) d = add(d, mul(param, h.weightDecay));
  const next: ParamState = {};
  if (h.momentum !== 0) {
    const prev = state.momentum_buffer;
    const buf =
      prev instanceof Tensor ? add(mul(prev, h.momentum), mul(d, 1 - h.dampening)) : d === grad ? clone(d) : d;
    next.momentum_buffer = buf;
    d = h.nesterov ? add(d, mul(buf, h.momentum)) : buf;
  }
  return { value: sub(param, mul(d, h.lr)), state: next };
}

const SPEC: OptimizerSpec<SGDHyperParams> = {
  name: 'SGD',
  check,
  update: sgdUpdate,
  stateKeys: { momentum_buffer: 'tensor' },
};

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay, as PyTorch's `torch.optim.SGD`. For each parameter θ with gradient g, at step t:
 *
 * ```text
 * g ← −g                          if maximize
 * g ← g + λ·θ                     if weightDecay λ ≠ 0
 * if momentum μ ≠ 0:
 *   b ← g                         at the first step
 *   b ← μ·b + (1 − τ)·g           afterwards (τ = dampening)
 *   g ← g + μ·b                   if nesterov, else g ← b
 * θ ← θ − lr·g
 * ```
 *
 * `lr` defaults to 1e-3 as in PyTorch 2.x (PyTorch 1.13 requires it).
 *
 * @param params - the Variables to optimise, or parameter groups `{ params, ...options }`.
 * @param options - `lr`, `momentum`, `dampening`, `weightDecay`, `nesterov`, `maximize`.
 * @throws `ArgumentError` for lr < 0, momentum < 0, weightDecay < 0, Nesterov without
 *   momentum or with dampening, an unknown option, or an empty parameter list.
 * @example
 * ```ts
 * const w = new Variable(tensor([1, -2]));
 * const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
 * const stop = enableGrad();
 * for (let i = 0; i < 2; i++) {
 *   opt.zeroGrad();
 *   backward(sum(square(w.value))); // gradient 2w
 *   opt.step();
 * }
 * stop();
 * w.value.toArray(); // ≈ [0.46, -0.92]
 * new SGD([w], { lr: 0.1, nesterov: true }); // throws ArgumentError
 * ```
 * @category Optimizers
 */
export class SGD extends Optimizer<SGDHyperParams> {
  constructor(params: OptimizerParams<SGDHyperParams>, options: SGDOptions = {}) {
    checkOptionKeys('new SGD', 'options', options, Object.keys(DEFAULTS));
    super(params, withDefaults(DEFAULTS, options), SPEC);
  }
}
