// The update shared by Adam and AdamW, which differ only in how weight decay enters.
import { add, ArgumentError, div, maximum, mul, neg, sqrt, sub, Tensor, zerosLike } from '@nn/tensor';
import type { ParamState, UpdateResult } from '../types.js';
import { checkBoolean, checkInRange, checkNonNegative, show } from '../validate.js';

/** The hyper-parameters of Adam and AdamW (every group has all of them). @category Optimizers */
export interface AdamHyperParams {
  /** Learning rate (default 1e-3). */
  lr: number;
  /** Decay rates [β₁, β₂] of the first and second moment estimates (default [0.9, 0.999]). */
  betas: [number, number];
  /** Added to the denominator for numerical stability (default 1e-8). */
  eps: number;
  /** Weight decay λ (Adam: L2 penalty on the gradient, default 0; AdamW: decoupled, default 1e-2). */
  weightDecay: number;
  /** Use the AMSGrad variant (the running maximum of the second moment) (default false). */
  amsgrad: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/** Checks Adam/AdamW hyper-parameters with PyTorch's rules. */
export function checkAdam(h: AdamHyperParams, op: string, arg: string): void {
  checkNonNegative(op, `${arg}.lr`, h.lr, 'a learning rate ≥ 0');
  checkNonNegative(op, `${arg}.eps`, h.eps, 'an epsilon value ≥ 0');
  if (!Array.isArray(h.betas) || h.betas.length !== 2) {
    throw new ArgumentError({
      op,
      arg: `${arg}.betas`,
      expected: 'a pair [beta1, beta2] of numbers in [0, 1)',
      got: show(h.betas),
    });
  }
  checkInRange(op, `${arg}.betas[0]`, h.betas[0], 0, 1);
  checkInRange(op, `${arg}.betas[1]`, h.betas[1], 0, 1);
  checkNonNegative(op, `${arg}.weightDecay`, h.weightDecay, 'a weight_decay value ≥ 0');
  checkBoolean(op, `${arg}.amsgrad`, h.amsgrad);
  checkBoolean(op, `${arg}.maximize`, h.maximize);
}

/** State entries of Adam and AdamW. */
export const ADAM_STATE_KEYS = {
  step: 'number',
  exp_avg: 'tensor',
  exp_avg_sq: 'tensor',
  max_exp_avg_sq: 'tensor',
} as const;

function tensorOr(state: Readonly<ParamState>, key: string, like: Tensor): Tensor {
  const t = state[key];
  return t instanceof Tensor ? t : zerosLike(like);
}

/** One Adam (decoupled = false) or AdamW (decoupled = true) step. */
export function adamStep(
  param: Tensor,
  grad: Tensor,
  state: Readonly<ParamState>,
  h: Readonly<AdamHyperParams>,
  decoupled: boolean,
): UpdateResult {
  const [beta1, beta2] = h.betas;
  const step = (typeof state.step === 'number' ? state.step : 0) + 1;
  let g = h.maximize ? neg(grad) : grad;
  let theta = param;
  if (h.weightDecay !== 0) {
    if (decoupled) theta = mul(param, 1 - h.lr * h.weightDecay);
    else g = add(g, mul(param, h.weightDecay));
  }
  const m = add(mul(tensorOr(state, 'exp_avg', param), beta1), mul(g, 1 - beta1));
  const v = add(mul(tensorOr(state, 'exp_avg_sq', param), beta2), mul(mul(g, 1 - beta2), g));
  const next: ParamState = { step, exp_avg: m, exp_avg_sq: v };
  let second = v;
  if (h.amsgrad) {
    second = maximum(tensorOr(state, 'max_exp_avg_sq', param), v);
    next.max_exp_avg_sq = second;
  }
  const stepSize = h.lr / (1 - beta1 ** step);
  const denom = add(div(sqrt(second), Math.sqrt(1 - beta2 ** step)), h.eps);
  return { value: sub(theta, div(mul(m, stepSize), denom)), state: next };
}
