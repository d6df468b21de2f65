// Loading and decoding of the autograd oracle fixtures (test/fixtures/*.json), written by
// scripts/gen-fixtures/gen_autograd_fixtures.py. The entry format is described in
// scripts/gen-fixtures/gradlib.py; tensors are stored as in @nn/tensor's fixtures and decoded by
// the same code (scripts/oracle/fixtures.ts).
import { cast, isFloat, tensor, type Tensor } from '@nn/tensor';
import { decodeValues, readFixtureJson, type FixtureTensor } from '../../../../scripts/oracle/fixtures.js';

export { decodeNumber, decodeValues, type FixtureTensor } from '../../../../scripts/oracle/fixtures.js';

/** One composite model: inputs, the loss and the gradient of every differentiated input. */
export interface GradFixtureEntry {
  name: string;
  /** The model id (see models.ts). */
  model: string;
  args: Record<string, unknown>;
  inputs: Record<string, FixtureTensor>;
  /** The inputs differentiated with respect to, in order. */
  wrt: string[];
  /** The loss, shape []. */
  value: FixtureTensor;
  grads: Record<string, FixtureTensor>;
  /** Accumulation length `k` and the scale of every output (`value` and each gradient). */
  tol: { k: number; scale: Record<string, number> };
}

export interface GradFixtureFile {
  about: string;
  torch: string;
  entries: GradFixtureEntry[];
}

/** Reads `test/fixtures/<file>`. */
export function loadGradFixture(file: string): GradFixtureFile {
  return readFixtureJson<GradFixtureFile>(new URL('../fixtures/', import.meta.url), file);
}

/** The @nn tensor of a stored tensor; float tensors are converted to `floatDType`. */
export function decodeTensor(t: FixtureTensor, floatDType: 'float32' | 'float64' = 'float32'): Tensor {
  const x = tensor(decodeValues(t), { shape: t.shape, dtype: t.dtype });
  if (!isFloat(t.dtype) || t.dtype === floatDType) return x;
  const y = cast(x, floatDType);
  x.dispose();
  return y;
}

/** Every input of an entry as a tensor, floats in `floatDType`. */
export function decodeInputs(entry: GradFixtureEntry, floatDType: 'float32' | 'float64'): Record<string, Tensor> {
  return Object.fromEntries(Object.entries(entry.inputs).map(([name, t]) => [name, decodeTensor(t, floatDType)]));
}
