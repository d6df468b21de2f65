import { UsageError } from './errors.js';
import { FLAGS, type CommandName, type FlagSpec } from './flags.js';

/** The two networks the trainer knows (see models.ts). */
export type ModelKind = 'mlp' | 'cnn';
/** The optimizers `--optimizer` accepts. */
export type OptimizerKind = 'adam' | 'sgd' | 'adamw';
/** How `predict` decides whether to invert an image (MNIST digits are white on black). */
export type InvertMode = 'auto' | 'yes' | 'no';
/** How `predict` brings an image to 28×28 (see preprocess.ts). */
export type FitMode = 'auto' | 'mnist' | 'resize';

/** The engines `--backend` accepts: the CPU backend, or gpu.js in its best Node mode or a named one. */
export const BACKEND_NAMES = ['cpu', 'gpujs', 'gpujs:webasm', 'gpujs:headlessgl', 'gpujs:cpu'] as const;
/** What `--backend` names. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Where the digits come from (`--data`). */
export type DataSpec =
  | { source: 'bundled' }
  | { source: 'fashion'; dir?: string }
  | { source: 'dir'; dir: string }
  | { source: 'download'; cacheDir?: string };

/** `train` (the default command). */
export interface TrainArgs {
  command: 'train';
  model: ModelKind;
  data: DataSpec;
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: OptimizerKind;
  seed: number;
  augment: boolean;
  out: string;
  /** Use at most this many training and this many test images (evenly spaced); undefined = all. */
  limit: number | undefined;
  quiet: boolean;
  /** The engine the network trains on. */
  backend: BackendName;
}

/** `evaluate <model>`. */
export interface EvaluateArgs {
  command: 'evaluate';
  modelPath: string;
  /** Undefined: the data the model was trained on, as stored in the file. */
  data: DataSpec | undefined;
  limit: number | undefined;
  quiet: boolean;
  /** The engine the network runs on. */
  backend: BackendName;
}

/** `predict <model> <image>`. */
export interface PredictArgs {
  command: 'predict';
  modelPath: string;
  imagePath: string;
  top: number;
  invert: InvertMode;
  fit: FitMode;
}

/** `--help` / `help [command]`. */
export interface HelpArgs {
  command: 'help';
  topic: CommandName | undefined;
}

/** What the command line asked for. */
export type CliArgs = TrainArgs | EvaluateArgs | PredictArgs | HelpArgs;

const COMMANDS: readonly CommandName[] = ['train', 'evaluate', 'predict'];

/** Flags split from positionals: raw values by flag name (`true` for a boolean flag). */
interface Tokens {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Edit distance, for "did you mean" hints on unknown flags and choices. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    row = next;
  }
  return row[b.length]!;
}

/** `' (did you mean X?)'` for the closest candidate within 2 edits, else `''`. */
export function suggestion(got: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(got, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best === undefined ? '' : ` (did you mean ${best}?)`;
}

function tokenize(argv: readonly string[]): Tokens {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const byName = new Map(FLAGS.map((f) => [f.name, f]));
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-h') {
      flags.set('--help', true);
      continue;
    }
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new UsageError(`unknown option ${name}${suggestion(name, [...byName.keys()])}; see --help`);
    }
    if (flags.has(name)) throw new UsageError(`${name} is given more than once`);
    if (spec.metavar === undefined) {
      if (eq >= 0) throw new UsageError(`${name} takes no value, got "${token.slice(eq + 1)}"`);
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = token.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value: ${name} ${spec.metavar}`);
    flags.set(name, value);
  }
  return { positionals, flags };
}

/** Parses `raw` as an integer in `[min, max]`. */
function integer(flag: string, raw: string, min: number, max: number): number {
  const value = /^[+]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} expects a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Parses `raw` as a finite positive number (`1e-3`, `0.01`). */
function positiveNumber(flag: string, raw: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} expects a positive number, got "${raw}"`);
  return value;
}

function choice<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`${flag} expects one of ${choices.join(', ')}, got "${raw}"${suggestion(raw, choices)}`);
}

/** Parses a `--data` value: `bundled`, `fashion`, `fashion:<dir>`, `dir:<path>` or `download`. */
export function parseDataSpec(raw: string, cacheDir?: string): DataSpec {
  const colon = raw.indexOf(':');
  const kind = colon < 0 ? raw : raw.slice(0, colon);
  const rest = colon < 0 ? undefined : raw.slice(colon + 1);
  const forms = ['bundled', 'fashion', 'fashion:<dir>', 'dir:<path>', 'download'];
  if (rest === '') throw new UsageError(`--data ${raw} needs a directory after the colon, e.g. --data ${kind}:./mnist`);
  if (cacheDir !== undefined && kind !== 'download') throw new UsageError('--cache-dir only applies with --data download');
  if (kind === 'bundled' && rest === undefined) return { source: 'bundled' };
  if (kind === 'download' && rest === undefined) return cacheDir === undefined ? { source: 'download' } : { source: 'download', cacheDir };
  if (kind === 'fashion') return rest === undefined ? { source: 'fashion' } : { source: 'fashion', dir: rest };
  if (kind === 'dir' && rest !== undefined) return { source: 'dir', dir: rest };
  throw new UsageError(`--data expects one of ${forms.join(', ')}, got "${raw}"${suggestion(kind, ['bundled', 'fashion', 'dir', 'download'])}`);
}

