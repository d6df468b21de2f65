// Gradients of whole models against PyTorch: an MLP with cross-entropy, CNNs with NLL, layer norm,
// causal attention, large-logit logsumexp, activation and math chains, a residual block, movement
// and pooling compositions, and second-order gradient penalties. Fixtures from
// scripts/gen-fixtures/gen_autograd_fixtures.py; tolerances in scripts/oracle/compare.ts.
import { getBackend, split, sum, tensor, tidy, Variable, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { backward, enableGrad, valueAndGrad } from '../src/index.js';
import { compareOutput } from '../../../scripts/oracle/compare.js';
import { decodeInputs, loadGradFixture, type GradFixtureEntry } from './oracle/fixtures.js';
import { MODELS, type Inputs, type Model } from './oracle/models.js';

const file = loadGradFixture('composites.json');

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

describe('composite gradients against PyTorch', () => {
  it('has the fixtures and a model for each', () => {
    expect(file.entries.length).toBeGreaterThanOrEqual(12);
    for (const e of file.entries) expect(MODELS[e.model], e.model).toBeDefined();
  });

  for (const entry of file.entries) {
    const variants = MODELS[entry.model] ?? {};
    for (const [variant, model] of Object.entries(variants)) {
      for (const precision of ['float32', 'float64'] as const) {
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

describe('graph memory', () => {
  // A model may compute things its loss does not use (the unused pieces of split/chunk, the inner
  // function value of a gradient penalty). Their recorded nodes are not on any path from the loss,
  // so the reverse pass never reaches them; they must not keep tensors alive after the pass.
  it('frees the nodes of results that do not reach the loss', () => {
    const backend = getBackend();
    const before = backend.numDataIds();
    tidy(() => {
      const x = tensor([1, 2, 3, 4]);
      valueAndGrad((t: Tensor) => sum(split(t, 2)[0]!))(x);
    });
    expect(backend.numDataIds(), 'tensors left behind').toBe(before);
  });

  // With enableGrad + backward, a node whose output does not reach the loss (an unused split
  // piece, a softmax computed for display while recording) is released when the tidy that
  // created its output ends, since no backward pass can start from it any more.
  it('backward frees the nodes of results that do not reach the loss', () => {
    const backend = getBackend();
    const w = new Variable(tensor([1, 2, 3, 4]), { name: 'w' });
    const before = backend.numDataIds();
    const stop = enableGrad();
    try {
      tidy(() => backward(sum(split(w.value, 2)[0]!)));
    } finally {
      stop();
    }
    w.grad?.dispose();
    w.grad = null;
    const after = backend.numDataIds();
    w.dispose();
    expect(after, 'tensors left behind').toBe(before);
  });
});
