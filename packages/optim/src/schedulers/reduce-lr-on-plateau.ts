import { ArgumentError, Tensor } from '@nn/tensor';
import type { Optimizer } from '../optimizer.js';
import { checkChoice, checkInteger, checkNonNegative, checkNumber, checkOptionKeys, show } from '../validate.js';
import { checkLrList, checkOptimizer } from './lr-scheduler.js';

/** Options of `new ReduceLROnPlateau`. @category Schedulers */
export interface ReduceLROnPlateauOptions {
  /** `'min'` (default): the metric should fall (a loss); `'max'`: it should rise (an accuracy). */
  mode?: 'min' | 'max';
  /** Factor the lr is multiplied by on a plateau, < 1 (default 0.1). */
  factor?: number;
  /** Steps without improvement tolerated before reducing (default 10). */
  patience?: number;
  /** How much better a metric must be to count as an improvement (default 1e-4). */
  threshold?: number;
  /** `'rel'` (default): better than best·(1 ∓ threshold); `'abs'`: better than best ∓ threshold. */
  thresholdMode?: 'rel' | 'abs';
  /** Steps to wait after a reduction before counting bad steps again (default 0). */
  cooldown?: number;
  /** Lower bound of the lr, one for all groups or one per group (default 0). */
  minLr?: number | number[];
  /** A reduction smaller than eps is skipped (default 1e-8). */
  eps?: number;
}

/** The state of a `ReduceLROnPlateau`, as `stateDict()` returns it. @category Schedulers */
export interface ReduceLROnPlateauStateDict {
  lastEpoch: number;
  /** The best metric so far (±Infinity before the first step). */
  best: number;
  numBadEpochs: number;
  cooldownCounter: number;
  lastLr: number[];
}

/**
 * Reduces the learning rate when a metric has stopped improving, as PyTorch's
 * `ReduceLROnPlateau`. Each `step(metric)` compares the metric with the best so far; after more
 * than `patience` steps without improvement, every group's lr becomes `max(lr·factor, minLr)`
 * (skipped when the change is below `eps`), followed by `cooldown` steps in which bad steps are
 * not counted. Unlike the other schedulers it does not change the lr when built.
 *
 * @param optimizer - the optimizer whose learning rates to set.
 * @param options - see {@link ReduceLROnPlateauOptions}.
 * @throws `ArgumentError` for factor ≥ 1, an unknown mode or thresholdMode, negative
 *   patience, cooldown, threshold, minLr or eps, or a minLr list of the wrong length.
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
 * const sched = new ReduceLROnPlateau(opt, { patience: 1, factor: 0.5 });
 * for (const loss of [3, 2, 2, 2, 2]) sched.step(loss);
 * sched.getLastLr(); // [0.5]
 * ```
 * @category Schedulers
 */
export class ReduceLROnPlateau {
  /** The optimizer whose learning rates this scheduler sets. */
  readonly optimizer: Optimizer;
  readonly mode: 'min' | 'max';
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: 'rel' | 'abs';
  readonly cooldown: number;
  /** The lower bound of each group's lr. */
  readonly minLrs: readonly number[];
  readonly eps: number;
  /** Steps taken. */
  lastEpoch = 0;
  /** The best metric so far. */
  best: number;
  /** Consecutive steps without improvement (outside cooldown). */
  numBadEpochs = 0;
  /** Steps of cooldown left. */
  cooldownCounter = 0;
  #lastLr: number[];

  constructor(optimizer: Optimizer, options: ReduceLROnPlateauOptions = {}) {
    const op = 'new ReduceLROnPlateau';
    this.optimizer = checkOptimizer(op, optimizer);
    const o = options;
    checkOptionKeys(op, 'options', o, [
      'mode',
      'factor',
      'patience',
      'threshold',
      'thresholdMode',
      'cooldown',
      'minLr',
      'eps',
    ]);
    this.factor = checkNumber(op, 'options.factor', o.factor ?? 0.1);
    if (!(this.factor < 1))
      throw new ArgumentError({ op, arg: 'options.factor', expected: 'a factor < 1', got: show(this.factor) });
    const n = optimizer.paramGroups.length;
    const minLr = o.minLr ?? 0;
    if (Array.isArray(minLr)) {
      if (minLr.length !== n)
        throw new ArgumentError({
          op,
          arg: 'options.minLr',
          expected: `${n} min_lrs, one per parameter group`,
          got: show(minLr),
        });
      this.minLrs = minLr.map((v, i) => checkNonNegative(op, `options.minLr[${i}]`, v));
    } else {
      this.minLrs = new Array<number>(n).fill(checkNonNegative(op, 'options.minLr', minLr));
    }
    this.mode = checkChoice(op, 'options.mode', o.mode ?? 'min', ['min', 'max'] as const);
    this.thresholdMode = checkChoice(op, 'options.thresholdMode', o.thresholdMode ?? 'rel', ['rel', 'abs'] as const);
    this.patience = checkInteger(op, 'options.patience', o.patience ?? 10, 0);
    this.cooldown = checkInteger(op, 'options.cooldown', o.cooldown ?? 0, 0);
    this.threshold = checkNonNegative(op, 'options.threshold', o.threshold ?? 1e-4);
    this.eps = checkNonNegative(op, 'options.eps', o.eps ?? 1e-8);
    this.best = this.mode === 'min' ? Infinity : -Infinity;
    this.#lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  /** Whether `a` improves on `best` by more than the threshold. */
  #isBetter(a: number, best: number): boolean {
    const t = this.threshold;
    if (this.mode === 'min') return this.thresholdMode === 'rel' ? a < best * (1 - t) : a < best - t;
    return this.thresholdMode === 'rel' ? a > best * (t + 1) : a > best + t;
  }

