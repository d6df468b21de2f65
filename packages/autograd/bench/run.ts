/**
 * `pnpm bench` in @nn/autograd: one training step (forward + backward + SGD update, loss read back)
 * of a 784-128-64-10 MLP with ReLU and softmax cross-entropy, at batch 64 and 256, on @nn's CPU
 * backend (with `backward` and with `valueAndGrad`) beside TF.js (`tf.variableGrads` on its cpu
 * and wasm backends), all in this one process with the same initial weights and batches. Prints a
 * markdown table of samples/s and writes bench/results/latest.json.
 *
 *   pnpm bench [-- --quick] [--budget=MS] [--no-json]
 */
import os from 'node:os';
import { writeLatestJson } from '../../../scripts/bench-kit/results.js';
import { Sampler, type Timing, type TimingOptions } from '../../../scripts/bench-kit/timing.js';
import { batches, initialParams, LAYERS, type Batch, type Params } from './lib/data.js';
import { errorText, loadTF, type TFEngines } from './lib/engines.js';
import { nnBackwardTrainer, nnValueAndGradTrainer, tfTrainer, type Trainer } from './lib/trainers.js';

const BATCH_SIZES = [64, 256] as const;
const LEARNING_RATE = 0.05;
/** Batches cycled through (the same for every engine). */
const BATCH_COUNT = 4;
/** Steps whose losses are compared across engines before timing. */
const CHECKED_STEPS = 3;
/**
 * Largest |loss − reference loss| / max(1, |reference|) accepted: the first step's loss (same
 * weights, same batch) must agree to float32 accuracy; the next ones, after SGD updates, only
 * closely (a ReLU input within float32 rounding of 0 can flip between engines that sum in a
 * different order, which moves later losses by about 1e-3, while a wrong gradient moves them by
 * far more).
 */
const LOSS_TOLERANCE = [1e-4, 1e-2, 1e-2] as const;

const ENGINES = [
  { id: 'nn-backward', label: '@nn cpu, backward' },
  { id: 'nn-valueAndGrad', label: '@nn cpu, valueAndGrad' },
  { id: 'tfjs-cpu', label: 'TF.js cpu' },
  { id: 'tfjs-wasm', label: 'TF.js wasm' },
] as const;
type EngineId = (typeof ENGINES)[number]['id'];
const REFERENCE: EngineId = 'tfjs-cpu';

type Cell =
  | ({ status: 'ok'; samplesPerSecond: number; losses: number[] } & Timing)
  | { status: 'unavailable' | 'error'; reason: string };

interface Row {
  batch: number;
  cells: Record<EngineId, Cell>;
  /** Relative loss difference of each checked step against the reference engine, per engine. */
  lossDiff: Partial<Record<EngineId, number[]>>;
  lossesAgree: boolean;
}

function parseArgs(argv: readonly string[]): { timing: TimingOptions; quick: boolean; json: boolean } {
  let quick = false;
  let json = true;
  let budget: number | null = null;
  for (const arg of argv) {
    if (arg === '--') continue;
    else if (arg === '--quick' || arg === '-q') quick = true;
    else if (arg === '--no-json') json = false;
    else if (arg.startsWith('--budget=')) {
      budget = Number(arg.slice('--budget='.length));
      if (!Number.isFinite(budget) || budget <= 0)
        throw new Error(`--budget needs a positive number of ms, got ${arg}`);
    } else throw new Error(`unknown argument ${arg}; usage: pnpm bench [-- --quick] [--budget=MS] [--no-json]`);
  }
  const timing: TimingOptions = quick
    ? { warmupMs: 100, minWarmup: 2, budgetMs: 400, minReps: 3, maxReps: 100, rounds: 2 }
    : { warmupMs: 500, minWarmup: 3, budgetMs: 3000, minReps: 10, maxReps: 2000, rounds: 5 };
  if (budget !== null) timing.budgetMs = budget;
  return { timing, quick, json };
}

interface Slot {
  id: EngineId;
  activate: () => Promise<void>;
  create: (() => Trainer) | null;
  trainer: Trainer | null;
  sampler: Sampler | null;
  losses: number[];
  failure: Cell | null;
}

