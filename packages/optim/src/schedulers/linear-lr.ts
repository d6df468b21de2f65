import { ArgumentError } from '@nn/tensor';
import type { Optimizer } from '../optimizer.js';
import { checkInteger, checkNumber, checkOptionKeys, show } from '../validate.js';
import { LRScheduler } from './lr-scheduler.js';

/** Options of `new LinearLR`. @category Schedulers */
export interface LinearLROptions {
  /** The factor of the base lr at step 0, in (0, 1] (default 1/3). */
  startFactor?: number;
  /** The factor of the base lr from step `totalIters` on, in [0, 1] (default 1). */
  endFactor?: number;
  /** The number of steps of the ramp (default 5). */
  totalIters?: number;
}

/**
 * Scales the learning rate by a factor that moves linearly from `startFactor` to `endFactor`
 * over `totalIters` steps and then stays there, as PyTorch's `LinearLR` (a linear warm-up with
 * the defaults): `lr(t) = baseLr · (s + (e − s) · min(t, T) / T)`.
 *
 * @param optimizer - the optimizer whose learning rates to set.
 * @param options - `startFactor` s (1/3), `endFactor` e (1), `totalIters` T (5).
 * @throws `ArgumentError` for startFactor outside (0, 1], endFactor outside [0, 1], or
 *   totalIters that is not an integer ≥ 1.
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 0.1 });
 * const warmup = new LinearLR(opt, { startFactor: 0.25, totalIters: 3 });
 * [0, 1, 2, 3, 4].map((t) => warmup.lrAt(t)[0]); // ≈ [0.025, 0.05, 0.075, 0.1, 0.1]
 * ```
 * @category Schedulers
 */
export class LinearLR extends LRScheduler {
  /** The factor at step 0. */
  readonly startFactor: number;
  /** The factor from step `totalIters` on. */
  readonly endFactor: number;
  /** The number of steps of the ramp. */
  readonly totalIters: number;

  constructor(optimizer: Optimizer, options: LinearLROptions = {}) {
    super(optimizer, 'LinearLR');
    const op = 'new LinearLR';
    checkOptionKeys(op, 'options', options, ['startFactor', 'endFactor', 'totalIters']);
    const start = checkNumber(op, 'options.startFactor', options.startFactor ?? 1 / 3);
    if (!(start > 0 && start <= 1)) {
      throw new ArgumentError({
        op,
        arg: 'options.startFactor',
        expected: 'a starting multiplicative factor in (0, 1]',
        got: show(start),
      });
    }
    const end = checkNumber(op, 'options.endFactor', options.endFactor ?? 1);
    if (!(end >= 0 && end <= 1)) {
      throw new ArgumentError({
        op,
        arg: 'options.endFactor',
        expected: 'an ending multiplicative factor in [0, 1]',
        got: show(end),
      });
    }
    this.startFactor = start;
    this.endFactor = end;
    this.totalIters = checkInteger(op, 'options.totalIters', options.totalIters ?? 5, 1);
    this.initialStep();
  }

  lrAt(epoch: number): number[] {
    const f =
      this.startFactor + ((this.endFactor - this.startFactor) * Math.min(epoch, this.totalIters)) / this.totalIters;
    return this.baseLrs.map((base) => base * f);
  }
}
