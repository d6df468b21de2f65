// Every `@example` in @nn/optim's doc comments runs as a test, with the exports of @nn/tensor,
// @nn/tensor/backend, @nn/autograd and @nn/optim in scope (see scripts/doc-examples/ for the
// rules of checked lines).
import * as autogradApi from '@nn/autograd';
import * as tensorApi from '@nn/tensor';
import * as tensorBackend from '@nn/tensor/backend';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportExamples } from '../../../scripts/doc-examples/coverage.js';
import { extractExamples } from '../../../scripts/doc-examples/extract.js';
import { type RunEnvironment, runExample } from '../../../scripts/doc-examples/run.js';
import * as api from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { examples, problems } = extractExamples(join(root, 'src'), root);

const env: RunEnvironment = {
  api: { ...tensorApi, ...tensorBackend, ...autogradApi, ...api },
  tidy: tensorApi.tidy,
  scope: tensorApi.scope,
  manualSeed: tensorApi.manualSeed,
  getBackend: tensorApi.getBackend,
  setBackend: tensorApi.setBackend,
  toPlain: (value) => (value instanceof tensorApi.Tensor ? value.toArray() : undefined),
};

describe('doc examples', () => {
  it('every @example is a closed ```ts block attached to a declaration', () => {
    expect(problems).toEqual([]);
    expect(examples.length).toBeGreaterThan(20);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} ${example.symbol}`, async () => {
      await runExample(example, env);
      // An example that turns gradient recording on must turn it off again.
      expect(autogradApi.isGradEnabled()).toBe(false);
    });
  }
});

describe('doc example coverage', () => {
  it('every exported function and class has an @example', () => {
    const values = api as Record<string, unknown>;
    const names = Object.keys(values).filter((name) => typeof values[name] === 'function');
    const missing = exportExamples(join(root, 'src/index.ts'), names, root)
      .filter((e) => !e.hasExample)
      .map((e) => `${e.name} (${e.locations.join(', ') || 'declaration not found'})`);
    expect(missing, `exports without an @example:\n${missing.join('\n')}`).toEqual([]);
  });
});
