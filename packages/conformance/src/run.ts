import { getBackend, NNError, setBackend, tensor, tidy, type Tensor } from '@nn/tensor';
import type { Backend, OpName } from '@nn/tensor/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseTable, ErrorCase, HostTensor, InputSpec, OpCase } from './case-types.js';
import { ALL_CASES } from './cases/index.js';
import { hostInput } from './host.js';
import { defaultTolerance, firstMismatch } from './tolerance.js';

/**
 * Options of `runBackendConformance`.
 * @category Conformance
 */
export interface ConformanceOptions {
  /** Name shown in the test report, e.g. `'cpu'` or `'gpujs-webgl2'`. */
  name: string;
  /** Creates the backend under test (called once for the suite). */
  create: () => Backend | Promise<Backend>;
  /** Primitives this backend does not implement, each with the reason. */
  skip?: Partial<Record<OpName, string>>;
  /** Checks run once after `create` (e.g. that a GPU backend really runs in the mode it claims). */
  assertBackend?: (backend: Backend) => void;
  /** Only these ops (for focused runs while developing a backend). */
  only?: readonly OpName[];
}

function makeInputs(specs: Readonly<Record<string, InputSpec>>): { host: Record<string, HostTensor>; tensors: Record<string, Tensor> } {
  const host: Record<string, HostTensor> = {};
  const tensors: Record<string, Tensor> = {};
  Object.entries(specs).forEach(([key, spec], i) => {
    const h = hostInput(spec, i + 1);
    host[key] = h;
    tensors[key] = tensor(Float64Array.from(h.values), { shape: h.shape, dtype: h.dtype });
  });
  return { host, tensors };
}

async function checkCase(backend: Backend, c: OpCase): Promise<void> {
  const { host, tensors } = makeInputs(c.inputs);
  const inputs = new Set(Object.values(tensors));
  const before = backend.numDataIds();
  const want = c.reference(host);
  const out = tidy(() => c.run(tensors));
  const got = await out.data();
  expect(out.shape, 'output shape').toEqual([...want.shape]);
  expect(out.dtype, 'output dtype').toBe(want.dtype);
  expect(got.length, 'element count').toBe(want.values.length);
  const tol = { ...defaultTolerance(want.dtype, backend.capabilities), ...c.tolerance };
  const bad = firstMismatch(got, want.values, tol);
  if (bad !== null) {
    expect.fail(`element ${bad.index}: got ${bad.got}, want ${bad.want} (atol ${tol.atol}, rtol ${tol.rtol})`);
  }
  if (!inputs.has(out)) out.dispose();
  expect(backend.numDataIds(), 'live data ids after the case (a leak if larger)').toBe(before);
  for (const t of inputs) t.dispose();
}

function checkError(backend: Backend, e: ErrorCase): void {
  const { tensors } = makeInputs(e.inputs);
  const before = backend.numDataIds();
  let thrown: unknown = null;
  try {
    tidy(() => e.run(tensors));
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'an error was thrown').toBeInstanceOf(NNError);
  expect(thrown).toBeInstanceOf(e.error);
  expect((thrown as Error).message).toMatch(/expected .+, got /);
  expect(backend.numDataIds(), 'live data ids after the failed call').toBe(before);
  for (const t of Object.values(tensors)) t.dispose();
}

/**
 * Registers the conformance suite (one vitest `describe` per primitive) for a backend: every case
 * compares against its plain-JS reference with exact shapes and dtypes and dtype-derived
 * tolerances, every error case must throw its named error, and no case may leave data ids behind.
 *
 * @example
 * ```ts
 * // test/conformance.test.ts
 * runBackendConformance({ name: 'cpu', create: () => createCpuBackend() });
 * ```
 * @category Conformance
 */
export function runBackendConformance(options: ConformanceOptions): void {
  const tables = options.only === undefined ? ALL_CASES : ALL_CASES.filter((t) => options.only!.includes(t.op));
  describe(`conformance: ${options.name}`, () => {
    let backend: Backend;
    let previous: Backend;
    beforeAll(async () => {
      previous = getBackend();
      backend = await options.create();
      options.assertBackend?.(backend);
      setBackend(backend);
    });
    afterAll(() => {
      setBackend(previous);
      backend.dispose?.();
    });
    for (const table of tables) registerTable(table, options.skip?.[table.op], () => backend);
  });
}

function registerTable(table: CaseTable, skipReason: string | undefined, backend: () => Backend): void {
  if (skipReason !== undefined) {
    describe.skip(`${table.op} (skipped: ${skipReason})`, () => {
      it('not run', () => {});
    });
    return;
  }
  describe(table.op, () => {
    for (const c of table.cases) it(c.name, () => checkCase(backend(), c));
    for (const e of table.errors) it(`throws ${e.error.name}: ${e.name}`, () => checkError(backend(), e));
  });
}
