/** Command-line options of `pnpm bench` in apps/mnist-demo. */
import type { TimingOptions } from '../../../../scripts/bench-kit/timing.js';

export const USAGE = `Training throughput (samples/s) of the MNIST trainer's MLP and CNN: @nn (CPU backend)
beside TF.js (cpu and wasm backends), same model, same initial weights, same batches of the bundled
digits, single-threaded, all in this one process. Also checks that the first losses agree.

Usage: pnpm --filter @nn/mnist-demo bench [-- options] [filters]

  --quick, -q     few batches per timed pass and a short budget (a smoke run, about a minute)
  --budget=MS     timed budget per engine and workload (default 8000; quick 1500)
  --no-json       do not write bench/results/latest.json
  --help, -h      this text
  filters         run only workloads whose id contains one of them: mlp-64, mlp-256, cnn-64, cnn

Prints a markdown table on stdout (progress on stderr). Exit code 1 if the losses disagree, 2 for a
bad command line.
`;

/** A bad command line: `run.ts` prints the message alone and exits with code 2. */
export class UsageError extends Error {}

export interface Args {
  help: boolean;
  quick: boolean;
  writeJson: boolean;
  filters: string[];
  timing: TimingOptions;
}

/** Parses `argv` (without node and the script); throws on an unknown option. */
export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { help: false, quick: false, writeJson: true, filters: [], timing: null as never };
  let budget: number | null = null;
  for (const arg of argv) {
    if (arg === '--') continue;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--quick' || arg === '-q') args.quick = true;
    else if (arg === '--no-json') args.writeJson = false;
    else if (arg.startsWith('--budget=')) {
      budget = Number(arg.slice('--budget='.length));
      if (!Number.isFinite(budget) || budget <= 0)
        throw new UsageError(`--budget needs a positive number of ms, got ${arg}`);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}\n\n${USAGE}`);
    else args.filters.push(arg);
  }
  // One timed repetition = one pass over the workload's slice of batches. An engine whose pass is
  // slower than the whole budget is timed once (bench-kit's adaptMinReps), after one warm-up pass.
  args.timing = args.quick
    ? { warmupMs: 0, minWarmup: 1, budgetMs: 1500, minReps: 2, maxReps: 50, rounds: 2 }
    : { warmupMs: 1000, minWarmup: 1, budgetMs: 8000, minReps: 5, maxReps: 500, rounds: 4 };
  if (budget !== null) args.timing.budgetMs = budget;
  return args;
}
