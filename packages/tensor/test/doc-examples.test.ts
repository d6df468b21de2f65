// Every `@example` in the doc comments of src/ runs as a test: a statement `expr; // <literal>` checks
// its value, `expr; // throws ShapeError` checks the error, other comments are prose. See doc-examples/.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as backendApi from '../src/backend.js';
import * as api from '../src/index.js';
import { compare } from '../../../scripts/doc-examples/compare.js';
import { compileExample } from '../../../scripts/doc-examples/compile.js';
import { exportExamples } from '../../../scripts/doc-examples/coverage.js';
import { parseClaim } from '../../../scripts/doc-examples/expected.js';
import { type DocExample, extractExamples } from '../../../scripts/doc-examples/extract.js';
import { type RunEnvironment, runExample } from '../../../scripts/doc-examples/run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { examples, problems } = extractExamples(join(root, 'src'), root);

const scopeValues: Record<string, unknown> = { ...api, ...backendApi };
const env: RunEnvironment = {
  api: scopeValues,
  tidy: api.tidy,
  scope: api.scope,
  manualSeed: api.manualSeed,
  getBackend: api.getBackend,
  setBackend: api.setBackend,
  toPlain: (value) => (value instanceof api.Tensor ? value.toArray() : undefined),
};

describe('doc examples', () => {
  it('every @example is a closed ```ts block attached to a declaration', () => {
    expect(problems).toEqual([]);
    expect(examples.length).toBeGreaterThan(100);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} ${example.symbol}`, async () => {
      await runExample(example, env);
    });
  }
});

describe('doc example coverage', () => {
  const modules = [
    { entry: join(root, 'src/index.ts'), values: api as Record<string, unknown> },
    { entry: join(root, 'src/backend.ts'), values: backendApi as Record<string, unknown> },
  ];
  for (const { entry, values } of modules) {
    it(`every exported function and class of ${entry.slice(root.length + 1)} has an @example`, () => {
      const names = Object.keys(values).filter((name) => typeof values[name] === 'function');
      expect(names.length).toBeGreaterThan(5);
      const missing = exportExamples(entry, names, root)
        .filter((e) => !e.hasExample)
        .map((e) => `${e.name} (${e.locations.join(', ') || 'declaration not found'})`);
      expect(missing, `exports without an @example:\n${missing.join('\n')}`).toEqual([]);
    });
  }
});

/** A synthetic example for the runner's own tests. */
function example(code: string): DocExample {
  return { file: 'synthetic.ts', line: 1, symbol: 'synthetic', code, codeLine: 2 };
}

describe('doc example runner', () => {
  it('passes a correct example and checks every asserted line', async () => {
    const compiled = await runExample(
      example(
        [
          'const x = tensor([[1, 2], [3, 4]]);',
          'x.shape; // [2, 2]',
          "x.dtype;   // 'float32'",
          'const s = sum(x).item(); // 10',
          'sigmoid(tensor([1])).toArray(); // [0.7310586]',
          'mean(tensor([1, 2, 2])).item(); // ≈ 1.6667 (5 / 3)',
          'x.dataSync(); // Float32Array [1, 2, 3, 4]',
          'add(x, 1).toArray();',
          '// [[2, 3], [4, 5]]',
          'reshape(x, [4]); // [1, 2, 3, 4]',
          'matmul(zeros([2, 3]), zeros([4, 5])); // throws ShapeError',
          'mul(x, s); // the same shape as x',
        ].join('\n'),
      ),
      env,
    );
    expect(compiled.assertions.map((a) => a.claim.kind)).toEqual([
      'value',
      'value',
      'value',
      'value',
      'value',
      'value',
      'value',
      'value',
      'throws',
    ]);
  });

  it('reports a wrong value with its source line', async () => {
    await expect(runExample(example('const x = tensor([1, 2]);\nadd(x, 1).toArray(); // [2, 4]'), env)).rejects.toThrow(
      /synthetic\.ts:3: `add\(x, 1\)\.toArray\(\);` \/\/ \[2, 4\]\n\s+at \[1\]: expected 4, got 3/,
    );
  });

  it('reports a wrong dtype, shape, typed-array class, and sign of zero', async () => {
    await expect(runExample(example("tensor([1]).dtype; // 'int32'"), env)).rejects.toThrow(
      /expected "int32", got "float32"/,
    );
    await expect(runExample(example('zeros([2, 3]).shape; // [3, 2]'), env)).rejects.toThrow(/expected 3, got 2/);
    await expect(runExample(example('tensor([1]).dataSync(); // Int32Array [1]'), env)).rejects.toThrow(
      /expected a Int32Array/,
    );
    await expect(runExample(example('neg(tensor([0])).toArray(); // [0]'), env)).rejects.toThrow(/expected 0, got -0/);
  });

  it('uses the tolerance only where the expected literal is shorter or marked ≈', async () => {
    await expect(runExample(example('sigmoid(tensor([1])).toArray(); // [0.73106]'), env)).rejects.toThrow(
      /expected 0\.73106/,
    );
    await runExample(example('sigmoid(tensor([1])).toArray(); // ≈ [0.73106]'), env);
    await expect(runExample(example('mean(tensor([1, 2, 2])).item(); // ≈ 1.6'), env)).rejects.toThrow(
      /expected 1\.6,/,
    );
  });

  it('checks `// throws` both ways', async () => {
    await expect(runExample(example('tensor([1, 2]).item(); // throws ShapeError'), env)).resolves.toBeDefined();
    await expect(runExample(example('tensor([1]).item(); // throws ShapeError'), env)).rejects.toThrow(
      /expected it to throw ShapeError, but it returned/,
    );
    await expect(runExample(example('tensor([1, 2]).item(); // throws DTypeError'), env)).rejects.toThrow(
      /expected it to throw DTypeError, got ShapeError/,
    );
  });

  it('rejects examples that use undefined names or state results it cannot check', async () => {
    await expect(runExample(example('add(x, 1).toArray(); // [2]'), env)).rejects.toThrow(
      /ReferenceError: x is not defined/,
    );
    await expect(runExample(example('tensor([1, 2; // [1]'), env)).rejects.toThrow(/cannot run/);
    await expect(runExample(example('const a = 1, b = 2; // 1'), env)).rejects.toThrow(
      /follows no statement the runner can check/,
    );
    await expect(runExample(example('sum(tensor([1])).item(); // ≈ about one'), env)).rejects.toThrow(
      /`≈` must be followed/,
    );
  });

  it('reports a check that never ran', async () => {
    await expect(runExample(example('const f = () => {\n  tensor([1]).shape; // [1]\n};'), env)).rejects.toThrow(
      /this check never ran/,
    );
  });

  it('runs awaiting examples in a scope and restores the backend', async () => {
    const before = api.getBackend();
    await runExample(example('setBackend(createCpuBackend());\n(await tensor([1, 2]).data()).length; // 2'), env);
    expect(api.getBackend()).toBe(before);
  });

  it('classifies comments', () => {
    expect(parseClaim(' [1, NaN, -Infinity]')).toEqual({
      kind: 'value',
      expected: [1, NaN, -Infinity],
      approx: false,
      typedArray: null,
    });
    expect(parseClaim(" 'tensor([1.])'")).toMatchObject({ kind: 'value', expected: 'tensor([1.])' });
    expect(parseClaim(' { a: [true], b: null }')).toMatchObject({ kind: 'value', expected: { a: [true], b: null } });
    expect(parseClaim(' NaN (N - correction = 0)')).toMatchObject({ kind: 'value', expected: NaN });
    expect(parseClaim(' throws IndexError when dim is 3')).toEqual({ kind: 'throws', errorClass: 'IndexError' });
    expect(parseClaim(' disposed when tidy returns')).toEqual({ kind: 'prose' });
    expect(parseClaim(' same values on every run')).toEqual({ kind: 'prose' });
    expect(parseClaim(' x')).toEqual({ kind: 'prose' });
    expect(parseClaim(' [1, 2] and more')).toEqual({ kind: 'prose' });
  });

  it('compares numbers, arrays and objects deeply', () => {
    const options = { approx: false, typedArray: null, toPlain: () => undefined };
    expect(compare([1, [NaN, -0]], [1, [NaN, -0]], options)).toBeNull();
    expect(compare([1, [NaN, 0]], [1, [NaN, -0]], options)).toBe('at [1][1]: expected -0, got 0');
    expect(compare({ a: 1 }, { a: 1, b: 2 }, options)).toBe('expected keys [a, b], got [a]');
    expect(compare(new Float32Array([0.1]), [0.1], options)).toBeNull();
    expect(compare(0.1 + 1e-6, 0.1, options)).not.toBeNull();
    expect(compileExample('x; // 1').assertions).toHaveLength(1);
  });
});
