// Decoding shared by the PyTorch oracle fixtures of @nn/tensor and @nn/autograd
// (packages/*/test/fixtures/*.json, written by scripts/gen-fixtures/). Tensors are stored as flat
// row-major values; JSON has no NaN/Infinity, so those are the strings "nan", "inf" and "-inf".
// Independent of @nn: each package builds its own tensors from the decoded arrays.
// Namespace imports: in a browser test (which passes fixtures it imported as JSON) these modules
// are empty stand-ins, touched only if `readFixtureJson` is called.
import * as fs from 'node:fs';
import * as url from 'node:url';

/** The dtypes a fixture stores (the same names as @nn's `DType`). */
export type FixtureDType = 'float32' | 'float64' | 'int32' | 'bool';

/** The typed array a fixture tensor decodes to, by dtype (bool as Uint8Array). */
export type FixtureArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** A tensor as stored in a fixture: flat row-major values. */
export interface FixtureTensor {
  shape: number[];
  dtype: FixtureDType;
  values: (number | string)[];
}

/** Parses the JSON file `file` in the folder `dir` (a URL ending in `/`). */
export function readFixtureJson<T>(dir: URL, file: string): T {
  return JSON.parse(fs.readFileSync(url.fileURLToPath(new URL(file, dir)), 'utf8')) as T;
}

/** A stored number: a JSON number or boolean, or one of the strings "nan", "inf", "-inf". */
export function decodeNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new Error(`fixture: not a number: ${JSON.stringify(v)}`);
}

/** The decoded values of a fixture tensor, in a typed array of its dtype. */
export function decodeValues(t: FixtureTensor): FixtureArray {
  const n = t.values.length;
  const out: FixtureArray =
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

/** `[2, 3]`-style shape text. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