  /**
   * Records one value of the metric (a number or a one-element tensor) and reduces the learning
   * rates if it has plateaued.
   * @throws `ArgumentError` when `metric` is not a number or a one-element tensor.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
   * const sched = new ReduceLROnPlateau(opt, { mode: 'max', patience: 0 });
   * sched.step(tensor(0.5));
   * sched.step(0.4); // worse: reduce
   * opt.paramGroups[0].lr; // 0.1
   * ```
   */
  step(metric: number | Tensor): void {
    const op = 'ReduceLROnPlateau.step';
    let current: number;
    if (metric instanceof Tensor) {
      metric.assertAlive(op, 'metric');
      if (metric.shape.reduce((a, b) => a * b, 1) !== 1) {
        throw new ArgumentError({
          op,
          arg: 'metric',
          expected: 'a number or a one-element tensor',
          got: `shape [${metric.shape.join(', ')}]`,
        });
      }
      current = Number(metric.item());
    } else if (typeof metric === 'number') {
      current = metric;
    } else {
      throw new ArgumentError({ op, arg: 'metric', expected: 'a number or a one-element tensor', got: show(metric) });
    }
    this.lastEpoch += 1;
    if (this.#isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.optimizer.paramGroups.forEach((g, i) => {
        const next = Math.max(g.lr * this.factor, this.minLrs[i] ?? 0);
        if (g.lr - next > this.eps) g.lr = next;
      });
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.#lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /**
   * The learning rates after the last step (the optimizer's before the first), one per group.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 0.5 });
   * new ReduceLROnPlateau(opt).getLastLr(); // [0.5]
   * ```
   */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /**
   * The scheduler's progress, to save next to the optimizer's `stateDict()`.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
   * const sched = new ReduceLROnPlateau(opt);
   * sched.step(2);
   * sched.stateDict(); // { lastEpoch: 1, best: 2, numBadEpochs: 0, cooldownCounter: 0, lastLr: [1] }
   * ```
   */
  stateDict(): ReduceLROnPlateauStateDict {
    const { lastEpoch, best, numBadEpochs, cooldownCounter } = this;
    return { lastEpoch, best, numBadEpochs, cooldownCounter, lastLr: this.getLastLr() };
  }

  /**
   * Restores progress saved by `stateDict()`.
   * @throws `ArgumentError` for a malformed state.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
   * const sched = new ReduceLROnPlateau(opt, { patience: 2 });
   * sched.loadStateDict({ lastEpoch: 5, best: 1, numBadEpochs: 2, cooldownCounter: 0, lastLr: [1] });
   * sched.step(1); // a third bad step
   * opt.paramGroups[0].lr; // 0.1
   * ```
   */
  loadStateDict(stateDict: ReduceLROnPlateauStateDict): void {
    const op = 'ReduceLROnPlateau.loadStateDict';
    const sd = stateDict as unknown as Record<string, unknown> | null;
    if (sd === null || typeof sd !== 'object') {
      throw new ArgumentError({ op, arg: 'stateDict', expected: 'an object from stateDict()', got: show(sd) });
    }
    const lastEpoch = checkInteger(op, 'stateDict.lastEpoch', sd.lastEpoch, 0);
    const best = checkNumber(op, 'stateDict.best', sd.best);
    const numBadEpochs = checkInteger(op, 'stateDict.numBadEpochs', sd.numBadEpochs, 0);
    const cooldownCounter = checkInteger(op, 'stateDict.cooldownCounter', sd.cooldownCounter, 0);
    const lastLr = checkLrList(op, 'stateDict.lastLr', sd.lastLr, this.optimizer.paramGroups.length);
    Object.assign(this, { lastEpoch, best, numBadEpochs, cooldownCounter });
    this.#lastLr = lastLr;
  }
}
