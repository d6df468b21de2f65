// Every `@example` in @nn/layers' doc comments runs as a test, with the exports of @nn/tensor,
// @nn/layers, @nn/layers/functional and @nn/layers/node in scope, plus `tmpdir` and `join` for file
// paths (see scripts/doc-examples/ for the rules of checked lines).
import * as tensorApi from '@nn/tensor';
import * as tensorBackend from '@nn/tensor/backend';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docExampleSuite, tensorEnvironment } from '../../../scripts/doc-examples/suite.js';
import * as functionalApi from '../src/functional/index.js';
import * as api from '../src/index.js';
import * as initApi from '../src/init/index.js';
import * as nodeApi from '../src/node.js';

docExampleSuite({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  env: tensorEnvironment(tensorApi, { ...tensorApi, ...tensorBackend, ...functionalApi, ...api, ...nodeApi, tmpdir, join }),
  entries: [
    ['src/index.ts', api],
    ['src/functional/index.ts', functionalApi],
    ['src/node.ts', nodeApi],
    ['src/init/index.ts', initApi],
  ],
  minExamples: 100,
});
