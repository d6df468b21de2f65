// Keeps the README true: its example runs and prints the output shown.
import * as tensorApi from '@nn/tensor';
import * as api from '@nn/backend-gpujs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAsyncReadmeExample } from '../../../../scripts/doc-examples/readme.js';

describe('README', () => {
  it('the example prints the output shown', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const [printed, shown] = await runAsyncReadmeExample(readme, { '@nn/tensor': tensorApi, '@nn/backend-gpujs': api });
    expect(printed).toBe(shown);
  });
});
