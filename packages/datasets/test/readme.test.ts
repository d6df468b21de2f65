// Keeps the README true: its example runs and prints the output shown.
import * as tensorApi from '@nn/tensor';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReadmeExample } from '../../../scripts/doc-examples/readme.js';
import * as datasetsApi from '../src/index.js';

const modules = { '@nn/tensor': tensorApi, '@nn/datasets': datasetsApi };

describe('README', () => {
  it('the example prints the output shown', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const [printed, shown] = runReadmeExample(readme, modules, (fn) => tensorApi.tidy(fn));
    expect(printed).toBe(shown);
  });
});
