// Every `@example` in @nn/autograd's doc comments runs as a test, with the exports of @nn/tensor and
// @nn/autograd in scope (see scripts/doc-examples/ for the rules of checked lines).
import * as tensorApi from '@nn/tensor';
import * as tensorBackend from '@nn/tensor/backend';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportExamples } from '../../../scripts/doc-examples/coverage.js';
import { extractExamples } from '../../../scripts/doc-examples/extract.js';
import { type RunEnvironment, runExample } from '../../../scripts/doc-examples/run.js';
import * as api from '../src/index.js';
import { autogradState } from '../src/state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { examples, problems } = extractExamples(join(root, 'src'), root);

const env: RunEnvironment = {
  api: { ...tensorApi, ...tensorBackend, ...api },
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
    expect(examples.length).toBeGreaterThan(10);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} ${example.symbol}`, async () => {
      const state = autogradState();
      const before = { enabled: state.enabled, anomaly: state.anomaly };
      await runExample(example, env);
      // An example that turns recording or anomaly mode on must turn it off again.
      expect({ enabled: state.enabled, anomaly: state.anomaly }).toEqual(before);
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
