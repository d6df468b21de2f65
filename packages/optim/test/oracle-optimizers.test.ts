// 10-step parameter trajectories of every optimizer (and optimizer + scheduler) against
// PyTorch 1.13: test/fixtures/optimizers.json, from scripts/gen-fixtures/gen_optim_fixtures.py.
// Gradients come from @nn/autograd on the least-squares loss the generator uses. Each entry runs
// in float64 (against PyTorch's float64 trajectory, tolerance 1e-12·(1 + |want|)) and in float32
// (against the same trajectory at @nn's float32 tolerance 1e-5 + 1.3e-6·|want|).
import { backward, enableGrad } from '@nn/autograd';
import { add, matmul, mean, neg, square, sub, type Tensor, tidy, Variable } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import type { OptimizerStateDict } from '../src/index.js';
import {
  decodeTensor,
  decodeValues,
  type Float,
  loadFixture,
  makeOptimizer,
  makeScheduler,
  mismatches,
  momentumOf,
  type OptimizerEntry,
  TOL,
} from './oracle/fixtures.js';
import { oracleTests } from './support/oracle-suite.js';

const file = loadFixture<OptimizerEntry>('optimizers.json');
const STEPS = file.steps as number;

interface Run {
  trajectory: Record<string, number[][]>;
  lrs: number[][];
  momentum: number[][];
  stateDict: OptimizerStateDict;
}

function run(entry: OptimizerEntry, dtype: Float): Run {
  const X = decodeTensor(entry.inputs.X, dtype);
  const Y = decodeTensor(entry.inputs.Y, dtype);
  const vars: Record<string, Variable> = {};
  for (const [name, t] of Object.entries(entry.params)) vars[name] = new Variable(decodeTensor(t, dtype), { name });
  const params =
    entry.groups === null
      ? Object.values(vars)
      : entry.groups.map((g) => ({ params: g.params.map((n) => vars[n]!), ...g.options }));
  const opt = makeOptimizer(entry.optimizer, params, entry.options);
  const sched = entry.scheduler === null ? null : makeScheduler(opt, entry.scheduler);
  const out: Run = { trajectory: {}, lrs: [], momentum: [], stateDict: { state: {}, paramGroups: [] } };
  for (const name of Object.keys(vars)) out.trajectory[name] = [];
  const stop = enableGrad();
  try {
    for (let step = 0; step < STEPS; step++) {
      opt.zeroGrad();
      tidy(() => {
        const loss = mean(square(sub(add(matmul(X, vars.w!.value), vars.b!.value), Y)));
        backward(entry.objective === 'negLsq' ? neg(loss) : loss);
      });
      out.lrs.push(opt.paramGroups.map((g) => g.lr));
      out.momentum.push(momentumOf(opt));
      opt.step();
      sched?.step();
      for (const [name, v] of Object.entries(vars)) out.trajectory[name]!.push([...v.value.dataSync()]);
    }
  } finally {
    stop();
  }
  out.stateDict = opt.stateDict();
  opt.dispose();
  opt.zeroGrad();
  for (const v of Object.values(vars)) v.dispose();
  X.dispose();
  Y.dispose();
  return out;
}

function check(entry: OptimizerEntry, dtype: Float): string[] {
  const tol = TOL[dtype];
  const got = run(entry, dtype);
  const problems: string[] = [];
  for (const [name, t] of Object.entries(entry.trajectory)) {
    const want = decodeValues(t);
    const per = want.length / STEPS;
    for (let step = 0; step < STEPS; step++) {
      problems.push(
        ...mismatches(
          got.trajectory[name]![step]!,
          want.subarray(step * per, (step + 1) * per),
          tol,
          `${name} after step ${step + 1}`,
        ),
      );
    }
  }
  const exact = { atol: 1e-15, rtol: 1e-12 };
  got.lrs.forEach((lrs, step) => problems.push(...mismatches(lrs, entry.lrs[step]!, exact, `lr of step ${step + 1}`)));
  if (entry.momentum !== null) {
    got.momentum.forEach((m, step) =>
      problems.push(...mismatches(m, entry.momentum![step]!, exact, `momentum of step ${step + 1}`)),
    );
  }
  // The final state, under PyTorch's names and parameter indices.
  const state = got.stateDict.state;
  expect(Object.keys(state).sort()).toEqual(Object.keys(entry.state).sort());
  for (const [index, entries] of Object.entries(entry.state)) {
    const ours = state[Number(index)]!;
    expect(Object.keys(ours).sort(), `state ${index}`).toEqual(Object.keys(entries).sort());
    for (const [key, want] of Object.entries(entries)) {
      const value = ours[key]!;
      if (typeof want === 'number') {
        expect(value, `state ${index}.${key}`).toBe(want);
      } else {
        const t = value as Tensor;
        expect(t.shape).toEqual(want.shape);
        expect(t.dtype).toBe(dtype);
        problems.push(...mismatches(t.dataSync(), decodeValues(want), tol, `state ${index}.${key}`));
      }
    }
  }
  // Free the state: oracleTests then checks that nothing leaked (every tensor made by the run: inputs,
  // parameters, gradients, state).
  for (const s of Object.values(state)) for (const v of Object.values(s)) if (typeof v !== 'number') v.dispose();
  return problems;
}

describe('optimizer trajectories match PyTorch 1.13', () => {
  it('the fixture file has every optimizer', () => {
    const names = new Set(file.entries.map((e) => e.optimizer));
    expect([...names].sort()).toEqual(['Adagrad', 'Adam', 'AdamW', 'RMSprop', 'SGD']);
    expect(file.entries.length).toBeGreaterThanOrEqual(30);
  });
  oracleTests(file.entries, check);
});
