// Scheduler behaviour beyond the PyTorch sequences: closed forms, initial lr, state dicts, limits.
import { ArgumentError, tensor, Variable, zeros } from '@nn/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Adam,
  CosineAnnealingLR,
  ExponentialLR,
  LinearLR,
  type LRScheduler,
  MultiStepLR,
  OneCycleLR,
  ReduceLROnPlateau,
  SGD,
  StepLR,
} from '../src/index.js';

const vars = [new Variable(zeros([1])), new Variable(zeros([1]))];
afterAll(() => {
  for (const v of vars) v.dispose();
});
const sgd = (lrs = [0.1, 0.01]): SGD =>
  new SGD(
    lrs.map((lr, i) => ({ params: [vars[i]!], lr })),
    { momentum: 0.9 },
  );

const MAKERS: [string, (opt: SGD) => LRScheduler][] = [
  ['StepLR', (o) => new StepLR(o, 3, { gamma: 0.5 })],
  ['MultiStepLR', (o) => new MultiStepLR(o, [2, 4, 4])],
  ['ExponentialLR', (o) => new ExponentialLR(o, 0.8)],
  ['CosineAnnealingLR', (o) => new CosineAnnealingLR(o, 4, { etaMin: 0.001 })],
  ['LinearLR', (o) => new LinearLR(o, { totalIters: 4 })],
  ['OneCycleLR', (o) => new OneCycleLR(o, [1, 0.5], { totalSteps: 12, threePhase: true })],
];

describe('epoch schedulers', () => {
  it.each(MAKERS)('%s: lrAt(t) is the lr after t steps, and does not change anything', (_, make) => {
    const opt = sgd();
    const sched = make(opt);
    const planned = Array.from({ length: 12 }, (_, t) => sched.lrAt(t));
    expect(sched.lastEpoch).toBe(0);
    const seen = [opt.paramGroups.map((g) => g.lr)];
    for (let t = 1; t < 12; t++) {
      sched.step();
      seen.push(opt.paramGroups.map((g) => g.lr));
      expect(sched.getLastLr()).toEqual(seen.at(-1));
    }
    expect(seen).toEqual(planned);
    expect(sched.lastEpoch).toBe(11);
  });

  it.each(MAKERS)('%s: stateDict / loadStateDict resumes the schedule', (_, make) => {
    const a = make(sgd());
    for (let t = 0; t < 5; t++) a.step();
    const sd = a.stateDict();
    const optB = sgd();
    const b = make(optB);
    b.loadStateDict(sd);
    expect(b.stateDict()).toEqual(sd);
    a.step();
    b.step();
    expect(b.getLastLr()).toEqual(a.getLastLr());
    expect(optB.paramGroups.map((g) => g.lr)).toEqual(a.getLastLr());
    expect(() => b.loadStateDict({ ...sd, baseLrs: [1] })).toThrow(ArgumentError);
    expect(() => b.loadStateDict({ ...sd, lastEpoch: -3 })).toThrow(ArgumentError);
    expect(() => b.loadStateDict(null as never)).toThrow(ArgumentError);
  });

  it('the first scheduler records initialLr; later ones start from it, as in PyTorch', () => {
    const opt = sgd([1, 0.5]);
    new StepLR(opt, 1, { gamma: 0.1 }).step(); // lr now 0.1, 0.05
    expect(opt.paramGroups.map((g) => g.initialLr)).toEqual([1, 0.5]);
    const second = new ExponentialLR(opt, 0.5);
    expect(second.baseLrs).toEqual([1, 0.5]);
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([1, 0.5]);
  });

  it('cosine annealing keeps following the cosine past tMax', () => {
    const sched = new CosineAnnealingLR(sgd([1, 1]), 5);
    expect(sched.lrAt(5)[0]).toBeCloseTo(0, 15);
    expect(sched.lrAt(10)[0]).toBeCloseTo(1, 15);
    expect(sched.lrAt(7)[0]).toBeCloseTo(sched.lrAt(3)[0]!, 15);
  });

  it('a change in the number of parameter groups is an error', () => {
    const opt = sgd();
    const sched = new StepLR(opt, 2);
    opt.addParamGroup({ params: [new Variable(zeros([1]))] });
    expect(() => sched.step()).toThrow(/2 parameter group/);
    expect(sched.lastEpoch).toBe(0);
  });
});