function makeSlots(tfe: TFEngines, params: Params, data: readonly Batch[]): Slot[] {
  return ENGINES.map(({ id }): Slot => {
    const slot: Slot = {
      id,
      activate: async () => {},
      create: null,
      trainer: null,
      sampler: null,
      losses: [],
      failure: null,
    };
    if (id === 'nn-backward') slot.create = () => nnBackwardTrainer(params, data, LEARNING_RATE);
    else if (id === 'nn-valueAndGrad') slot.create = () => nnValueAndGradTrainer(params, data, LEARNING_RATE);
    else {
      const backend = id === 'tfjs-cpu' ? 'cpu' : 'wasm';
      const availability = tfe[backend];
      const tf = tfe.tf;
      if (!availability.ok || tf === null) {
        slot.failure = { status: 'unavailable', reason: availability.ok ? 'TF.js not loaded' : availability.reason };
        return slot;
      }
      // TF.js backends are global state: make this one active before each of its chunks.
      slot.activate = async () => {
        if (tf.getBackend() !== backend && !(await tf.setBackend(backend)))
          throw new Error(`tf.setBackend('${backend}') failed`);
      };
      slot.create = () => tfTrainer(tf, params, data, LEARNING_RATE);
    }
    return slot;
  });
}

async function guarded(slot: Slot, fn: (s: Slot) => void): Promise<void> {
  if (slot.failure !== null) return;
  try {
    await slot.activate();
    fn(slot);
  } catch (e) {
    slot.failure = { status: 'error', reason: errorText(e) };
    try {
      slot.trainer?.dispose();
    } catch {
      // best effort after a failure
    }
    slot.trainer = null;
  }
}

async function runBatch(batch: number, tfe: TFEngines, timing: TimingOptions): Promise<Row> {
  const params = initialParams();
  const data = batches(batch, BATCH_COUNT);
  const slots = makeSlots(tfe, params, data);
  // Fresh models from the same weights: the first steps' losses must agree across engines.
  for (const slot of slots) {
    await guarded(slot, (s) => {
      s.trainer = s.create!();
      for (let k = 0; k < CHECKED_STEPS; k++) s.losses.push(s.trainer.step());
      const trainer = s.trainer;
      s.sampler = new Sampler(() => void trainer.step(), timing);
      s.sampler.warmUp();
    });
  }
  for (let round = 0; round < timing.rounds * 50; round++) {
    const pending = slots.filter((s) => s.failure === null && !s.sampler!.done);
    if (pending.length === 0) break;
    for (const slot of pending) await guarded(slot, (s) => s.sampler!.sampleChunk());
  }
  const cells = {} as Record<EngineId, Cell>;
  for (const slot of slots) {
    await guarded(slot, (s) => {
      s.trainer!.dispose();
      s.trainer = null;
    });
    if (slot.failure !== null) cells[slot.id] = slot.failure;
    else {
      const t = slot.sampler!.result();
      cells[slot.id] = { status: 'ok', ...t, samplesPerSecond: batch / (t.medianMs / 1000), losses: slot.losses };
    }
  }
  const okLosses = (id: EngineId): number[] | null => {
    const c = cells[id];
    return c.status === 'ok' ? c.losses : null;
  };
  const referenceId =
    okLosses(REFERENCE) !== null ? REFERENCE : ENGINES.map((e) => e.id).find((id) => okLosses(id) !== null);
  const lossDiff: Partial<Record<EngineId, number[]>> = {};
  let lossesAgree = referenceId !== undefined;
  if (referenceId !== undefined) {
    const ref = okLosses(referenceId)!;
    for (const { id } of ENGINES) {
      const losses = okLosses(id);
      if (losses === null || id === referenceId) continue;
      const diffs = losses.map((l, k) => Math.abs(l - ref[k]!) / Math.max(1, Math.abs(ref[k]!)));
      lossDiff[id] = diffs;
      if (!diffs.every((d, k) => d <= LOSS_TOLERANCE[k]!)) lossesAgree = false;
    }
  }
  return { batch, cells, lossDiff, lossesAgree };
}

