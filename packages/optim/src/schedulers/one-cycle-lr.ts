import { ArgumentError } from '@nn/tensor';
import type { Optimizer } from '../optimizer.js';
import {
  checkBoolean,
  checkChoice,
  checkInRange,
  checkInteger,
  checkNonNegative,
  checkOptionKeys,
  checkPositive,
  show,
} from '../validate.js';
import { LRScheduler } from './lr-scheduler.js';

/** Options of `new OneCycleLR`: the length (`totalSteps`, or `epochs` and `stepsPerEpoch`) and the shape. @category Schedulers */
export interface OneCycleLROptions {
  /** Steps in the cycle. Either this or both `epochs` and `stepsPerEpoch`. */
  totalSteps?: number;
  /** Epochs to train (with `stepsPerEpoch`: totalSteps = epochs · stepsPerEpoch). */
  epochs?: number;
  /** Steps per epoch (with `epochs`). */
  stepsPerEpoch?: number;
  /** Share of the cycle spent increasing the learning rate (default 0.3). */
  pctStart?: number;
  /** `'cos'` (default) or `'linear'` annealing. */
  annealStrategy?: 'cos' | 'linear';
  /** Cycle the momentum (SGD's `momentum`, Adam's β₁) inversely to the lr (default true). */
  cycleMomentum?: boolean;
  /** Lowest momentum, reached at the lr's peak (default 0.85; one per group or one for all). */
  baseMomentum?: number | number[];
  /** Highest momentum, at the start and the end (default 0.95; one per group or one for all). */
  maxMomentum?: number | number[];
  /** initialLr = maxLr / divFactor (default 25). */
  divFactor?: number;
  /** minLr = initialLr / finalDivFactor (default 1e4). */
  finalDivFactor?: number;
  /** Three phases (up, back down to initialLr, then down to minLr) instead of two (default false). */
  threePhase?: boolean;
}

interface Phase {
  end: number;
  lr: ['initial' | 'max' | 'min', 'initial' | 'max' | 'min'];
  momentum: ['base' | 'max', 'base' | 'max'];
}

type PerGroup = { initial: number; max: number; min: number; base: number; maxMomentum: number };

function perGroup(
  op: string,
  arg: string,
  value: unknown,
  groups: number,
  check: (arg: string, v: unknown) => number,
): number[] {
  if (Array.isArray(value)) {
    if (value.length !== groups)
      throw new ArgumentError({ op, arg, expected: `${groups} values, one per parameter group`, got: show(value) });
    return value.map((v, i) => check(`${arg}[${i}]`, v));
  }
  return new Array<number>(groups).fill(check(arg, value));
}

/**
 * The 1cycle policy (Smith & Topin, 2017), as PyTorch's `OneCycleLR`: the learning rate rises
 * from `maxLr / divFactor` to `maxLr` over the first `pctStart` of the cycle, then falls to
 * `maxLr / (divFactor · finalDivFactor)`; the momentum moves the opposite way between
 * `maxMomentum` and `baseMomentum`. Step it after every batch. Each phase anneals from a to b as
 * `b + (a − b)·(1 + cos(π·p))/2` (`'cos'`) or `a + (b − a)·p` (`'linear'`), p the fraction of the
 * phase done; the first phase ends at step `pctStart·totalSteps − 1`, the last at `totalSteps − 1`.
 *
 * @param optimizer - the optimizer (with momentum or betas when `cycleMomentum`).
 * @param maxLr - the peak learning rate, one for all groups or one per group.
 * @param options - see {@link OneCycleLROptions}.
 * @throws `ArgumentError` without totalSteps or epochs and stepsPerEpoch, for non-positive
 *   counts, pctStart outside [0, 1], an unknown annealStrategy, cycleMomentum with an optimizer
 *   that has no momentum, or when stepped more than totalSteps times.
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 1, momentum: 0.9 });
 * const sched = new OneCycleLR(opt, 1, { totalSteps: 10, divFactor: 10, annealStrategy: 'linear' });
 * opt.paramGroups[0].lr; // ≈ 0.1
 * opt.paramGroups[0].momentum; // 0.95
 * sched.lrAt(2); // ≈ [1]
 * sched.momentumAt(2); // ≈ [0.85]
 * ```
 * @category Schedulers
 */
export class OneCycleLR extends LRScheduler {
  /** Steps in the cycle. */
  readonly totalSteps: number;
  /** Whether the momentum is cycled. */
  readonly cycleMomentum: boolean;
  readonly #phases: Phase[];
  readonly #groups: PerGroup[];
  readonly #anneal: (a: number, b: number, pct: number) => number;
  readonly #useBeta1: boolean;

