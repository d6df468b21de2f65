import { ArgumentError } from '@nn/tensor';
import { Optimizer } from '../optimizer.js';
import { show } from '../validate.js';

/** A learning-rate scheduler's state, as `stateDict()` returns it. @category Schedulers */
export interface LRSchedulerStateDict {
  /** Steps taken (0 after construction). */
  lastEpoch: number;
  /** The learning rates the schedule starts from, one per parameter group. */
  baseLrs: number[];
  /** The learning rates set by the last step, one per parameter group. */
  lastLr: number[];
}

/** Checks that `optimizer` is an `Optimizer`. @internal */
export function checkOptimizer(op: string, optimizer: unknown): Optimizer {
  if (!(optimizer instanceof Optimizer)) {
    throw new ArgumentError({ op, arg: 'optimizer', expected: 'an Optimizer (SGD, Adam, …)', got: show(optimizer) });
  }
  return optimizer;
}

/** Checks a learning-rate list (one finite number per group). @internal */
export function checkLrList(op: string, arg: string, value: unknown, groups: number): number[] {
  if (
    !Array.isArray(value) ||
    value.length !== groups ||
    value.some((v) => typeof v !== 'number' || !Number.isFinite(v))
  ) {
    throw new ArgumentError({
      op,
      arg,
      expected: `${groups} finite number(s), one per parameter group`,
      got: show(value),
    });
  }
  return [...(value as number[])];
}

/**
 * The base of the epoch-based learning-rate schedulers, as PyTorch's `_LRScheduler`: each step
 * sets every group's `lr` to the schedule's value at the new step count. Schedules here are
 * functions of the step (`lrAt(t)`, closed forms), which give PyTorch's values (its recursive
 * forms agree to rounding) and can be plotted without stepping. Constructing a scheduler records
 * each group's `initialLr` (if no scheduler did before) as its base learning rate and applies
 * step 0, as PyTorch does.
 *
 * Difference from PyTorch: because the lr is recomputed from the base rather than updated in
 * place, two schedulers on one optimizer do not compound (the last one to step wins), and an
 * `lr` changed by hand is overwritten at the next step.
 *
 * Call `scheduler.step()` after `optimizer.step()`, once per epoch (or per batch for schedules
 * counted in batches, such as OneCycleLR).
 * @example
 * ```ts
 * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
 * const sched = new StepLR(opt, 2, { gamma: 0.5 });
 * sched.lrAt(5); // [0.25]
 * sched.lastEpoch; // 0
 * ```
 * @category Schedulers
 */
export abstract class LRScheduler {
  /** The optimizer whose learning rates this scheduler sets. */
  readonly optimizer: Optimizer;
  /** The learning rates the schedule starts from, one per parameter group. */
  baseLrs: number[];
  /** Steps taken: 0 after construction, then 1, 2, … */
  lastEpoch = -1;
  #lastLr: number[] = [];
  readonly #name: string;

  protected constructor(optimizer: Optimizer, name: string) {
    this.#name = name;
    this.optimizer = checkOptimizer(`new ${name}`, optimizer);
    this.baseLrs = optimizer.paramGroups.map((g) => {
      if (g.initialLr === undefined) g.initialLr = g.lr;
      return g.initialLr;
    });
  }

  /** Applies step 0 (subclasses call it once their settings are stored). */
  protected initialStep(): void {
    this.step();
  }

  /**
   * The learning rate of each parameter group at step `epoch` (0 = right after construction),
   * computed from the base learning rates without changing anything.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 0.1 });
   * new ExponentialLR(opt, 0.5).lrAt(3); // [0.0125]
   * ```
   */
  abstract lrAt(epoch: number): number[];

  /**
   * Advances one step and sets each group's `lr` to the schedule's value there.
   * @throws `ArgumentError` when the optimizer's number of parameter groups changed since construction.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
   * const sched = new MultiStepLR(opt, [1, 3], { gamma: 0.1 });
   * sched.step();
   * opt.paramGroups[0].lr; // 0.1
   * ```
   */
  step(): void {
    const groups = this.optimizer.paramGroups;
    if (groups.length !== this.baseLrs.length) {
      throw new ArgumentError({
        op: `${this.#name}.step`,
        arg: 'optimizer.paramGroups',
        expected: `${this.baseLrs.length} parameter group(s), as when the scheduler was built`,
        got: `${groups.length}`,
      });
    }
    const epoch = this.lastEpoch + 1;
    const lrs = this.lrAt(epoch);
    this.lastEpoch = epoch;
    groups.forEach((g, i) => {
      g.lr = lrs[i]!;
    });
    this.#lastLr = lrs;
    this.afterStep(epoch);
  }

  /** Subclass hook run after the learning rates of step `epoch` are set. */
  protected afterStep(_epoch: number): void {}

  /**
   * The learning rates set by the last step, one per parameter group.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
   * new LinearLR(opt, { startFactor: 0.5 }).getLastLr(); // [0.5]
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
   * const sched = new StepLR(opt, 1);
   * sched.step();
   * sched.stateDict(); // { lastEpoch: 1, baseLrs: [1], lastLr: [0.1] }
   * ```
   */
  stateDict(): LRSchedulerStateDict {
    return { lastEpoch: this.lastEpoch, baseLrs: [...this.baseLrs], lastLr: this.getLastLr() };
  }

  /**
   * Restores progress saved by `stateDict()` (the optimizer's learning rates come from its own
   * state dict, as in PyTorch).
   * @throws `ArgumentError` for a malformed state or one with another number of groups.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([1]))], { lr: 1 });
   * const sched = new StepLR(opt, 1);
   * sched.loadStateDict({ lastEpoch: 3, baseLrs: [1], lastLr: [0.001] });
   * sched.step();
   * opt.paramGroups[0].lr; // ≈ 0.0001
   * ```
   */
  loadStateDict(stateDict: LRSchedulerStateDict): void {
    const op = `${this.#name}.loadStateDict`;
    const sd = stateDict as unknown as Record<string, unknown> | null;
    if (sd === null || typeof sd !== 'object') {
      throw new ArgumentError({ op, arg: 'stateDict', expected: 'an object from stateDict()', got: show(sd) });
    }
    const n = this.baseLrs.length;
    const epoch = sd.lastEpoch;
    if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 0) {
      throw new ArgumentError({ op, arg: 'stateDict.lastEpoch', expected: 'an integer ≥ 0', got: show(epoch) });
    }
    const baseLrs = checkLrList(op, 'stateDict.baseLrs', sd.baseLrs, n);
    const lastLr = checkLrList(op, 'stateDict.lastLr', sd.lastLr, n);
    this.lastEpoch = epoch;
    this.baseLrs = baseLrs;
    this.#lastLr = lastLr;
  }
}