/** The short name of a data source, used in default output directories (`bundled`, `fashion`, `dir`, `download`). */
export function dataName(spec: DataSpec): string {
  return spec.source;
}

function checkFlagsAllowed(command: CommandName, flags: Map<string, string | true>): void {
  for (const name of flags.keys()) {
    const spec = FLAGS.find((f) => f.name === name) as FlagSpec;
    if (!spec.commands.includes(command)) {
      const where = spec.commands.filter((c) => c !== command).join(' and ');
      throw new UsageError(`${name} does not apply to ${command} (only to ${where})`);
    }
  }
}

function checkPositionals(command: CommandName, got: readonly string[], names: readonly string[]): void {
  if (got.length < names.length) {
    throw new UsageError(`${command} needs ${names.map((n) => `<${n}>`).join(' ')}; missing <${names[got.length]!}>`);
  }
  if (got.length > names.length) throw new UsageError(`unexpected argument "${got[names.length]!}" for ${command}`);
}

function trainArgs(flags: Map<string, string | true>, positionals: readonly string[]): TrainArgs {
  checkPositionals('train', positionals, []);
  const str = (name: string): string | undefined => flags.get(name) as string | undefined;
  const model = choice('--model', str('--model') ?? 'mlp', ['mlp', 'cnn'] as const);
  const data = parseDataSpec(str('--data') ?? 'bundled', str('--cache-dir'));
  const limit = str('--limit');
  return {
    command: 'train',
    model,
    data,
    epochs: integer('--epochs', str('--epochs') ?? '5', 1, 10_000),
    batchSize: integer('--batch-size', str('--batch-size') ?? '64', 1, 65_536),
    lr: positiveNumber('--lr', str('--lr') ?? '1e-3'),
    optimizer: choice('--optimizer', str('--optimizer') ?? 'adam', ['adam', 'sgd', 'adamw'] as const),
    seed: integer('--seed', str('--seed') ?? '0', 0, 2 ** 32 - 1),
    augment: flags.has('--augment'),
    out: str('--out') ?? `runs/mnist-${model}-${dataName(data)}`,
    limit: limit === undefined ? undefined : integer('--limit', limit, 1, 1e9),
    quiet: flags.has('--quiet'),
    backend: choice('--backend', str('--backend') ?? 'cpu', BACKEND_NAMES),
  };
}

function evaluateArgs(flags: Map<string, string | true>, positionals: readonly string[]): EvaluateArgs {
  checkPositionals('evaluate', positionals, ['model.safetensors']);
  const data = flags.get('--data') as string | undefined;
  const cacheDir = flags.get('--cache-dir') as string | undefined;
  if (data === undefined && cacheDir !== undefined) throw new UsageError('--cache-dir only applies with --data download');
  const limit = flags.get('--limit') as string | undefined;
  return {
    command: 'evaluate',
    modelPath: positionals[0]!,
    data: data === undefined ? undefined : parseDataSpec(data, cacheDir),
    limit: limit === undefined ? undefined : integer('--limit', limit, 1, 1e9),
    quiet: flags.has('--quiet'),
    backend: choice('--backend', (flags.get('--backend') as string | undefined) ?? 'cpu', BACKEND_NAMES),
  };
}

function predictArgs(flags: Map<string, string | true>, positionals: readonly string[]): PredictArgs {
  checkPositionals('predict', positionals, ['model.safetensors', 'image.png|image.pgm']);
  const str = (name: string): string | undefined => flags.get(name) as string | undefined;
  return {
    command: 'predict',
    modelPath: positionals[0]!,
    imagePath: positionals[1]!,
    top: integer('--top', str('--top') ?? '3', 1, 1000),
    invert: choice('--invert', str('--invert') ?? 'auto', ['auto', 'yes', 'no'] as const),
    fit: choice('--fit', str('--fit') ?? 'auto', ['auto', 'mnist', 'resize'] as const),
  };
}

/**
 * Parses the command line (without `node` and the script): an optional command (`train`,
 * `evaluate`, `predict`, `help`) then its positionals and flags in any order. Flags take their
 * value as `--flag value` or `--flag=value`; `--` ends the flags.
 * @throws UsageError for an unknown or repeated flag, a missing or bad value, a flag that does not
 *   apply to the command, or missing/extra positionals.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const { positionals, flags } = tokenize(argv);
  const first = positionals[0];
  if (first === 'help') {
    const topic = positionals[1];
    if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]!}" for help`);
    return { command: 'help', topic: topic === undefined ? undefined : choice('help', topic, COMMANDS) };
  }
  const named = first !== undefined && (COMMANDS as readonly string[]).includes(first);
  const command: CommandName = named ? (first as CommandName) : 'train';
  if (flags.has('--help')) return { command: 'help', topic: named ? command : undefined };
  const rest = named ? positionals.slice(1) : positionals;
  if (!named && first !== undefined) {
    throw new UsageError(`unknown command "${first}"${suggestion(first, [...COMMANDS, 'help'])}; expected train, evaluate, predict or help`);
  }
  checkFlagsAllowed(command, flags);
  if (command === 'evaluate') return evaluateArgs(flags, rest);
  if (command === 'predict') return predictArgs(flags, rest);
  return trainArgs(flags, rest);
}
