// Runs one PyTorch layer fixture (test/fixtures/<group>.json, written by
// scripts/gen-fixtures/gen_layers_fixtures.py; format and tolerances in scripts/gen-fixtures/layerlib.py)
// with @nn: builds the layer, loads PyTorch's state dict (strict), runs it in the entry's mode with the
// float inputs as Variables, backpropagates sum_j sum(output_j * C_j) and compares the outputs, the
// gradient of every float input and parameter, and the buffers after the call.
import { backward, enableGrad } from '@nn/autograd';
import type { Module } from '@nn/layers';
import { add, cast, isFloat, mul, sum, tensor, Tensor, Variable, zerosLike } from '@nn/tensor';
import { compareOutput } from '../../../../scripts/oracle/compare.js';
import { decodeValues, readFixtureJson, type FixtureTensor } from '../../../../scripts/oracle/fixtures.js';

/** One module call recorded by PyTorch. */
export interface LayerFixtureEntry {
  name: string;
  /** What to build (the test's `LayerSpec` table is keyed by it). */
  layer: string;
  /** Constructor arguments in @nn's camelCase form. */
  args: Record<string, unknown>;
  mode: 'train' | 'eval';
  state: Record<string, FixtureTensor>;
  inputs: Record<string, FixtureTensor>;
  outputs: Record<string, FixtureTensor>;
  grads: Record<string, FixtureTensor>;
  stateAfter?: Record<string, FixtureTensor>;
  tol: { k: number; scale: Record<string, number> };
}

export interface LayerFixtureFile {
  about: string;
  torch: string;
  entries: LayerFixtureEntry[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of heterogeneous modules
export type AnyModule = Module<any[], unknown>;

/** How a test builds and calls the module of an entry. */
export interface LayerSpec {
  build(args: Record<string, unknown>): AnyModule;
  /** Runs the module on the inputs (default `module.call(...inputs)`); nested arrays and nulls are flattened. */
  run?(module: AnyModule, inputs: Tensor[], args: Record<string, unknown>): unknown;
}

/** Reads `test/fixtures/<file>`. */
export function loadLayerFixture(file: string): LayerFixtureFile {
  return readFixtureJson<LayerFixtureFile>(new URL('../fixtures/', import.meta.url), file);
}

/** The @nn tensor of a stored tensor, floats converted to `floatDType`. */
export function decodeTensor(t: FixtureTensor, floatDType: 'float32' | 'float64' = 'float32'): Tensor {
  const x = tensor(decodeValues(t), { shape: t.shape, dtype: t.dtype });
  if (!isFloat(t.dtype) || t.dtype === floatDType) return x;
  const y = cast(x, floatDType);
  x.dispose();
  return y;
}

/** The fixed cotangent of layerlib.py: flat element i gets ((i + offset)·37 mod 11 − 5) / 4. */
export function cotangent(shape: readonly number[], dtype: 'float32' | 'float64', offset: number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = ((((i + offset) * 37) % 11) - 5) / 4;
  return tensor(values, { shape: [...shape], dtype });
}

function flattenOutputs(result: unknown, out: Tensor[] = []): Tensor[] {
  if (result instanceof Tensor) out.push(result);
  else if (Array.isArray(result)) for (const item of result) flattenOutputs(item, out);
  return out;
}

function maxAbs(t: FixtureTensor): number {
  let m = 0;
  for (const v of decodeValues(t)) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * Runs `entry` with `spec` in `precision` and returns every mismatch (empty when all match). Leaves
 * no tensor behind: the caller checks `numDataIds()`.
 */
export function checkLayerEntry(entry: LayerFixtureEntry, spec: LayerSpec, precision: 'float32' | 'float64'): string[] {
  const problems: (string | null)[] = [];
  const module = spec.build(entry.args);
  const owned: Tensor[] = [];
  const inputVars = new Map<string, Variable>();
  const stop = enableGrad();
  try {
    if (precision === 'float64') module.to('float64');
    const state = Object.fromEntries(Object.entries(entry.state).map(([k, t]) => [k, decodeTensor(t)]));
    try {
      module.loadStateDict(state);
    } finally {
      for (const t of Object.values(state)) t.dispose();
    }
    module.train(entry.mode === 'train');
    const inputs = Object.entries(entry.inputs).map(([name, t]) => {
      const x = decodeTensor(t, precision);
      if (!isFloat(x.dtype)) {
        owned.push(x);
        return x;
      }
      const v = new Variable(x, { name });
      inputVars.set(name, v);
      return v.value;
    });
    const result = spec.run ? spec.run(module, inputs, entry.args) : module.call(...inputs);
    const outputs = flattenOutputs(result);
    owned.push(...outputs);
    const names = Object.keys(entry.outputs);
    if (outputs.length !== names.length) return [`${outputs.length} outputs, PyTorch gave ${names.length} (${names.join(', ')})`];
    let loss: Tensor | null = null;
    outputs.forEach((o, j) => {
      const c = cotangent(o.shape, precision, 7 * j);
      owned.push(c); // read by the backward pass (mul's gradient): disposed with the outputs
      const term = sum(mul(o, c));
      loss = loss === null ? term : add(loss, term);
    });
    if (loss === null) return ['no outputs'];
    owned.push(loss);
    backward(loss);
    const { k, scale } = entry.tol;
    names.forEach((name, j) => {
      problems.push(compareOutput(`output ${name}`, outputs[j]!, entry.outputs[name]!, k, scale[`out:${name}`]!, precision));
    });
    const params = new Map(module.namedParameters());
    for (const [name, want] of Object.entries(entry.grads)) {
      const v = inputVars.get(name) ?? params.get(name);
      if (v === undefined) {
        problems.push(`grad ${name}: no input or parameter of that name`);
        continue;
      }
      const g = v.grad ?? zerosLike(v.value);
      if (v.grad === null) owned.push(g);
      problems.push(compareOutput(`grad ${name}`, g, want, k, scale[`grad:${name}`]!, precision));
    }
    const after = module.stateDict();
    for (const [key, want] of Object.entries(entry.stateAfter ?? {})) {
      const got = after[key];
      if (got === undefined) problems.push(`stateAfter ${key}: the module has no such buffer`);
      else if (!isFloat(want.dtype)) {
        const same = String(Array.from(got.dataSync())) === String(Array.from(decodeValues(want)));
        if (!same) problems.push(`stateAfter ${key}: ${String(got.toArray())}, want ${String(Array.from(decodeValues(want)))}`);
      } else problems.push(compareOutput(`stateAfter ${key}`, got, want, k, maxAbs(want), precision));
    }
    return problems.filter((p): p is string => p !== null);
  } finally {
    stop();
    for (const t of owned) if (!t.isDisposed) t.dispose();
    for (const v of inputVars.values()) {
      v.grad?.dispose();
      v.value.dispose();
    }
    module.dispose();
  }
}
