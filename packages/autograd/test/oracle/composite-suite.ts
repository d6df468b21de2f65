// The composite-gradient oracle as a reusable suite: whole models (an MLP with cross-entropy, CNNs
// with NLL, layer norm, causal attention, residual blocks, movement and pooling compositions, …)
// differentiated with valueAndGrad and with backward, against PyTorch. autograd runs it on the CPU
// backend in float32 and float64; other backends run it on themselves (e.g. @nn/backend-gpujs in
// float32), since every gradient rule is written with public ops. Fixtures from
// scripts/gen-fixtures/gen_autograd_fixtures.py; tolerances in scripts/oracle/compare.ts.
import { getBackend, tidy, Variable, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { backward, enableGrad, valueAndGrad } from '../../src/index.js';
import { compareOutput } from '../../../../scripts/oracle/compare.js';
import { decodeInputs, loadGradFixture, type GradFixtureEntry, type GradFixtureFile } from './fixtures.js';
import { MODELS, type Inputs, type Model } from './models.js';

/** Runs `model` with valueAndGrad over the entry's `wrt` inputs and returns every mismatch. */
function check(entry: GradFixtureEntry, model: Model, precision: 'float32' | 'float64'): string[] {
  const inputs = decodeInputs(entry, precision);
  const params = Object.fromEntries(entry.wrt.map((n) => [n, inputs[n]!])) as Record<string, Tensor>;
  const { value, grads } = valueAndGrad((p: Record<string, Tensor>) => model({ ...inputs, ...p } as Inputs))(params);
  const { k, scale } = entry.tol;
  const problems = [compareOutput('value', value, entry.value, k, scale.value!, precision)];
  for (const n of entry.wrt) {
    problems.push(compareOutput(`grad ${n}`, grads[n]!, entry.grads[n]!, k, scale[n]!, precision));
  }
  return problems.filter((p): p is string => p !== null);
}

/**
 * Registers the composite-gradient tests in the given float precisions, on whatever backend is
 * active when they run. `file` is the fixture (read from disk by default; a browser test passes
 * the JSON it imported).
 */
export function compositeGradientSuite(
  precisions: readonly ('float32' | 'float64')[],
  file: GradFixtureFile = loadGradFixture('composites.json'),
): void {
  describe('composite gradients against PyTorch', () => {
    it('has the fixtures and a model for each', () => {
      expect(file.entries.length).toBeGreaterThanOrEqual(12);
      for (const e of file.entries) expect(MODELS[e.model], e.model).toBeDefined();
    });

    for (const entry of file.entries) {
      const variants = MODELS[entry.model] ?? {};
      for (const [variant, model] of Object.entries(variants)) {
        for (const precision of precisions) {
          const title = `${entry.name}${variant === 'default' ? '' : ` [${variant}]`} (${precision})`;
          it(title, () => {
            const backend = getBackend();
            const before = backend.numDataIds();
            const problems = tidy(() => check(entry, model, precision));
            expect(problems).toEqual([]);
            expect(backend.numDataIds(), 'tensors left behind').toBe(before);
          });
        }
      }
    }
  });

  describe('backward with Variables gives the same gradients', () => {
    for (const id of ['mlp', 'residual', 'cnnGrouped', 'layerNorm']) {
      const entry = file.entries.find((e) => e.model === id);
      it(entry?.name ?? id, () => {
        expect(entry).toBeDefined();
        if (entry === undefined) return;
        const model = Object.values(MODELS[id]!)[0]!;
        const backend = getBackend();
        const before = backend.numDataIds();
        const stop = enableGrad();
        const variables: Variable[] = [];
        try {
          const problems = tidy(() => {
            const inputs = decodeInputs(entry, 'float32');
            const params: Record<string, Tensor> = {};
            for (const n of entry.wrt) {
              const v = new Variable(inputs[n]!, { name: n });
              variables.push(v);
              params[n] = v.value;
            }
            const loss = model({ ...inputs, ...params });
            backward(loss);
            const { k, scale } = entry.tol;
            const out = [compareOutput('value', loss, entry.value, k, scale.value!, 'float32')];
            for (const v of variables) {
              expect(v.grad, `${v.name}.grad`).not.toBeNull();
              out.push(compareOutput(`${v.name}.grad`, v.grad!, entry.grads[v.name]!, k, scale[v.name]!, 'float32'));
            }
            return out.filter((p): p is string => p !== null);
          });
          expect(problems).toEqual([]);
        } finally {
          stop();
          for (const v of variables) v.dispose();
        }
        expect(backend.numDataIds(), 'tensors left behind').toBe(before);
      });
    }
  });
}
