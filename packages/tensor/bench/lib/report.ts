/** Result records (also the JSON schema of results/latest.json). */
import type { EngineId } from './types.js';

/** One engine's outcome on one workload. */
export type Cell =
  | {
      status: 'ok';
      /** Median wall time of one run (op + dataSync + dispose), ms. */
      medianMs: number;
      minMs: number;
      maxMs: number;
      reps: number;
      warmups: number;
      /** `work / median seconds`, in the workload's unit. */
      throughput: number;
    }
  /** The @nn op (or its CPU kernel) does not exist yet. */
  | { status: 'missing'; reason: string }
  /** The engine itself failed to load. */
  | { status: 'unavailable'; reason: string }
  /** The op exists but threw. */
  | { status: 'error'; reason: string }
  /** Not selected on the command line. */
  | { status: 'skipped'; reason: string };

/** Agreement of one engine's result with the reference engine's. */
export interface Agreement {
  /** Engine compared against (tfjs-cpu, else the first engine that ran). */
  against: EngineId;
  /** max |a − b| / max(1, max |reference|); Infinity when lengths differ or NaN appears in only one. */
  error: number;
  ok: boolean;
}

export interface Row {
  id: string;
  group: string;
  label: string;
  unit: string;
  work: number;
  note?: string;
  cells: Record<EngineId, Cell>;
  /** @nn throughput ÷ TF.js throughput (> 1: @nn faster); null when either side did not run. */
  ratio: { 'tfjs-cpu': number | null; 'tfjs-wasm': number | null };
  /** Cross-check per engine (null for the reference engine and engines that did not run). */
  agreement: Record<EngineId, Agreement | null>;
}

/** Tolerance of the cross-check (relative to the result's scale). */
export const AGREEMENT_TOLERANCE = 1e-3;
