/**
 * Wall-clock sampling for the benchmark harnesses. Each engine gets a `Sampler`; the harness warms
 * every engine up and then takes its timed samples in short chunks, round-robin across engines, so
 * a change in machine load during a workload hits every engine alike. The statistic is the median.
 */
import { performance } from 'node:perf_hooks';

export interface TimingOptions {
  /** Untimed warm-up time per engine (at least `minWarmup` runs). */
  warmupMs: number;
  /** Untimed warm-up runs at least (default 1). */
  minWarmup?: number;
  /** Timed budget per engine and workload: sampling stops once it is spent and `minReps` are done. */
  budgetMs: number;
  /** Timed repetitions wanted at least (see `SamplerPolicy.adaptMinReps`). */
  minReps: number;
  /** Timed repetitions at most. */
  maxReps: number;
  /** Chunks the budget is split into (the round-robin granularity). */
  rounds: number;
}

/** How a harness wants slow workloads handled (both off by default). */
export interface SamplerPolicy {
  /** Stop warming up after `maxReps` runs even when `warmupMs` is not spent yet. */
  capWarmup?: boolean;
  /**
   * After warm-up, lower `minReps` for a slow run so one slow engine cannot stall the suite: to 1
   * when one run is slower than the whole budget, to 2 when `minReps` runs would take over twice it.
   */
  adaptMinReps?: boolean;
}

export interface Timing {
  /** Median of the timed repetitions, ms. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Timed repetitions taken. */
  reps: number;
  /** Untimed warm-up runs. */
  warmups: number;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times one engine's `fn`, which must do the whole unit of work (read-back included). */
export class Sampler {
  readonly #fn: () => void;
  readonly #opts: TimingOptions;
  readonly #policy: SamplerPolicy;
  readonly #samples: number[] = [];
  #spentMs = 0;
  #warmups = 0;
  #minReps: number;

  constructor(fn: () => void, opts: TimingOptions, policy: SamplerPolicy = {}) {
    this.#fn = fn;
    this.#opts = opts;
    this.#policy = policy;
    this.#minReps = opts.minReps;
  }

  /** Untimed runs (JIT, caches, lazy set-up): at least `minWarmup`, and until `warmupMs` is spent. */
  warmUp(): void {
    const { warmupMs, minWarmup = 1, maxReps, budgetMs, minReps } = this.#opts;
    const cap = this.#policy.capWarmup ? maxReps : Infinity;
    let lastMs = 0;
    const start = performance.now();
    do {
      const t0 = performance.now();
      this.#fn();
      lastMs = performance.now() - t0;
      this.#warmups++;
    } while ((this.#warmups < minWarmup || performance.now() - start < warmupMs) && this.#warmups < cap);
    if (this.#policy.adaptMinReps) {
      this.#minReps = lastMs > budgetMs ? 1 : lastMs * minReps > 2 * budgetMs ? 2 : minReps;
    }
  }

  /** Whether enough samples were taken. */
  get done(): boolean {
    const n = this.#samples.length;
    return n >= this.#opts.maxReps || (n >= this.#minReps && this.#spentMs >= this.#opts.budgetMs);
  }

  /** Timed runs for one chunk of the budget (at least one run unless already done). */
  sampleChunk(): void {
    const chunkMs = this.#opts.budgetMs / this.#opts.rounds;
    const start = performance.now();
    while (!this.done) {
      const t0 = performance.now();
      this.#fn();
      const dt = performance.now() - t0;
      this.#samples.push(dt);
      this.#spentMs += dt;
      if (performance.now() - start >= chunkMs) break;
    }
  }

  result(): Timing {
    const sorted = [...this.#samples].sort((a, b) => a - b);
    return {
      medianMs: median(sorted),
      minMs: sorted[0]!,
      maxMs: sorted[sorted.length - 1]!,
      reps: sorted.length,
      warmups: this.#warmups,
    };
  }
}
