/** What the benchmark measures: each model at a batch size, over a slice of an epoch. */
import type { ModelKind } from './models.js';

export interface Workload {
  /** `<model>-<batch>`, what filters match. */
  readonly id: string;
  readonly model: ModelKind;
  readonly batch: number;
  /** Batches in one timed pass (the epoch slice), per mode. */
  readonly slice: { readonly full: number; readonly quick: number };
}

export const WORKLOADS: readonly Workload[] = [
  { id: 'mlp-64', model: 'mlp', batch: 64, slice: { full: 32, quick: 4 } },
  { id: 'mlp-256', model: 'mlp', batch: 256, slice: { full: 8, quick: 2 } },
  { id: 'cnn-64', model: 'cnn', batch: 64, slice: { full: 4, quick: 1 } },
];

/** The engines, in table order. */
export const ENGINES = [
  { id: 'nn', label: '@nn cpu' },
  { id: 'tfjs-cpu', label: 'TF.js cpu' },
  { id: 'tfjs-wasm', label: 'TF.js wasm' },
] as const;

export type EngineId = (typeof ENGINES)[number]['id'];
