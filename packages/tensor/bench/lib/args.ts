/** Command-line options of `pnpm bench`. */
import type { TimingOptions } from '../../../../scripts/bench-kit/timing.js';

export interface Args {
  quick: boolean;
  /** Case-insensitive substrings; a workload runs when its id or group contains one (all when empty). */
  filters: string[];
  timing: TimingOptions;
  /** Where the JSON goes; null with --no-json. */
  writeJson: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm bench [-- [--quick] [--budget=MS] [--no-json] [FILTER...]]

  FILTER      run only workloads whose id or group contains it (e.g. matmul, conv2d, add-row, sum)
  --quick     short warm-up and budget (a smoke run, numbers are noisier)
  --budget=MS timed budget per workload and engine (default 1500, quick 150)
  --no-json   do not write bench/results/latest.json
`;

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    quick: false,
    filters: [],
    timing: { warmupMs: 300, budgetMs: 1500, minReps: 5, maxReps: 200, rounds: 5 },
    writeJson: true,
    help: false,
  };
  let budget: number | null = null;
  for (const arg of argv) {
    if (arg === '--') continue;
    else if (arg === '--quick' || arg === '-q') args.quick = true;
    else if (arg === '--no-json') args.writeJson = false;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg.startsWith('--budget=')) {
      budget = Number(arg.slice('--budget='.length));
      if (!Number.isFinite(budget) || budget <= 0)
        throw new Error(`--budget needs a positive number of ms, got ${arg}`);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    else args.filters.push(arg.toLowerCase());
  }
  if (args.quick) args.timing = { warmupMs: 50, budgetMs: 150, minReps: 3, maxReps: 50, rounds: 3 };
  if (budget !== null) args.timing.budgetMs = budget;
  return args;
}
