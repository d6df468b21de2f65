/**
 * Runs one workload on every engine: a fresh trainer per engine from the same initial weights and
 * batches, its first steps' losses recorded (the parity check), a warm-up pass, then timed passes
 * over the slice taken in round-robin chunks across engines (bench-kit's Sampler), so a change in
 * machine load hits every engine alike.
 */
import { Sampler, type Timing, type TimingOptions } from '../../../../scripts/bench-kit/timing.js';
import { relativeDiffs, withinTolerance } from '../parity.js';
import { loadBatches } from './data.js';
import { errorText, useBackend, type Engines } from './engines.js';
import { MODELS } from './models.js';
import { nnTrainer, tfMinimizeTrainer, type Trainer } from './trainers.js';
import { ENGINES, type EngineId, type Workload } from './workloads.js';

/** Steps whose losses are compared across engines before timing. */
export const CHECKED_STEPS = 3;
/** Seed of the initial weights and of the batch order. */
const SEED = 0;

export type Cell =
  | ({ status: 'ok'; samplesPerSecond: number; losses: number[] } & Timing)
  | { status: 'unavailable' | 'error'; reason: string };

export interface Row {
  id: string;
  model: string;
  batch: number;
  /** Batches per timed pass. */
  slice: number;
  cells: Record<EngineId, Cell>;
  /** Relative loss difference to @nn at each checked step, per TF.js engine. */
  lossDiff: Partial<Record<EngineId, number[]>>;
  lossesAgree: boolean;
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

/** Measures `w` on @nn, TF.js cpu and TF.js wasm. */
export async function runWorkload(w: Workload, engines: Engines, timing: TimingOptions, quick: boolean): Promise<Row> {
  const slice = quick ? w.slice.quick : w.slice.full;
  const spec = MODELS[w.model];
  const { batches } = await loadBatches(w.batch, Math.max(slice, CHECKED_STEPS), SEED);
  const slots: Slot[] = [];
  let weights: readonly Float32Array[] | null = null;
  for (const { id } of ENGINES) {
    const slot: Slot = {
      id,
      activate: async () => {},
      create: null,
      trainer: null,
      sampler: null,
      losses: [],
      failure: null,
    };
    slots.push(slot);
    if (id === 'nn') {
      slot.create = () => {
        const t = nnTrainer(spec, batches, SEED);
        weights = t.initialWeights;
        return t;
      };
      continue;
    }
    const backend = id === 'tfjs-cpu' ? 'cpu' : 'wasm';
    const { tf, layers } = engines;
    const availability = engines[backend];
    if (tf === null || layers === null || !availability.ok) {
      const reason = !availability.ok ? availability.reason : (engines.layersReason ?? 'TF.js not loaded');
      slot.failure = { status: 'unavailable', reason };
      continue;
    }
    // TF.js backends are global state: make this one active before each of its chunks.
    slot.activate = () => useBackend(tf, backend);
    slot.create = () => {
      if (weights === null) throw new Error('no @nn initial weights to copy (the @nn trainer failed)');
      return tfMinimizeTrainer(tf, layers, spec, batches, weights);
    };
  }
  const pass = (trainer: Trainer) => () => {
    for (let k = 0; k < slice; k++) trainer.step();
  };
  for (const slot of slots) {
    await guarded(slot, (s) => {
      s.trainer = s.create!();
      for (let k = 0; k < CHECKED_STEPS; k++) s.losses.push(s.trainer.step());
      s.sampler = new Sampler(pass(s.trainer), timing, { capWarmup: true, adaptMinReps: true });
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
      const samplesPerSecond = (slice * w.batch) / (t.medianMs / 1000);
      cells[slot.id] = { status: 'ok', ...t, samplesPerSecond, losses: slot.losses };
    }
  }
  const lossDiff: Partial<Record<EngineId, number[]>> = {};
  const ref = cells.nn;
  let lossesAgree = ref.status === 'ok';
  if (ref.status === 'ok') {
    for (const { id } of ENGINES) {
      const c = cells[id];
      if (id === 'nn' || c.status !== 'ok') continue;
      lossDiff[id] = relativeDiffs(ref.losses, c.losses);
      if (!withinTolerance(lossDiff[id])) lossesAgree = false;
    }
  }
  return { id: w.id, model: spec.description, batch: w.batch, slice, cells, lossDiff, lossesAgree };
}
