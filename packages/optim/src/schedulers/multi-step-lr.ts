import { ArgumentError } from '@nn/tensor';
import type { Optimizer } from '../optimizer.js';
import { checkNumber, checkOptionKeys, show } from '../validate.js';
import { LRScheduler } from './lr-scheduler.js';

/** Options of `new MultiStepLR`. @category Schedulers */
export interface MultiStepLROptions {
  /** Multiplicative factor of the decay (default 0.1). */
  gamma?: number;
}

/**
 * Decays the learning rate by `gamma` at each milestone, as PyTorch's `MultiStepLR`:
 * `lr(t) = baseLr · gamma^(number of milestones ≤ t)` (a milestone listed twice counts twice).
 *
 * @param optimizer - the optimizer whose learning rates to set.
 * @param milestones - the steps at which to decay (integers ≥ 0, any order).
 * @param options - `gamma` (0.1).
 * @throws `ArgumentError` for milestones that are not integers ≥ 0 or a gamma that is not a number.
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
 * const sched = new MultiStepLR(opt, [2, 4], { gamma: 0.5 });
 * [0, 1, 2, 3, 4, 5].map((t) => sched.lrAt(t)[0]); // [1, 1, 0.5, 0.5, 0.25, 0.25]
 * ```
 * @category Schedulers
 */
export class MultiStepLR extends LRScheduler {
  /** The milestones, sorted. */
  readonly milestones: readonly number[];
  /** The decay factor. */
  readonly gamma: number;

  constructor(optimizer: Optimizer, milestones: Iterable<number>, options: MultiStepLROptions = {}) {
    super(optimizer, 'MultiStepLR');
    const op = 'new MultiStepLR';
    checkOptionKeys(op, 'options', options, ['gamma']);
    const list =
      milestones !== null && typeof milestones === 'object' && Symbol.iterator in milestones ? [...milestones] : null;
    if (list === null || list.some((m) => typeof m !== 'number' || !Number.isInteger(m) || m < 0)) {
      throw new ArgumentError({ op, arg: 'milestones', expected: 'a list of integers ≥ 0', got: show(milestones) });
    }
    this.milestones = Object.freeze(list.sort((a, b) => a - b));
    this.gamma = checkNumber(op, 'options.gamma', options.gamma ?? 0.1);
    this.initialStep();
  }

  lrAt(epoch: number): number[] {
    const passed = this.milestones.filter((m) => m <= epoch).length;
    return this.baseLrs.map((base) => base * this.gamma ** passed);
  }
}
