// Every `@example` in @nn/optim's doc comments runs as a test, with the exports of @nn/tensor,
// @nn/tensor/backend, @nn/autograd and @nn/optim in scope (see scripts/doc-examples/ for the
// rules of checked lines). An example that turns gradient recording on must turn it off again.
import * as autogradApi from '@nn/autograd';
import * as tensorApi from '@nn/tensor';
import * as tensorBackend from '@nn/tensor/backend';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docExampleSuite, tensorEnvironment } from '../../../scripts/doc-examples/suite.js';
import * as api from '../src/index.js';

docExampleSuite({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  env: tensorEnvironment(tensorApi, { ...tensorApi, ...tensorBackend, ...autogradApi, ...api }),
  entries: [['src/index.ts', api]],
  minExamples: 21,
  state: () => autogradApi.isGradEnabled(),
});
