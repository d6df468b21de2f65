// clipGradNorm and clipGradValue against PyTorch 1.13's clip_grad_norm_ / clip_grad_value_:
// test/fixtures/clip.json, from scripts/gen-fixtures/gen_optim_fixtures.py (PyTorch in float64 on
// float32 gradients). Ours runs in float64 (1e-12·(1 + |want|)) and float32 (1e-5 + 1.3e-6·|want|).
import { Variable, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { clipGradNorm, type ClipGradNormOptions, clipGradValue } from '../src/index.js';
import {
  type ClipEntry,
  decodeTensor,
  decodeValues,
  type Float,
  loadFixture,
  mismatches,
  TOL,
} from './oracle/fixtures.js';
import { oracleTests } from './support/oracle-suite.js';

const file = loadFixture<ClipEntry>('clip.json');

function check(entry: ClipEntry, dtype: Float): string[] {
  const tol = TOL[dtype];
  const vars: Record<string, Variable> = {};
  for (const [name, g] of Object.entries(entry.grads)) {
    const v = new Variable(zeros(g === null ? [1] : g.shape, { dtype }), { name });
    v.grad = g === null ? null : decodeTensor(g, dtype);
    vars[name] = v;
  }
  const problems: string[] = [];
  if (entry.fn === 'clipGradNorm') {
    const total = clipGradNorm(Object.values(vars), entry.args[0]!, entry.options as ClipGradNormOptions);
    problems.push(...mismatches([total], [entry.total!], tol, 'total norm'));
  } else {
    clipGradValue(Object.values(vars), entry.args[0]!);
  }
  for (const [name, want] of Object.entries(entry.expected)) {
    const g = vars[name]!.grad;
    if (want === null) {
      if (g !== null) problems.push(`${name}: expected no gradient`);
      continue;
    }
    if (g === null) {
      problems.push(`${name}: gradient missing`);
      continue;
    }
    expect(g.dtype).toBe(dtype);
    problems.push(...mismatches(g.dataSync(), decodeValues(want), tol, `${name}.grad`));
  }
  for (const v of Object.values(vars)) v.dispose();
  return problems;
}

describe('gradient clipping matches PyTorch 1.13', () => {
  it('the fixture file has both functions', () => {
    expect(new Set(file.entries.map((e) => e.fn))).toEqual(new Set(['clipGradNorm', 'clipGradValue']));
  });
  oracleTests(file.entries, check);
});
