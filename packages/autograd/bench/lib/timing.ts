/**
 * Wall-clock sampling. Every engine is warmed up, then timed in short chunks taken round-robin
 * across engines, so a change in machine load during a batch size hits every engine alike. The
 * statistic is the median step time.
 */
import { performance } from 'node:perf_hooks';

export interface TimingOptions {
  /** Untimed warm-up per engine (at least `minWarmup` steps). */
  warmupMs: number;
  minWarmup: number;
  /** Timed budget per engine and batch size. */
  budgetMs: number;
  /** Timed steps at least, and at most. */
  minReps: number;
  maxReps: number;
  /** Chunks the budget is split into (the round-robin granularity). */
  rounds: number;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  reps: number;
  warmups: number;
}

/** Times one engine's `step` (which must finish the whole step, loss read back included). */
export class Sampler {
  readonly #step: () => void;
  readonly #opts: TimingOptions;
  readonly #samples: number[] = [];
  #spentMs = 0;
  #warmups = 0;

  constructor(step: () => void, opts: TimingOptions) {
    this.#step = step;
    this.#opts = opts;
  }

  warmUp(): void {
    const start = performance.now();
    do {
      this.#step();
      this.#warmups++;
    } while (this.#warmups < this.#opts.minWarmup || performance.now() - start < this.#opts.warmupMs);
  }

  get done(): boolean {
    const n = this.#samples.length;
    return n >= this.#opts.maxReps || (n >= this.#opts.minReps && this.#spentMs >= this.#opts.budgetMs);
  }

  /** Timed steps for one chunk of the budget (at least one unless done). */
  sampleChunk(): void {
    const chunkMs = this.#opts.budgetMs / this.#opts.rounds;
    const start = performance.now();
    while (!this.done) {
      const t0 = performance.now();
      this.#step();
      const dt = performance.now() - t0;
      this.#samples.push(dt);
      this.#spentMs += dt;
      if (performance.now() - start >= chunkMs) break;
    }
  }

  result(): Timing {
    const s = [...this.#samples].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return {
      medianMs: s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2,
      minMs: s[0]!,
      maxMs: s[s.length - 1]!,
      reps: s.length,
      warmups: this.#warmups,
    };
  }
}
