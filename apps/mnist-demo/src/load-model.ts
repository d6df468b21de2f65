import type { Sequential } from '@nn/layers';
import { loadSafetensorsFile } from '@nn/layers/node';
import { readUserFile, stripPrefix, UsageError } from './errors.js';
import { decodeMetadata, type ModelMetadata } from './metadata.js';
import { buildModel } from './models.js';

/**
 * Loads a model saved by `train`: reads the safetensors file, rebuilds the network named in its
 * metadata and loads the weights (every key and shape must match).
 * @throws UsageError for a missing or malformed file, a file not saved by this trainer, or weights
 *   that do not fit the network.
 */
export async function loadSavedModel(path: string): Promise<{ model: Sequential; metadata: ModelMetadata }> {
  const { tensors, metadata } = await readUserFile('model', path, () => loadSafetensorsFile(path));
  try {
    const meta = decodeMetadata(path, metadata);
    const model = buildModel(meta.model);
    try {
      model.loadStateDict(tensors);
    } catch (error) {
      model.dispose();
      throw new UsageError(`model ${path} does not fit a ${meta.model}: ${stripPrefix(error instanceof Error ? error.message : String(error))}`);
    }
    return { model, metadata: meta };
  } finally {
    for (const t of Object.values(tensors)) t.dispose();
  }
}
