/**
 * The "same computation" check: the first training steps of @nn and of TF.js, from the same
 * initial weights on the same batches of bundled digits, must give the same losses. Used by the
 * benchmark (bench/run.ts) on every workload, and on its own by a test:
 *
 *   const r = await checkParity({ model: 'mlp', batch: 8, steps: 3 });
 *   r.agree; // true: every |loss − @nn loss| / max(1, |@nn loss|) ≤ PARITY_TOLERANCE
 *
 * Run directly (`tsx --conditions=@nn/source bench/parity.ts [mlp|cnn] [batch]`) it prints the losses.
 */
import { pathToFileURL } from 'node:url';
import { loadBatches } from './lib/data.js';
import { errorText, loadEngines, useBackend, type Engines } from './lib/engines.js';
import { MODELS, type ModelKind } from './lib/models.js';
import { nnTrainer, tfMinimizeTrainer } from './lib/trainers.js';
import { registerWasmConv2DBackpropFilter } from './lib/wasm-conv-filter-grad.js';

/**
 * Largest accepted |loss − @nn's loss| / max(1, |@nn's loss|) at each checked step. Observed:
 * below 1e-6 (float32 rounding in a different summation order); a wrong gradient or update rule
 * moves the second loss by 1e-3 or more.
 */
export const PARITY_TOLERANCE = 1e-4;

/** Relative differences of `losses` against `reference`, step by step. */
export function relativeDiffs(reference: readonly number[], losses: readonly number[]): number[] {
  return losses.map((l, k) => Math.abs(l - reference[k]!) / Math.max(1, Math.abs(reference[k]!)));
}

/** Whether every difference is within `PARITY_TOLERANCE` (and finite). */
export function withinTolerance(diffs: readonly number[]): boolean {
  return diffs.every((d) => d <= PARITY_TOLERANCE);
}

export interface ParityOptions {
  model?: ModelKind;
  batch?: number;
  /** Training steps compared (default 3). */
  steps?: number;
  /** TF.js backends to compare with (default ['cpu']). */
  backends?: readonly ('cpu' | 'wasm')[];
  /** Seed of the initial weights (`new Generator(seed)`) and of the batch order (default 0). */
  seed?: number;
  /** TF.js, if already loaded. */
  engines?: Engines;
}

export interface ParityResult {
  model: ModelKind;
  batch: number;
  /** Where the digits came from. */
  source: string;
  /** Loss of each step: @nn's, then each TF.js backend's. */
  losses: { nn: number[] } & Partial<Record<'tfjs-cpu' | 'tfjs-wasm', number[]>>;
  /** Relative difference to @nn per step, per TF.js backend. */
  diffs: Partial<Record<'tfjs-cpu' | 'tfjs-wasm', number[]>>;
  /** True when every backend asked for ran and agreed within `PARITY_TOLERANCE`. */
  agree: boolean;
  /** Why a backend could not run (then `agree` is false). */
  errors: string[];
}

/** Trains a fresh @nn model and the same TF.js model(s) `steps` steps and compares the losses. */
export async function checkParity(options: ParityOptions = {}): Promise<ParityResult> {
  const { model = 'mlp', batch = 8, steps = 3, backends = ['cpu'], seed = 0 } = options;
  const spec = MODELS[model];
  const { source, batches } = await loadBatches(batch, steps, seed);
  const nn = nnTrainer(spec, batches, seed);
  const result: ParityResult = { model, batch, source, losses: { nn: [] }, diffs: {}, agree: true, errors: [] };
  try {
    for (let k = 0; k < steps; k++) result.losses.nn.push(nn.step());
  } finally {
    nn.dispose();
  }
  const engines = options.engines ?? (await loadEngines());
  for (const backend of backends) {
    const id = backend === 'cpu' ? 'tfjs-cpu' : 'tfjs-wasm';
    try {
      const { tf, layers } = engines;
      const available = engines[backend];
      if (tf === null || layers === null) throw new Error(engines.layersReason ?? 'TF.js not loaded');
      if (!available.ok) throw new Error(available.reason);
      if (backend === 'wasm') registerWasmConv2DBackpropFilter(tf);
      await useBackend(tf, backend);
      const trainer = tfMinimizeTrainer(tf, layers, spec, batches, nn.initialWeights);
      const losses: number[] = [];
      try {
        for (let k = 0; k < steps; k++) losses.push(trainer.step());
      } finally {
        trainer.dispose();
      }
      result.losses[id] = losses;
      result.diffs[id] = relativeDiffs(result.losses.nn, losses);
      if (!withinTolerance(result.diffs[id])) result.agree = false;
    } catch (e) {
      result.errors.push(`${id}: ${errorText(e)}`);
      result.agree = false;
    }
  }
  return result;
}

async function main(): Promise<void> {
  const [model = 'mlp', batch = '8'] = process.argv.slice(2).filter((a) => a !== '--');
  if (model !== 'mlp' && model !== 'cnn') throw new Error(`usage: parity.ts [mlp|cnn] [batch]; got ${model}`);
  const r = await checkParity({ model, batch: Number(batch), backends: ['cpu', 'wasm'] });
  console.log(JSON.stringify(r, null, 2));
  if (!r.agree) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(errorText(e));
    process.exitCode = 1;
  });
}
