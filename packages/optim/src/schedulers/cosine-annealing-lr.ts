import type { Optimizer } from '../optimizer.js';
import { checkNumber, checkOptionKeys, checkPositive } from '../validate.js';
import { LRScheduler } from './lr-scheduler.js';

/** Options of `new CosineAnnealingLR`. @category Schedulers */
export interface CosineAnnealingLROptions {
  /** The minimum learning rate (default 0). */
  etaMin?: number;
}

/**
 * Anneals the learning rate from its base value to `etaMin` along half a cosine over `tMax`
 * steps, as PyTorch's `CosineAnnealingLR` (SGDR without restarts):
 * `lr(t) = etaMin + (baseLr − etaMin) · (1 + cos(π·t / tMax)) / 2`.
 * Past `tMax` it rises again (the cosine continues with period 2·tMax), as in PyTorch.
 *
 * @param optimizer - the optimizer whose learning rates to set.
 * @param tMax - the number of steps of the half period (> 0).
 * @param options - `etaMin` (0).
 * @throws `ArgumentError` for tMax ≤ 0 or an etaMin that is not a number.
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
 * const sched = new CosineAnnealingLR(opt, 4, { etaMin: 0.1 });
 * [0, 2, 4].map((t) => sched.lrAt(t)[0]); // ≈ [1, 0.55, 0.1]
 * ```
 * @category Schedulers
 */
export class CosineAnnealingLR extends LRScheduler {
  /** The number of steps of the half period. */
  readonly tMax: number;
  /** The minimum learning rate. */
  readonly etaMin: number;

  constructor(optimizer: Optimizer, tMax: number, options: CosineAnnealingLROptions = {}) {
    super(optimizer, 'CosineAnnealingLR');
    const op = 'new CosineAnnealingLR';
    checkOptionKeys(op, 'options', options, ['etaMin']);
    this.tMax = checkPositive(op, 'tMax', tMax);
    this.etaMin = checkNumber(op, 'options.etaMin', options.etaMin ?? 0);
    this.initialStep();
  }

  lrAt(epoch: number): number[] {
    const c = (1 + Math.cos((Math.PI * epoch) / this.tMax)) / 2;
    return this.baseLrs.map((base) => this.etaMin + (base - this.etaMin) * c);
  }
}
