import type { Tensor } from '@nn/tensor';
import { Optimizer } from '../optimizer.js';
import { withDefaults } from '../param-groups.js';
import type { OptimizerParams, OptimizerSpec, ParamState, UpdateResult } from '../types.js';
import { checkOptionKeys } from '../validate.js';
import { ADAM_STATE_KEYS, adamStep, checkAdam, type AdamHyperParams } from './adam-rule.js';

/** Options of `new AdamW`: any hyper-parameter, defaults as PyTorch's. @category Optimizers */
export type AdamWOptions = Partial<AdamHyperParams>;

const DEFAULTS: AdamHyperParams = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 1e-2,
  amsgrad: false,
  maximize: false,
};

/**
 * One AdamW step for one parameter (the rule `AdamW` applies; pure: returns new tensors).
 * See {@link AdamW} for the formulas. State as {@link adamUpdate}.
 * @example
 * ```ts
 * const hyper = { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.5, amsgrad: false, maximize: false };
 * // decay first: 2·(1 − 0.1·0.5) = 1.9, then the Adam step of about lr
 * adamwUpdate(tensor([2]), tensor([1]), {}, hyper).value.toArray(); // ≈ [1.8]
 * ```
 * @category Optimizers
 */
export function adamwUpdate(
  param: Tensor,
  grad: Tensor,
  state: Readonly<ParamState>,
  hyper: Readonly<AdamHyperParams>,
): UpdateResult {
  return adamStep(param, grad, state, hyper, true);
}

const SPEC: OptimizerSpec<AdamHyperParams> = {
  name: 'AdamW',
  check: checkAdam,
  update: adamwUpdate,
  stateKeys: ADAM_STATE_KEYS,
};

/**
 * AdamW (Loshchilov & Hutter, 2017): Adam with weight decay decoupled from the gradient, as
 * PyTorch's `torch.optim.AdamW`. For each parameter θ with gradient g, at step t = 1, 2, …:
 *
 * ```text
 * g ← −g                          if maximize
 * θ ← θ·(1 − lr·λ)                (λ = weightDecay, default 1e-2)
 * m ← β₁·m + (1 − β₁)·g           (m, v start at 0)
 * v ← β₂·v + (1 − β₂)·g²
 * v̂ ← max(v̂, v)                   if amsgrad, else v̂ = v
 * θ ← θ − lr/(1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * ```
 *
 * Unlike Adam's L2 penalty, the decay is not rescaled by the adaptive denominator, so every
 * weight shrinks by the same factor.
 *
 * @param params - the Variables to optimise, or parameter groups `{ params, ...options }`.
 * @param options - `lr` (1e-3), `betas` ([0.9, 0.999]), `eps` (1e-8), `weightDecay` (1e-2),
 *   `amsgrad` (false), `maximize` (false).
 * @throws `ArgumentError` for lr < 0, eps < 0, a beta outside [0, 1), weightDecay < 0, an
 *   unknown option, or an empty parameter list.
 * @example
 * ```ts
 * const w = new Variable(tensor([10]));
 * const opt = new AdamW([w], { lr: 0.1, weightDecay: 0.1 });
 * w.grad = tensor([0]); // no gradient signal: only the decay acts
 * opt.step();
 * w.value.toArray(); // ≈ [9.9]
 * ```
 * @category Optimizers
 */
export class AdamW extends Optimizer<AdamHyperParams> {
  constructor(params: OptimizerParams<AdamHyperParams>, options: AdamWOptions = {}) {
    checkOptionKeys('new AdamW', 'options', options, Object.keys(DEFAULTS));
    super(params, withDefaults(DEFAULTS, options), SPEC);
  }
}