describe('OneCycleLR', () => {
  it('allows totalSteps steps, then throws without changing anything', () => {
    const opt = sgd();
    const sched = new OneCycleLR(opt, 0.1, { totalSteps: 5 });
    for (let t = 0; t < 5; t++) sched.step();
    expect(sched.lastEpoch).toBe(5);
    const lrs = opt.paramGroups.map((g) => g.lr);
    expect(() => sched.step()).toThrow(ArgumentError);
    expect(sched.lastEpoch).toBe(5);
    expect(opt.paramGroups.map((g) => g.lr)).toEqual(lrs);
  });

  it('cycles Adam β₁ and keeps β₂', () => {
    const opt = new Adam([vars[0]!], { betas: [0.9, 0.99] });
    const sched = new OneCycleLR(opt, 0.01, { totalSteps: 10, baseMomentum: 0.8, maxMomentum: 0.9 });
    expect(opt.paramGroups[0]!.betas).toEqual([0.9, 0.99]);
    sched.step();
    sched.step();
    const [b1, b2] = opt.paramGroups[0]!.betas;
    expect(b1).toBeCloseTo(0.8, 15); // the lr peaks at step 2 (0.3·10 − 1), the momentum bottoms out
    expect(b2).toBe(0.99);
    expect(sched.momentumAt(2)).toEqual([b1]);
  });

  it('leaves the momentum alone with cycleMomentum false', () => {
    const opt = sgd();
    const sched = new OneCycleLR(opt, 0.1, { totalSteps: 10, cycleMomentum: false });
    sched.step();
    expect(opt.paramGroups.map((g) => g.momentum)).toEqual([0.9, 0.9]);
  });
});

describe('ReduceLROnPlateau', () => {
  it('does not change the lr when built; accepts one-element tensors', () => {
    const opt = sgd([0.1, 0.01]);
    const sched = new ReduceLROnPlateau(opt, { patience: 0 });
    expect(sched.getLastLr()).toEqual([0.1, 0.01]);
    const metric = tensor([[2]]);
    sched.step(metric);
    sched.step(tensor(3));
    expect(sched.getLastLr()).toEqual([0.1 * 0.1, 0.01 * 0.1]);
    expect(() => sched.step(tensor([1, 2]))).toThrow(ArgumentError);
    expect(() => sched.step('1' as never)).toThrow(ArgumentError);
    expect(sched.lastEpoch).toBe(2);
  });

  it('stops at minLr and skips reductions smaller than eps', () => {
    const opt = sgd([0.1, 0.01]);
    const sched = new ReduceLROnPlateau(opt, { patience: 0, factor: 0.5, minLr: [0.03, 0], eps: 0.004 });
    for (let i = 0; i < 5; i++) sched.step(1);
    // group 0: 0.1 → 0.05 → 0.03 (minLr); group 1: 0.01 → 0.005 → then 0.0025 is a change < eps: kept.
    expect(sched.getLastLr()).toEqual([0.03, 0.005]);
  });

  it('round-trips its state', () => {
    const a = new ReduceLROnPlateau(sgd(), { patience: 2, cooldown: 1 });
    for (const m of [1, 1, 1, 1, 0.5]) a.step(m);
    const opt = sgd();
    const b = new ReduceLROnPlateau(opt, { patience: 2, cooldown: 1 });
    b.loadStateDict(a.stateDict());
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(() => b.loadStateDict({ ...a.stateDict(), numBadEpochs: -1 })).toThrow(ArgumentError);
    expect(() => b.loadStateDict({ ...a.stateDict(), lastLr: [1] })).toThrow(ArgumentError);
  });
});
