// Loading and decoding of the PyTorch oracle fixtures (test/fixtures/*.json), written by
// scripts/gen-fixtures/gen_tensor_fixtures.py. The JSON format is described in
// scripts/gen-fixtures/fixturelib.py; JSON has no NaN/Infinity, so those are the strings
// "nan", "inf" and "-inf".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tensor, type DType, type Tensor, type TypedArray } from '../../src/index.js';

/** A tensor as stored in a fixture: flat row-major values. */
export interface FixtureTensor {
  shape: number[];
  dtype: DType;
  values: (number | string)[];
}

/** A positional operand: a tensor, a JavaScript scalar, or an absent optional tensor. */
export type FixtureOperand = FixtureTensor | { scalar: number | boolean } | null;

/** One PyTorch call and its result. */
export interface FixtureEntry {
  name: string;
  /** The @nn function name. */
  op: string;
  inputs: FixtureOperand[];
  /** The remaining arguments in @nn's API form. */
  args: Record<string, unknown>;
  expected: FixtureTensor;
  /** Accumulation tolerance: `k` accumulated terms with magnitude scale `scale` (see compare.ts). */
  accum?: { k: number; scale: number };
}

export interface FixtureFile {
  about: string;
  torch: string;
  entries: FixtureEntry[];
}

/** Reads `test/fixtures/<file>`. */
export function loadFixture(file: string): FixtureFile {
  const url = new URL(`../fixtures/${file}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as FixtureFile;
}

/** A stored number: a JSON number, or one of the strings "nan", "inf", "-inf". */
export function decodeNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new Error(`fixture: not a number: ${JSON.stringify(v)}`);
}

/** The decoded values of a fixture tensor, in a typed array of its dtype. */
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

/** Builds the @nn operand: a Tensor, a plain number/boolean, or null. */
export function decodeOperand(op: FixtureOperand): Tensor | number | boolean | null {
  if (op === null) return null;
  if ('scalar' in op) return op.scalar;
  return tensor(decodeValues(op), { shape: op.shape, dtype: op.dtype });
}

/** `[2, 3]`-style shape text. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
