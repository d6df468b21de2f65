import type { Optimizer } from '../optimizer.js';
import { checkNumber } from '../validate.js';
import { LRScheduler } from './lr-scheduler.js';

/**
 * Decays the learning rate by `gamma` every step, as PyTorch's `ExponentialLR`:
 * `lr(t) = baseLr · gamma^t`.
 *
 * @param optimizer - the optimizer whose learning rates to set.
 * @param gamma - the decay factor per step.
 * @throws `ArgumentError` when gamma is not a number.
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
 * const sched = new ExponentialLR(opt, 0.5);
 * sched.step();
 * sched.step();
 * sched.getLastLr(); // [0.25]
 * ```
 * @category Schedulers
 */
export class ExponentialLR extends LRScheduler {
  /** The decay factor per step. */
  readonly gamma: number;

  constructor(optimizer: Optimizer, gamma: number) {
    super(optimizer, 'ExponentialLR');
    this.gamma = checkNumber('new ExponentialLR', 'gamma', gamma);
    this.initialStep();
  }

  lrAt(epoch: number): number[] {
    return this.baseLrs.map((base) => base * this.gamma ** epoch);
  }
}
