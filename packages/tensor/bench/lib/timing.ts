/**
 * Wall-clock sampling. Each engine gets a `Sampler`; the executor warms every engine up and then
 * takes its timed samples in short chunks, round-robin across engines, so a change in machine load
 * during a workload hits every engine alike. The statistic is the median sample.
 */
import { performance } from 'node:perf_hooks';

export interface TimingOptions {
  /** Warm-up time per engine (at least one untimed run). */
  warmupMs: number;
  /** Timed budget per engine and workload: sampling stops once it is spent and `minReps` are done. */
  budgetMs: number;
  /** Timed repetitions wanted at least (fewer only when single runs are slower than the budget). */
  minReps: number;
  /** Timed repetitions at most. */
  maxReps: number;
  /** Chunks the budget is split into (the round-robin granularity). */
  rounds: number;
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

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times one engine's `fn` (which must do the whole op, including the read-back). */
export class Sampler {
  readonly #fn: () => void;
  readonly #opts: TimingOptions;
  readonly #samples: number[] = [];
  #spentMs = 0;
  #warmups = 0;
  #minReps: number;

  constructor(fn: () => void, opts: TimingOptions) {
    this.#fn = fn;
    this.#opts = opts;
    this.#minReps = opts.minReps;
  }

  /** Untimed runs for `warmupMs` (at least one): JIT, caches, lazy set-up. */
  warmUp(): void {
    let lastMs = 0;
    const start = performance.now();
    do {
      const t0 = performance.now();
      this.#fn();
      lastMs = performance.now() - t0;
      this.#warmups++;
    } while (performance.now() - start < this.#opts.warmupMs && this.#warmups < this.#opts.maxReps);
    // A run slower than the whole budget gets fewer reps so one slow engine cannot stall the suite.
    const { budgetMs, minReps } = this.#opts;
    this.#minReps = lastMs > budgetMs ? 1 : lastMs * minReps > 2 * budgetMs ? 2 : minReps;
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
