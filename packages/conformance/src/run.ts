import { getBackend, NNError, setBackend, tensor, tidy, type DType, type Tensor } from '@nn/tensor';
import type { Backend, OpName } from '@nn/tensor/backend';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
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
  /**
   * Single cases (or error cases) this backend cannot meet, by op and case name, each with the
   * reason (e.g. int32 values a single-precision backend cannot store). A name that matches no
   * case is an error, so the list cannot go stale.
   */
  skipCases?: Partial<Record<OpName, Readonly<Record<string, string>>>>;
  /** Checks run once after `create` (e.g. that a GPU backend really runs in the mode it claims). */
  assertBackend?: (backend: Backend) => void;
  /** Only these ops (for focused runs while developing a backend). */
  only?: readonly OpName[];
}

function makeInputs(specs: Readonly<Record<string, InputSpec>>): {
  host: Record<string, HostTensor>;
  tensors: Record<string, Tensor>;
} {
  const host: Record<string, HostTensor> = {};
  const tensors: Record<string, Tensor> = {};
  Object.entries(specs).forEach(([key, spec], i) => {
    const h = hostInput(spec, i + 1);
    host[key] = h;
    tensors[key] = tensor(Float64Array.from(h.values), { shape: h.shape, dtype: h.dtype });
  });
  return { host, tensors };
}

/** The dtypes of a case (its inputs' and, given the host inputs, its output's) the backend does not store. */
function missingDTypes(backend: Backend, specs: Readonly<Record<string, InputSpec>>, output?: DType): DType[] {
  const used = new Set<DType>(Object.values(specs).map((s) => s.dtype ?? 'float32'));
  if (output !== undefined) used.add(output);
  return [...used].filter((d) => !backend.capabilities.dtypes.includes(d));
}

/** Skips a case that needs a dtype the backend does not have (reported as skipped, with the reason). */
function skipUnsupported(ctx: TestContext, backend: Backend, missing: DType[]): void {
  if (missing.length > 0)
    ctx.skip(`backend '${backend.name}' (${backend.capabilities.mode}) has no ${missing.join(', ')}`);
}

async function checkCase(backend: Backend, c: OpCase, ctx: TestContext): Promise<void> {
  const hostOnly = Object.fromEntries(Object.entries(c.inputs).map(([key, spec], i) => [key, hostInput(spec, i + 1)]));
  skipUnsupported(ctx, backend, missingDTypes(backend, c.inputs, c.reference(hostOnly).dtype));
  const { host, tensors } = makeInputs(c.inputs);
  const inputs = new Set(Object.values(tensors));
  let out: Tensor | null = null;
  // A failing case still frees what it made, so no later case sees its tensors collected mid-count.
  try {
    const before = backend.numDataIds();
    const want = c.reference(host);
    out = tidy(() => c.run(tensors));
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
  } finally {
    if (out !== null && !inputs.has(out)) out.dispose();
    for (const t of inputs) t.dispose();
  }
}

function checkError(backend: Backend, e: ErrorCase, ctx: TestContext): void {
  skipUnsupported(ctx, backend, missingDTypes(backend, e.inputs));
  const { tensors } = makeInputs(e.inputs);
  try {
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
  } finally {
    for (const t of Object.values(tensors)) t.dispose();
  }
}

/**
 * Registers the conformance suite (one vitest `describe` per primitive) for a backend: every case
 * compares against its plain-JS reference with exact shapes and dtypes and dtype-derived
 * tolerances, every error case must throw its named error, and no case may leave data ids behind.
 * A case that needs a dtype the backend does not store (`capabilities.dtypes`, e.g. float64 on a
 * GPU backend) is reported as skipped, with that reason.
 *
 * @example
 * ```ts
 * // test/conformance.test.ts
 * runBackendConformance({ name: 'cpu', create: () => createCpuBackend() });
 * ```
 * @category Conformance
 */
export function runBackendConformance(options: ConformanceOptions): void {
  checkSkippedCasesExist(options.skipCases);
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
    for (const table of tables)
      registerTable(table, options.skip?.[table.op], options.skipCases?.[table.op] ?? {}, () => backend);
  });
}

/** Throws when `skipCases` names a case the tables do not have. */
function checkSkippedCasesExist(skipCases: ConformanceOptions['skipCases'] = {}): void {
  for (const [op, cases] of Object.entries(skipCases) as [OpName, Readonly<Record<string, string>>][]) {
    const table = ALL_CASES.find((t) => t.op === op);
    const names = new Set([...(table?.cases ?? []).map((c) => c.name), ...(table?.errors ?? []).map((e) => e.name)]);
    for (const name of Object.keys(cases)) {
      if (!names.has(name)) throw new Error(`runBackendConformance: skipCases.${op} names no case '${name}'`);
    }
  }
}

function registerTable(
  table: CaseTable,
  skipReason: string | undefined,
  skipCases: Readonly<Record<string, string>>,
  backend: () => Backend,
): void {
  if (skipReason !== undefined) {
    describe.skip(`${table.op} (skipped: ${skipReason})`, () => {
      it('not run', () => {});
    });
    return;
  }
  describe(table.op, () => {
    for (const c of table.cases) {
      const reason = skipCases[c.name];
      if (reason === undefined) it(c.name, (ctx) => checkCase(backend(), c, ctx));
      else it.skip(`${c.name} (skipped: ${reason})`, () => {});
    }
    for (const e of table.errors) {
      const reason = skipCases[e.name];
      const title = `throws ${e.error.name}: ${e.name}`;
      if (reason === undefined) it(title, (ctx) => checkError(backend(), e, ctx));
      else it.skip(`${title} (skipped: ${reason})`, () => {});
    }
  });
}
