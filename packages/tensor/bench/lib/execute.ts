/** Runs one workload on every engine: prepare, time, cross-check. Never throws for an engine's failure. */
import type { NNEngine, TFEngines } from './engines.js';
import { AGREEMENT_TOLERANCE, type Agreement, type Cell, type Row } from './report.js';
import { MissingOpError } from './runners.js';
import { Sampler, type SamplerPolicy, type TimingOptions } from '../../../../scripts/bench-kit/timing.js';
import { ENGINE_IDS, type EngineId, type HostTensor, type Runner, type Workload } from './types.js';

/**
 * Sampling policy: warm-up stops after `maxReps` runs, and a slow workload gets fewer timed reps so
 * one slow engine cannot stall the suite (see scripts/bench-kit/timing.ts).
 */
const POLICY: SamplerPolicy = { capWarmup: true, adaptMinReps: true };

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}`.split('\n')[0]! : String(e);
}

function compare(values: Float32Array, reference: Float32Array): number {
  if (values.length !== reference.length) return Infinity;
  let scale = 1;
  for (let i = 0; i < reference.length; i++) scale = Math.max(scale, Math.abs(reference[i]!));
  let worst = 0;
  for (let i = 0; i < values.length; i++) {
    const a = values[i]!;
    const b = reference[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) {
      if (Number.isNaN(a) !== Number.isNaN(b)) return Infinity;
      continue;
    }
    worst = Math.max(worst, a === b ? 0 : Math.abs(a - b));
  }
  return worst / scale;
}

/** One engine's state while a workload runs. */
interface Slot {
  id: EngineId;
  /** Makes this engine the active one (TF.js backends are global state). */
  activate: () => Promise<void>;
  prepare: (() => Runner) | null;
  runner: Runner | null;
  sampler: Sampler | null;
  /** Set once the outcome is known (a failure, or ok at the end). */
  cell: Cell | null;
  result: Float32Array | null;
}

function failure(e: unknown): Cell {
  const missing = e instanceof MissingOpError || (e instanceof Error && e.name === 'KernelNotFoundError');
  return { status: missing ? 'missing' : 'error', reason: errorText(e) };
}

/** Runs `step` on a live slot; a throw ends the slot with an error/missing cell and frees its inputs. */
async function guarded(slot: Slot, step: (slot: Slot) => void): Promise<void> {
  if (slot.cell !== null) return;
  try {
    await slot.activate();
    step(slot);
  } catch (e) {
    slot.cell = failure(e);
    try {
      slot.runner?.dispose();
    } catch {
      // Freeing inputs after a failure is best effort.
    }
    slot.runner = null;
  }
}

function makeSlots(w: Workload, inputs: HostTensor[], nn: NNEngine, tfe: TFEngines): Slot[] {
  return ENGINE_IDS.map((id): Slot => {
    const slot: Slot = {
      id,
      activate: async () => {},
      prepare: null,
      runner: null,
      sampler: null,
      cell: null,
      result: null,
    };
    if (id === 'nn-cpu') {
      const module = nn.module;
      const missing = module === null ? [] : w.nnOps.filter((name) => typeof module[name] !== 'function');
      if (!nn.availability.ok || module === null) {
        slot.cell = {
          status: 'unavailable',
          reason: nn.availability.ok ? '@nn/tensor not loaded' : nn.availability.reason,
        };
      } else if (missing.length > 0) {
        slot.cell = {
          status: 'missing',
          reason: `@nn/tensor does not export ${missing.map((m) => `\`${m}\``).join(', ')}`,
        };
      } else slot.prepare = () => w.nn(module, inputs);
      return slot;
    }
    const availability = id === 'tfjs-cpu' ? tfe.cpu : tfe.wasm;
    const tf = tfe.tf;
    if (!availability.ok || tf === null) {
      slot.cell = { status: 'unavailable', reason: availability.ok ? 'TF.js not loaded' : availability.reason };
      return slot;
    }
    const backend = id === 'tfjs-cpu' ? 'cpu' : 'wasm';
    slot.activate = async () => {
      if (tf.getBackend() !== backend && !(await tf.setBackend(backend)))
        throw new Error(`tf.setBackend('${backend}') failed`);
    };
    slot.prepare = () => w.tf(tf, inputs);
    return slot;
  });
}

/**
 * Runs one workload on every engine: prepare and warm up each, sample them round-robin in chunks
 * (so load changes hit all engines alike), then read one result from each for the cross-check.
 */
export async function runWorkload(w: Workload, nn: NNEngine, tfe: TFEngines, timing: TimingOptions): Promise<Row> {
  const inputs = w.inputs();
  const slots = makeSlots(w, inputs, nn, tfe);
  for (const slot of slots) {
    await guarded(slot, (s) => {
      s.runner = s.prepare!();
      const runner = s.runner;
      s.sampler = new Sampler(() => runner.run(), timing, POLICY);
      s.sampler.warmUp();
    });
  }
  // Round-robin sampling; the round cap only guards against a sampler that never reports done.
  for (let round = 0; round < timing.rounds * 50; round++) {
    const pending = slots.filter((s) => s.cell === null && !s.sampler!.done);
    if (pending.length === 0) break;
    for (const slot of pending) await guarded(slot, (s) => s.sampler!.sampleChunk());
  }
  for (const slot of slots) {
    await guarded(slot, (s) => {
      s.result = s.runner!.result();
      s.runner!.dispose();
      s.runner = null;
      const t = s.sampler!.result();
      s.cell = { status: 'ok', ...t, throughput: w.work / (t.medianMs / 1000) };
    });
  }
  const cells = {} as Record<EngineId, Cell>;
  const results = {} as Record<EngineId, Float32Array | null>;
  for (const slot of slots) {
    cells[slot.id] = slot.cell!;
    results[slot.id] = slot.result;
  }
  const referenceId: EngineId | undefined =
    results['tfjs-cpu'] !== null ? 'tfjs-cpu' : ENGINE_IDS.find((id) => results[id] !== null);
  const agreement = {} as Record<EngineId, Agreement | null>;
  for (const id of ENGINE_IDS) {
    const values = results[id];
    if (referenceId === undefined || id === referenceId || values === null) agreement[id] = null;
    else {
      const error = compare(values, results[referenceId]!);
      agreement[id] = { against: referenceId, error, ok: error <= AGREEMENT_TOLERANCE };
    }
  }
  const nnCell = cells['nn-cpu'];
  const ratio = (other: EngineId): number | null => {
    const c = cells[other];
    return nnCell.status === 'ok' && c.status === 'ok' ? nnCell.throughput / c.throughput : null;
  };
  return {
    id: w.id,
    group: w.group,
    label: w.label,
    unit: w.unit,
    work: w.work,
    ...(w.note === undefined ? {} : { note: w.note }),
    cells,
    ratio: { 'tfjs-cpu': ratio('tfjs-cpu'), 'tfjs-wasm': ratio('tfjs-wasm') },
    agreement,
  };
}
