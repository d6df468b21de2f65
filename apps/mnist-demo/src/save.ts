import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sequential } from '@nn/layers';
import { saveSafetensorsFile } from '@nn/layers/node';
import { writeFileAtomic } from './atomic-write.js';
import { accuracy, correct, perClass, total, type Confusion } from './confusion.js';
import { encodeMetadata, type ModelMetadata } from './metadata.js';
import type { EpochResult } from './train.js';

/** File names inside the output directory. */
export const MODEL_FILE = 'model.safetensors';
export const METRICS_FILE = 'metrics.json';

/** Everything `metrics.json` records about a run. */
export interface RunRecord {
  metadata: ModelMetadata;
  parameters: number;
  trainSize: number;
  testSize: number;
  epochs: EpochResult[];
  confusion: Confusion;
  /** Wall-clock seconds: loading the data, training (all epochs, evaluation included), the whole run. */
  durations: { loadSeconds: number; trainSeconds: number; totalSeconds: number };
}

/** The JSON document written as `metrics.json`. */
export function metricsJson(run: RunRecord, now: Date = new Date()): Record<string, unknown> {
  const c = run.confusion;
  return {
    format: 'nn-mnist-demo-metrics',
    version: 1,
    createdAt: now.toISOString(),
    config: run.metadata.config,
    model: { kind: run.metadata.model, parameters: run.parameters, file: MODEL_FILE },
    data: { ...run.metadata.data, limit: run.metadata.limit ?? null, train: run.trainSize, test: run.testSize, classes: run.metadata.classNames },
    seed: run.metadata.config.seed,
    epochs: run.epochs,
    test: {
      accuracy: accuracy(c),
      correct: correct(c),
      total: total(c),
      perClass: perClass(c).map((s, i) => ({ class: i, name: run.metadata.classNames[i], ...s })),
      confusionMatrix: c.counts,
      confusionMatrixLayout: 'rows: true class, columns: predicted class',
    },
    durations: run.durations,
    environment: { node: process.version, platform: `${process.platform}-${process.arch}` },
  };
}

/**
 * Saves the run into `dir` (created if needed): the model's state dict as `model.safetensors` with
 * the metadata in its `__metadata__`, and `metrics.json`; both written atomically.
 * @returns the two paths.
 */
export async function saveRun(dir: string, model: Sequential, run: RunRecord): Promise<{ model: string; metrics: string }> {
  await mkdir(dir, { recursive: true });
  const modelPath = join(dir, MODEL_FILE);
  const metricsPath = join(dir, METRICS_FILE);
  await saveSafetensorsFile(modelPath, model.stateDict(), { metadata: encodeMetadata(run.metadata) });
  await writeFileAtomic(metricsPath, `${JSON.stringify(metricsJson(run), null, 2)}\n`);
  return { model: modelPath, metrics: metricsPath };
}