  constructor(optimizer: Optimizer, maxLr: number | number[], options: OneCycleLROptions = {}) {
    super(optimizer, 'OneCycleLR');
    const op = 'new OneCycleLR';
    const o = options;
    checkOptionKeys(op, 'options', o, [
      'totalSteps',
      'epochs',
      'stepsPerEpoch',
      'pctStart',
      'annealStrategy',
      'cycleMomentum',
      'baseMomentum',
      'maxMomentum',
      'divFactor',
      'finalDivFactor',
      'threePhase',
    ]);
    if (o.totalSteps !== undefined) {
      this.totalSteps = checkInteger(op, 'options.totalSteps', o.totalSteps, 1);
    } else if (o.epochs !== undefined && o.stepsPerEpoch !== undefined) {
      this.totalSteps =
        checkInteger(op, 'options.epochs', o.epochs, 1) * checkInteger(op, 'options.stepsPerEpoch', o.stepsPerEpoch, 1);
    } else {
      throw new ArgumentError({
        op,
        arg: 'options',
        expected: 'totalSteps, or epochs and stepsPerEpoch',
        got: 'neither',
      });
    }
    const pct = checkInRange(op, 'options.pctStart', o.pctStart ?? 0.3, 0, 1, true);
    const anneal = checkChoice(op, 'options.annealStrategy', o.annealStrategy ?? 'cos', ['cos', 'linear'] as const);
    this.#anneal =
      anneal === 'cos' ? (a, b, p) => b + ((a - b) / 2) * (Math.cos(Math.PI * p) + 1) : (a, b, p) => (b - a) * p + a;
    const t = this.totalSteps;
    this.#phases = checkBoolean(op, 'options.threePhase', o.threePhase ?? false)
      ? [
          { end: pct * t - 1, lr: ['initial', 'max'], momentum: ['max', 'base'] },
          { end: 2 * pct * t - 2, lr: ['max', 'initial'], momentum: ['base', 'max'] },
          { end: t - 1, lr: ['initial', 'min'], momentum: ['max', 'max'] },
        ]
      : [
          { end: pct * t - 1, lr: ['initial', 'max'], momentum: ['max', 'base'] },
          { end: t - 1, lr: ['max', 'min'], momentum: ['base', 'max'] },
        ];
    const n = optimizer.paramGroups.length;
    const positive = (arg: string, v: unknown): number => checkPositive(op, arg, v);
    const maxLrs = perGroup(op, 'maxLr', maxLr, n, (arg, v) => checkPositive(op, arg, v, 'a finite learning rate > 0'));
    const div = positive('options.divFactor', o.divFactor ?? 25);
    const finalDiv = positive('options.finalDivFactor', o.finalDivFactor ?? 1e4);
    this.cycleMomentum = checkBoolean(op, 'options.cycleMomentum', o.cycleMomentum ?? true);
    const defaults = optimizer.defaults as unknown as Record<string, unknown>;
    this.#useBeta1 = 'betas' in defaults;
    if (this.cycleMomentum && !('momentum' in defaults) && !this.#useBeta1) {
      throw new ArgumentError({
        op,
        arg: 'options.cycleMomentum',
        expected: 'an optimizer with momentum (SGD, RMSprop) or betas (Adam, AdamW)',
        got: optimizer.constructor.name,
        hint: 'Pass cycleMomentum: false',
      });
    }
    // A momentum becomes Adam's β₁ (which must be < 1) or SGD's momentum (≥ 0).
    const momentum = (arg: string, v: unknown): number =>
      this.#useBeta1 ? checkInRange(op, arg, v, 0, 1) : checkNonNegative(op, arg, v, 'a momentum value ≥ 0');
    const bases = perGroup(op, 'options.baseMomentum', o.baseMomentum ?? 0.85, n, momentum);
    const maxes = perGroup(op, 'options.maxMomentum', o.maxMomentum ?? 0.95, n, momentum);
    this.#groups = maxLrs.map((max, i) => ({
      initial: max / div,
      max,
      min: max / div / finalDiv,
      base: bases[i]!,
      maxMomentum: maxes[i]!,
    }));
    this.baseLrs = optimizer.paramGroups.map((g, i) => (g.initialLr = this.#groups[i]!.initial));
    if (this.cycleMomentum) this.#setMomentum(maxes);
    this.initialStep();
  }

  #at(epoch: number, i: number, what: 'lr' | 'momentum'): number {
    if (epoch > this.totalSteps) {
      throw new ArgumentError({
        op: 'OneCycleLR.step',
        arg: 'step',
        expected: `at most ${this.totalSteps} steps after construction (totalSteps)`,
        got: `step ${epoch}`,
      });
    }
    const g = this.#groups[i]!;
    const lrValue = { initial: g.initial, max: g.max, min: g.min };
    const momValue = { base: g.base, max: g.maxMomentum };
    let start = 0;
    for (let k = 0; k < this.#phases.length; k++) {
      const phase = this.#phases[k]!;
      if (epoch <= phase.end || k === this.#phases.length - 1) {
        if (phase.end === start) {
          throw new ArgumentError({
            op: 'OneCycleLR.step',
            arg: 'pctStart',
            expected: 'phases of non-zero length',
            got: `a phase ending where it starts (step ${start})`,
            hint: 'PyTorch divides by zero here; change pctStart or totalSteps',
          });
        }
        const p = (epoch - start) / (phase.end - start);
        return what === 'lr'
          ? this.#anneal(lrValue[phase.lr[0]], lrValue[phase.lr[1]], p)
          : this.#anneal(momValue[phase.momentum[0]], momValue[phase.momentum[1]], p);
      }
      start = phase.end;
    }
    throw new Error('unreachable');
  }

  lrAt(epoch: number): number[] {
    return this.#groups.map((_, i) => this.#at(epoch, i, 'lr'));
  }

  /**
   * The momentum (SGD's `momentum`, Adam's β₁) of each group at step `epoch`.
   * @example
   * ```ts
   * const opt = new Adam([new Variable(zeros([1]))]);
   * const sched = new OneCycleLR(opt, 0.01, { totalSteps: 100 });
   * sched.momentumAt(0); // [0.95]
   * opt.paramGroups[0].betas; // [0.95, 0.999]
   * ```
   */
  momentumAt(epoch: number): number[] {
    return this.#groups.map((_, i) => this.#at(epoch, i, 'momentum'));
  }

  protected override afterStep(epoch: number): void {
    if (this.cycleMomentum) this.#setMomentum(this.momentumAt(epoch));
  }

  #setMomentum(values: number[]): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      const group = g as unknown as Record<string, unknown>;
      if (this.#useBeta1) group.betas = [values[i]!, ...(group.betas as number[]).slice(1)];
      else group.momentum = values[i]!;
    });
  }
}
