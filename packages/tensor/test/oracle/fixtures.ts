// Loading and decoding of the PyTorch oracle fixtures (test/fixtures/*.json), written by
// scripts/gen-fixtures/gen_tensor_fixtures.py. The JSON format is described in
// scripts/gen-fixtures/fixturelib.py; the tensor decoding is shared with @nn/autograd's oracle
// tests (scripts/oracle/fixtures.ts).
import { decodeValues, readFixtureJson, type FixtureTensor } from '../../../../scripts/oracle/fixtures.js';
import { tensor, type Tensor } from '../../src/index.js';

export { decodeNumber, decodeValues, shapeText, type FixtureTensor } from '../../../../scripts/oracle/fixtures.js';

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
  return readFixtureJson<FixtureFile>(new URL('../fixtures/', import.meta.url), file);
}

/** Builds the @nn operand: a Tensor, a plain number/boolean, or null. */
export function decodeOperand(op: FixtureOperand): Tensor | number | boolean | null {
  if (op === null) return null;
  if ('scalar' in op) return op.scalar;
  return tensor(decodeValues(op), { shape: op.shape, dtype: op.dtype });
}
