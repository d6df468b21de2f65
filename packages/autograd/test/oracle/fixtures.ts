// Loading and decoding of the autograd oracle fixtures (test/fixtures/*.json), written by
// scripts/gen-fixtures/gen_autograd_fixtures.py. The entry format is described in
// scripts/gen-fixtures/gradlib.py; tensors are stored as in @nn/tensor's fixtures (flat row-major
// values; "nan", "inf" and "-inf" as strings).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cast, isFloat, tensor, type DType, type Tensor, type TypedArray } from '@nn/tensor';

/** A tensor as stored in a fixture. */
export interface FixtureTensor {
  shape: number[];
  dtype: DType;
  values: (number | string)[];
}

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
  const url = new URL(`../fixtures/${file}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as GradFixtureFile;
}

/** A stored number: a JSON number, or one of the strings "nan", "inf", "-inf". */
export function decodeNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new Error(`fixture: not a number: ${JSON.stringify(v)}`);
}

/** The decoded values, in a typed array of the stored dtype. */
export function decodeValues(t: FixtureTensor): TypedArray {
  const n = t.values.length;
  const out: TypedArray =
    t.dtype === 'float32'
      ? new Float32Array(n)
      : t.dtype === 'float64'
        ? new Float64Array(n)
        : t.dtype === 'int32'
          ? new Int32Array(n)
          : new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = decodeNumber(t.values[i]);
  return out;
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
