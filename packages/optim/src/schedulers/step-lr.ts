import type { Optimizer } from '../optimizer.js';
import { checkInteger, checkNumber, checkOptionKeys } from '../validate.js';
import { LRScheduler } from './lr-scheduler.js';

/** Options of `new StepLR`. @category Schedulers */
export interface StepLROptions {
  /** Multiplicative factor of the decay (default 0.1). */
  gamma?: number;
}

/**
 * Decays the learning rate by `gamma` every `stepSize` steps, as PyTorch's `StepLR`:
 * `lr(t) = baseLr · gamma^⌊t / stepSize⌋`.
 *
 * @param optimizer - the optimizer whose learning rates to set.
 * @param stepSize - the period of the decay, in steps (an integer ≥ 1).
 * @param options - `gamma` (0.1).
 * @throws `ArgumentError` for a stepSize that is not an integer ≥ 1 or a gamma that is not a number.
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
 * const sched = new StepLR(opt, 2, { gamma: 0.5 });
 * const lrs = [];
 * for (let epoch = 0; epoch < 5; epoch++) {
 *   lrs.push(opt.paramGroups[0].lr);
 *   opt.step();
 *   sched.step();
 * }
 * lrs; // [1, 1, 0.5, 0.5, 0.25]
 * ```
 * @category Schedulers
 */
export class StepLR extends LRScheduler {
  /** The period of the decay, in steps. */
  readonly stepSize: number;
  /** The decay factor. */
  readonly gamma: number;

  constructor(optimizer: Optimizer, stepSize: number, options: StepLROptions = {}) {
    super(optimizer, 'StepLR');
    checkOptionKeys('new StepLR', 'options', options, ['gamma']);
    this.stepSize = checkInteger('new StepLR', 'stepSize', stepSize, 1);
    this.gamma = checkNumber('new StepLR', 'options.gamma', options.gamma ?? 0.1);
    this.initialStep();
  }

  lrAt(epoch: number): number[] {
    return this.baseLrs.map((base) => base * this.gamma ** Math.floor(epoch / this.stepSize));
  }
}
