// Every `@example` in @nn/autograd's doc comments runs as a test, with the exports of @nn/tensor and
// @nn/autograd in scope (see scripts/doc-examples/ for the rules of checked lines). An example that
// turns recording or anomaly mode on must turn it off again.
import * as tensorApi from '@nn/tensor';
import * as tensorBackend from '@nn/tensor/backend';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docExampleSuite, tensorEnvironment } from '../../../scripts/doc-examples/suite.js';
import * as api from '../src/index.js';
import { autogradState } from '../src/state.js';

docExampleSuite({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  env: tensorEnvironment(tensorApi, { ...tensorApi, ...tensorBackend, ...api }),
  entries: [['src/index.ts', api]],
  minExamples: 11,
  state: () => {
    const s = autogradState();
    return { enabled: s.enabled, anomaly: s.anomaly };
  },
});
