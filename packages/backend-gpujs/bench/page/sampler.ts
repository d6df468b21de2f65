/**
 * bench-kit's sampling (scripts/bench-kit/timing.ts: warm-up, timed runs in chunks taken
 * round-robin across engines, median) for asynchronous work: WebGPU reads are promises, so every
 * run is awaited. bench-kit's `Sampler` itself takes synchronous functions and Node's perf_hooks;
 * this one takes async functions and the page's `performance`, with the same options, policy
 * (`capWarmup` and `adaptMinReps` always on) and `Timing` result.
 */
import type { Timing, TimingOptions } from '../lib/types.js';

/** Times one engine's `fn`, which must do the whole unit of work (read-back included). */
export class AsyncSampler {
  readonly #fn: () => Promise<unknown>;
  readonly #opts: TimingOptions;
  readonly #samples: number[] = [];
  #spentMs = 0;
  #warmups = 0;
  #minReps: number;

  constructor(fn: () => Promise<unknown>, opts: TimingOptions) {
    this.#fn = fn;
    this.#opts = opts;
    this.#minReps = opts.minReps;
  }

  /** Untimed runs: at least `minWarmup` and until `warmupMs` is spent (at most `maxReps`). */
  async warmUp(): Promise<void> {
    const { warmupMs, minWarmup = 1, maxReps, budgetMs, minReps } = this.#opts;
    let lastMs = 0;
    const start = performance.now();
    do {
      const t0 = performance.now();
      await this.#fn();
      lastMs = performance.now() - t0;
      this.#warmups++;
    } while ((this.#warmups < minWarmup || performance.now() - start < warmupMs) && this.#warmups < maxReps);
    // A run slower than the budget is timed once; one that would take over twice the budget, twice.
    this.#minReps = lastMs > budgetMs ? 1 : lastMs * minReps > 2 * budgetMs ? 2 : minReps;
  }

  get done(): boolean {
    const n = this.#samples.length;
    return n >= this.#opts.maxReps || (n >= this.#minReps && this.#spentMs >= this.#opts.budgetMs);
  }

  /** Timed runs for one chunk of the budget (at least one unless already done). */
  async sampleChunk(): Promise<void> {
    const chunkMs = this.#opts.budgetMs / this.#opts.rounds;
    const start = performance.now();
    while (!this.done) {
      const t0 = performance.now();
      await this.#fn();
      const dt = performance.now() - t0;
      this.#samples.push(dt);
      this.#spentMs += dt;
      if (performance.now() - start >= chunkMs) break;
    }
  }

  result(): Timing {
    const s = [...this.#samples].sort((a, b) => a - b);
    const mid = s.length >> 1;
    const medianMs = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
    return { medianMs, minMs: s[0]!, maxMs: s[s.length - 1]!, reps: s.length, warmups: this.#warmups };
  }
}
