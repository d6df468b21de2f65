/** Command-line options of `pnpm bench` in packages/backend-gpujs. */
import { CHROMIUM_PATH } from '../../test/chromium.js';
import { DEFAULT_TIMING } from './types.js';

export const USAGE = `The @nn gpu.js backend in a browser: matmul (128², 256², 512², float32, product read back)
and one training step of the MNIST MLP 784→128→64→10 (ReLU, cross-entropy, Adam, batch 64) on
@nn cpu, @nn gpujs webgl2, @nn gpujs webgpu, TF.js webgl and TF.js cpu, all in one page, in one run;
ratios against TF.js webgl measured in the same run.

Usage: pnpm --filter @nn/backend-gpujs bench [-- options] [filters]

  --headed            show the browser window (default: headless)
  --chromium <path>   the Chromium to drive (default ${CHROMIUM_PATH})
  --no-swiftshader    do not force SwiftShader: let Chromium use the machine's GPU
  --serve             only build and serve the page on 127.0.0.1 and print its URL, to open in
                      your own browser (on a real GPU); Ctrl-C stops the server
  --port <n>          port for --serve (default 5178; 0 = any free port)
  --budget <ms>       timed budget per engine and workload (default ${DEFAULT_TIMING.budgetMs})
  --no-json           do not write bench/results/latest.json
  --help, -h          this text
  filters             run only workloads whose id contains one of them: matmul-128, matmul-256,
                      matmul-512, mlp-step (e.g. \`matmul\`)

Prints a markdown table on stdout (progress on stderr). Exit code 1 if a run fails or an engine's
results disagree with @nn cpu, 2 for a bad command line.
`;

/** A bad command line: run.ts prints the message alone and exits with code 2. */
export class UsageError extends Error {}

export interface Args {
  help: boolean;
  headed: boolean;
  chromium: string;
  swiftshader: boolean;
  serve: boolean;
  port: number;
  budgetMs: number;
  writeJson: boolean;
  filters: string[];
}

/** Parses `argv` (without node and the script); throws a `UsageError` on a bad option. */
export function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    help: false,
    headed: false,
    chromium: CHROMIUM_PATH,
    swiftshader: true,
    serve: false,
    port: 5178,
    budgetMs: DEFAULT_TIMING.budgetMs,
    writeJson: true,
    filters: [],
  };
  const rest = [...argv];
  /** The value of `--name value` or `--name=value`. */
  const value = (arg: string, name: string): string => {
    const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest.shift();
    if (v === undefined || v === '') throw new UsageError(`${name} needs a value\n\n${USAGE}`);
    return v;
  };
  const number = (arg: string, name: string, min: number): number => {
    const n = Number(value(arg, name));
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} needs an integer ≥ ${min}, got ${arg}`);
    return n;
  };
  while (rest.length > 0) {
    const arg = rest.shift()!;
    const name = arg.split('=')[0]!;
    if (arg === '--') continue;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--headed') args.headed = true;
    else if (arg === '--no-swiftshader') args.swiftshader = false;
    else if (arg === '--serve') args.serve = true;
    else if (arg === '--no-json') args.writeJson = false;
    else if (name === '--chromium') args.chromium = value(arg, name);
    else if (name === '--port') args.port = number(arg, name, 0);
    else if (name === '--budget') args.budgetMs = number(arg, name, 1);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}\n\n${USAGE}`);
    else args.filters.push(arg);
  }
  return args;
}