function fmt(x: number): string {
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function cellText(c: Cell): string {
  return c.status === 'ok' ? `${fmt(c.samplesPerSecond)} (${c.medianMs.toFixed(1)} ms)` : c.status;
}

function ratioText(a: Cell, b: Cell): string {
  return a.status === 'ok' && b.status === 'ok' ? `${(a.samplesPerSecond / b.samplesPerSecond).toFixed(2)}×` : '—';
}

function renderTable(rows: readonly Row[]): string {
  const head = [
    'batch',
    ...ENGINES.map((e) => `${e.label} samples/s (median step)`),
    '@nn backward ÷ TF.js cpu',
    '@nn backward ÷ TF.js wasm',
    `losses of steps 1/2/3 vs ${REFERENCE} (rel. diff)`,
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' ---: ' : ' ---: ')).join('|')}|`];
  for (const r of rows) {
    const diffs = ENGINES.filter((e) => r.lossDiff[e.id] !== undefined)
      .map((e) => `${e.id} ${r.lossDiff[e.id]!.map((d) => d.toExponential(0)).join('/')}`)
      .join(', ');
    lines.push(
      `| ${[
        r.batch,
        ...ENGINES.map((e) => cellText(r.cells[e.id])),
        ratioText(r.cells['nn-backward'], r.cells['tfjs-cpu']),
        ratioText(r.cells['nn-backward'], r.cells['tfjs-wasm']),
        `${r.lossesAgree ? 'agree' : '**DISAGREE**'}: ${diffs || '—'}`,
      ].join(' | ')} |`,
    );
  }
  const notes: string[] = [];
  for (const r of rows) {
    for (const e of ENGINES) {
      const c = r.cells[e.id];
      if (c.status !== 'ok') notes.push(`- batch ${r.batch}, ${e.label}: ${c.status} — ${c.reason}`);
    }
  }
  return lines.join('\n') + (notes.length > 0 ? `\n\n${notes.join('\n')}` : '');
}

async function main(): Promise<void> {
  const { timing, quick, json } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const tfe = await loadTF();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const env = [
    `node ${process.version} · ${os.platform()}-${os.arch()} · ${cpu} · ${os.cpus().length} cores`,
    `model: MLP ${LAYERS.join('-')}, ReLU, softmax cross-entropy; one step = forward + backward + SGD (lr ${LEARNING_RATE}) + loss read-back`,
    `@nn/tensor cpu backend + @nn/autograd (sources via @nn/source)`,
    `TF.js ${tfe.version ?? '?'}: cpu ${tfe.cpu.ok ? 'ok' : `UNAVAILABLE — ${tfe.cpu.reason}`}; wasm ${
      tfe.wasm.ok
        ? `ok, SIMD ${tfe.wasmSimd ? 'yes' : 'no'}, ${tfe.wasmThreads ?? '?'} thread(s)`
        : `UNAVAILABLE — ${tfe.wasm.reason}`
    }`,
    `mode: ${quick ? 'quick' : 'full'} (per engine and batch size: ${CHECKED_STEPS} checked steps, warm-up ${timing.warmupMs} ms, then ${timing.budgetMs} ms / ≥ ${timing.minReps} timed steps in ${timing.rounds} round-robin chunks; median)`,
  ];
  console.error(env.join('\n'));
  const rows: Row[] = [];
  for (const batch of BATCH_SIZES) {
    const row = await runBatch(batch, tfe, timing);
    rows.push(row);
    console.error(`  batch ${batch}: ${ENGINES.map((e) => `${e.id} ${cellText(row.cells[e.id])}`).join(' | ')}`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\n## @nn/autograd training-step benchmark\n\n${env.map((l) => `- ${l}`).join('\n')}\n- wall time: ${seconds.toFixed(1)} s\n`,
  );
  console.log(renderTable(rows));
  if (json) {
    const out = {
      date: new Date().toISOString(),
      node: process.version,
      cpu,
      cores: os.cpus().length,
      mode: quick ? 'quick' : 'full',
      timing,
      tfjs: tfe.version,
      wallSeconds: seconds,
      rows,
    };
    writeLatestJson(new URL('./results/', import.meta.url), out);
  }
  if (rows.some((r) => !r.lossesAgree)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
