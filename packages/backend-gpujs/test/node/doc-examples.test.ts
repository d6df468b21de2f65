// Every `@example` in @nn/backend-gpujs's doc comments runs as a test, with the exports of
// @nn/tensor, @nn/tensor/backend and this package in scope (see scripts/doc-examples/).
import * as tensorApi from '@nn/tensor';
import * as tensorBackend from '@nn/tensor/backend';
import * as api from '@nn/backend-gpujs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docExampleSuite, tensorEnvironment } from '../../../../scripts/doc-examples/suite.js';

docExampleSuite({
  root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  env: tensorEnvironment(tensorApi, { ...tensorApi, ...tensorBackend, ...api }),
  entries: [['src/index.ts', api]],
  minExamples: 2,
});
