// Every `@example` in @nn/datasets' doc comments runs as a test, with the exports of @nn/tensor,
// @nn/datasets and @nn/datasets/node in scope, plus `tmpdir` and `join` for file paths (see
// scripts/doc-examples/ for the rules of checked lines).
import * as tensorApi from '@nn/tensor';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docExampleSuite, tensorEnvironment } from '../../../scripts/doc-examples/suite.js';
import * as api from '../src/index.js';
import * as nodeApi from '../src/node.js';

docExampleSuite({
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  env: tensorEnvironment(tensorApi, { ...tensorApi, ...api, ...nodeApi, tmpdir, join }),
  entries: [
    ['src/index.ts', api],
    ['src/node.ts', nodeApi],
  ],
  minExamples: 30,
});
