/** Shared types of the benchmark harness (see ../run.ts). */
import type * as tfc from '@tensorflow/tfjs-core';
import type { HostTensor } from '../../../../scripts/bench-kit/seeded-data.js';

/** A dense float32 input generated once per workload and handed to every engine. */
export type { HostTensor };

/** The engines a workload runs on, in table order. */
export const ENGINE_IDS = ['nn-cpu', 'tfjs-cpu', 'tfjs-wasm'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** One prepared workload on one engine: inputs live on the engine; `run` does the op and reads it back. */
export interface Runner {
  /** Runs the op once, forces the result with `dataSync()`, frees the output. */
  run(): void;
  /** Runs the op once and returns a copy of the result (in the @nn layout) for the cross-check. */
  result(): Float32Array;
  /** Frees the inputs. */
  dispose(): void;
}

/** The minimal tensor surface the harness uses from @nn (typed structurally, see engines.ts). */
export interface NNTensor {
  readonly shape: readonly number[];
  dataSync(): ArrayLike<number>;
  dispose(): void;
}

/** Optional @nn ops; a workload names the ones it needs and reports the missing ones. */
export type NNFn = (...args: unknown[]) => NNTensor;

/** The part of the `@nn/tensor` module the harness needs: `tensor` plus ops looked up by name. */
export interface NNModule {
  tensor(data: Float32Array, options: { shape: readonly number[] }): NNTensor;
  readonly [name: string]: unknown;
}

/** What an engine-specific factory gets. */
export type TF = typeof tfc;

/** A benchmark case: the same computation on every engine. */
export interface Workload {
  /** Unique id, e.g. `matmul-512`; the CLI filter matches ids and groups. */
  readonly id: string;
  /** Family, e.g. `matmul`. */
  readonly group: string;
  /** Row label of the table. */
  readonly label: string;
  /** Throughput unit, e.g. `GFLOP/s`. */
  readonly unit: string;
  /** Units of work per run: throughput = work / seconds. */
  readonly work: number;
  /** The @nn exports this workload needs (checked before it runs). */
  readonly nnOps: readonly string[];
  /** Footnote text for the table (layouts, how `work` is counted). */
  readonly note?: string;
  /** Deterministic inputs, in the @nn layout. */
  inputs(): HostTensor[];
  /** @nn runner over the host inputs. */
  nn(nn: NNModule, inputs: HostTensor[]): Runner;
  /** TF.js runner (on whichever TF.js backend is active) over the host inputs. */
  tf(tf: TF, inputs: HostTensor[]): Runner;
}
