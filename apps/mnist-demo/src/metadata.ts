import type { DataSpec, ModelKind } from './args.js';
import { UsageError } from './errors.js';

/** The `format` value of the safetensors `__metadata__` of a model saved by this CLI. */
export const MODEL_FORMAT = 'nn-mnist-demo';
/** Bumped when the stored fields change incompatibly. */
export const MODEL_FORMAT_VERSION = '1';

/** What a saved model records about itself, so that `evaluate` and `predict` can rebuild and check it. */
export interface ModelMetadata {
  model: ModelKind;
  /** The data it was trained and tested on (directories absolute). */
  data: DataSpec;
  /** `--limit` of the run, if any: the test subset is then the same evenly spaced one. */
  limit: number | undefined;
  classNames: string[];
  /** Batch size of the evaluation (kept so that `evaluate` does exactly the same arithmetic). */
  evalBatchSize: number;
  testCorrect: number;
  testTotal: number;
  /** The whole training configuration, for people (JSON). */
  config: Record<string, unknown>;
}

/** The metadata as the string map safetensors stores. */
export function encodeMetadata(m: ModelMetadata): Record<string, string> {
  return {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    model: m.model,
    data: JSON.stringify(m.data),
    limit: m.limit === undefined ? '' : String(m.limit),
    classes: JSON.stringify(m.classNames),
    eval_batch_size: String(m.evalBatchSize),
    test_correct: String(m.testCorrect),
    test_total: String(m.testTotal),
    test_accuracy: (m.testCorrect / m.testTotal).toFixed(6),
    config: JSON.stringify(m.config),
  };
}

function parseJson(path: string, key: string, text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    throw new UsageError(`model ${path}: metadata field "${key}" is not valid JSON`);
  }
}

function isDataSpec(v: unknown): v is DataSpec {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  const optionalString = (x: unknown): boolean => x === undefined || typeof x === 'string';
  if (o.source === 'bundled') return true;
  if (o.source === 'fashion' || o.source === 'download') return optionalString(o.dir) && optionalString(o.cacheDir);
  return o.source === 'dir' && typeof o.dir === 'string';
}

function count(path: string, key: string, text: string | undefined, min: number): number {
  const n = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min)) throw new UsageError(`model ${path}: metadata field "${key}" should be a whole number ≥ ${min}, got ${JSON.stringify(text)}`);
  return n;
}

/**
 * Reads the metadata of a model file written by `train`.
 * @throws UsageError when the file was not saved by this CLI or a field is missing or malformed.
 */
export function decodeMetadata(path: string, meta: Record<string, string>): ModelMetadata {
  if (meta.format !== MODEL_FORMAT) {
    throw new UsageError(`model ${path} was not saved by this trainer (no "format": "${MODEL_FORMAT}" in its safetensors metadata)`);
  }
  if (meta.format_version !== MODEL_FORMAT_VERSION) {
    throw new UsageError(`model ${path} has format version ${JSON.stringify(meta.format_version)}; this trainer reads version ${MODEL_FORMAT_VERSION}`);
  }
  const model = meta.model;
  if (model !== 'mlp' && model !== 'cnn') throw new UsageError(`model ${path}: unknown model kind ${JSON.stringify(model)}`);
  const data = parseJson(path, 'data', meta.data);
  if (!isDataSpec(data)) throw new UsageError(`model ${path}: metadata field "data" is not a data source`);
  const classNames = parseJson(path, 'classes', meta.classes);
  if (!Array.isArray(classNames) || classNames.some((c) => typeof c !== 'string')) {
    throw new UsageError(`model ${path}: metadata field "classes" is not a list of names`);
  }
  const config = parseJson(path, 'config', meta.config);
  return {
    model,
    data,
    limit: meta.limit === '' || meta.limit === undefined ? undefined : count(path, 'limit', meta.limit, 1),
    classNames: classNames as string[],
    evalBatchSize: count(path, 'eval_batch_size', meta.eval_batch_size, 1),
    testCorrect: count(path, 'test_correct', meta.test_correct, 0),
    testTotal: count(path, 'test_total', meta.test_total, 1),
    config: config !== null && typeof config === 'object' ? (config as Record<string, unknown>) : {},
  };
}
