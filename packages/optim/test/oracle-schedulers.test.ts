// Learning-rate (and momentum) sequences of every scheduler against PyTorch 1.13:
// test/fixtures/schedulers.json, from scripts/gen-fixtures/gen_optim_fixtures.py. PyTorch computes
// most schedules recursively (lr ← lr·factor) and ours in closed form, so values agree to a few
// float64 roundings per step: compared at 1e-15 + 1e-12·|want|.
import { Variable, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { Adam, type Optimizer, SGD } from '../src/index.js';
import { loadFixture, makeScheduler, mismatches, momentumOf, type SchedulerEntry } from './oracle/fixtures.js';

const file = loadFixture<SchedulerEntry>('schedulers.json');
const TOL = { atol: 1e-15, rtol: 1e-12 };

function check(entry: SchedulerEntry): string[] {
  const vars = entry.lrs0.map(() => new Variable(zeros([1])));
  const groups = entry.lrs0.map((lr, i) => ({ params: [vars[i]!], lr }));
  const opt: Optimizer =
    entry.optimizer === 'SGD' ? new SGD(groups, { lr: entry.lrs0[0]!, momentum: 0.9 }) : new Adam(groups);
  const sched = makeScheduler(opt, { type: entry.scheduler, args: entry.args, options: entry.options });
  const problems: string[] = [];
  const compare = (epoch: number): void => {
    const lrs = opt.paramGroups.map((g) => g.lr);
    problems.push(...mismatches(lrs, entry.lrs[epoch]!, TOL, `lr at step ${epoch}`));
    if (entry.scheduler !== 'ReduceLROnPlateau')
      problems.push(...mismatches(sched.getLastLr(), entry.lrs[epoch]!, TOL, `getLastLr() at step ${epoch}`));
    if (entry.momentum !== null)
      problems.push(...mismatches(momentumOf(opt), entry.momentum[epoch]!, TOL, `momentum at step ${epoch}`));
  };
  compare(0);
  for (let epoch = 1; epoch < entry.lrs.length; epoch++) {
    opt.step();
    if (entry.metrics !== null) sched.step(entry.metrics[epoch - 1]!);
    else sched.step();
    compare(epoch);
  }
  for (const v of vars) v.dispose();
  return problems;
}

describe('scheduler sequences match PyTorch 1.13', () => {
  it('the fixture file has every scheduler', () => {
    const names = new Set(file.entries.map((e) => e.scheduler));
    expect([...names].sort()).toEqual([
      'CosineAnnealingLR',
      'ExponentialLR',
      'LinearLR',
      'MultiStepLR',
      'OneCycleLR',
      'ReduceLROnPlateau',
      'StepLR',
    ]);
    for (const e of file.entries) expect(e.lrs.length, e.name).toBeGreaterThanOrEqual(11);
  });
  for (const entry of file.entries) {
    it(entry.name, () => {
      expect(check(entry)).toEqual([]);
    });
  }
});
