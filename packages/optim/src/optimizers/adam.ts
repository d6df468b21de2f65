import type { Tensor } from '@nn/tensor';
import { Optimizer } from '../optimizer.js';
import { withDefaults } from '../param-groups.js';
import type { OptimizerParams, OptimizerSpec, ParamState, UpdateResult } from '../types.js';
import { checkOptionKeys } from '../validate.js';
import { ADAM_STATE_KEYS, adamStep, checkAdam, type AdamHyperParams } from './adam-rule.js';

/** Options of `new Adam`: any hyper-parameter, defaults as PyTorch's. @category Optimizers */
export type AdamOptions = Partial<AdamHyperParams>;

const DEFAULTS: AdamHyperParams = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  maximize: false,
};

/**
 * One Adam step for one parameter (the rule `Adam` applies; pure: returns new tensors).
 * See {@link Adam} for the formulas. State: `step`, `exp_avg`, `exp_avg_sq`, and
 * `max_exp_avg_sq` with AMSGrad.
 * @example
 * ```ts
 * const hyper = { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false };
 * const { value, state } = adamUpdate(tensor([1]), tensor([4]), {}, hyper);
 * value.toArray(); // ≈ [0.9]
 * state.step; // 1
 * (state.exp_avg as Tensor).toArray(); // ≈ [0.4]
 * ```
 * @category Optimizers
 */
export function adamUpdate(
  param: Tensor,
  grad: Tensor,
  state: Readonly<ParamState>,
  hyper: Readonly<AdamHyperParams>,
): UpdateResult {
  return adamStep(param, grad, state, hyper, false);
}

const SPEC: OptimizerSpec<AdamHyperParams> = {
  name: 'Adam',
  check: checkAdam,
  update: adamUpdate,
  stateKeys: ADAM_STATE_KEYS,
};

/**
 * Adam (Kingma & Ba, 2014), with optional L2 weight decay and AMSGrad, as PyTorch's
 * `torch.optim.Adam`. For each parameter θ with gradient g, at step t = 1, 2, …:
 *
 * ```text
 * g ← −g                          if maximize
 * g ← g + λ·θ                     if weightDecay λ ≠ 0 (L2 penalty; see AdamW for decoupled decay)
 * m ← β₁·m + (1 − β₁)·g           (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * v̂ ← max(v̂, v)                   if amsgrad (v̂ starts at 0), else v̂ = v
 * θ ← θ − lr/(1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * ```
 *
 * @param params - the Variables to optimise, or parameter groups `{ params, ...options }`.
 * @param options - `lr` (1e-3), `betas` ([0.9, 0.999]), `eps` (1e-8), `weightDecay` (0),
 *   `amsgrad` (false), `maximize` (false).
 * @throws `ArgumentError` for lr < 0, eps < 0, a beta outside [0, 1), weightDecay < 0, an
 *   unknown option, or an empty parameter list.
 * @example
 * ```ts
 * const w = new Variable(tensor([1, -2]));
 * const opt = new Adam([w], { lr: 0.1 });
 * const stop = enableGrad();
 * backward(sum(square(w.value)));
 * stop();
 * opt.step(); // the first step moves each weight by about lr, whatever the gradient's size
 * w.value.toArray(); // ≈ [0.9, -1.9]
 * new Adam([w], { betas: [0.9, 1] }); // throws ArgumentError
 * ```
 * @category Optimizers
 */
export class Adam extends Optimizer<AdamHyperParams> {
  constructor(params: OptimizerParams<AdamHyperParams>, options: AdamOptions = {}) {
    checkOptionKeys('new Adam', 'options', options, Object.keys(DEFAULTS));
    super(params, withDefaults(DEFAULTS, options), SPEC);
  }
}
