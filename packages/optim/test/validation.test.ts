// Every hyper-parameter check of the optimizers, schedulers and clipping functions throws an
// ArgumentError naming the public operation and the argument (PyTorch's checks, our format).
import { ArgumentError, Variable, zeros } from '@nn/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import {
  Adagrad,
  Adam,
  AdamW,
  clipGradNorm,
  clipGradValue,
  CosineAnnealingLR,
  ExponentialLR,
  LinearLR,
  MultiStepLR,
  OneCycleLR,
  type Optimizer,
  ReduceLROnPlateau,
  RMSprop,
  SGD,
  StepLR,
} from '../src/index.js';

const w = new Variable(zeros([2]), { name: 'w' });
afterAll(() => w.dispose());

function thrown(fn: () => unknown): ArgumentError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArgumentError) return e;
    throw new Error(`expected an ArgumentError, got ${String(e)}`);
  }
  throw new Error('expected an ArgumentError, nothing was thrown');
}

type Ctor = new (params: Variable[], options: Record<string, unknown>) => Optimizer;

const OPTIMIZER_CASES: [Ctor, Record<string, unknown>, string][] = [
  [SGD, { lr: -0.1 }, 'options.lr'],
  [SGD, { lr: NaN }, 'options.lr'],
  [SGD, { momentum: -0.5 }, 'options.momentum'],
  [SGD, { weightDecay: -1 }, 'options.weightDecay'],
  [SGD, { nesterov: true }, 'options.nesterov'],
  [SGD, { nesterov: true, momentum: 0.9, dampening: 0.1 }, 'options.nesterov'],
  [SGD, { nesterov: 1 }, 'options.nesterov'],
  [SGD, { maximize: 'yes' }, 'options.maximize'],
  [SGD, { dampening: '0' }, 'options.dampening'],
  [SGD, { momentom: 0.9 }, 'options.momentom'],
  [Adam, { lr: -1e-3 }, 'options.lr'],
  [Adam, { eps: -1e-8 }, 'options.eps'],
  [Adam, { betas: [1, 0.999] }, 'options.betas[0]'],
  [Adam, { betas: [-0.1, 0.999] }, 'options.betas[0]'],
  [Adam, { betas: [0.9, 1] }, 'options.betas[1]'],
  [Adam, { betas: [0.9] }, 'options.betas'],
  [Adam, { betas: 0.9 }, 'options.betas'],
  [Adam, { weightDecay: -0.1 }, 'options.weightDecay'],
  [Adam, { amsgrad: 'true' }, 'options.amsgrad'],
  [Adam, { weight_decay: 0.1 }, 'options.weight_decay'],
  [AdamW, { lr: -1 }, 'options.lr'],
  [AdamW, { betas: [0.9, 2] }, 'options.betas[1]'],
  [AdamW, { weightDecay: -1e-2 }, 'options.weightDecay'],
  [AdamW, { eps: -1 }, 'options.eps'],
  [RMSprop, { lr: -0.01 }, 'options.lr'],
  [RMSprop, { alpha: -0.5 }, 'options.alpha'],
  [RMSprop, { eps: -1 }, 'options.eps'],
  [RMSprop, { momentum: -0.9 }, 'options.momentum'],
  [RMSprop, { weightDecay: -0.1 }, 'options.weightDecay'],
  [RMSprop, { centered: 1 }, 'options.centered'],
  [Adagrad, { lr: -0.01 }, 'options.lr'],
  [Adagrad, { lrDecay: -0.1 }, 'options.lrDecay'],
  [Adagrad, { weightDecay: -0.1 }, 'options.weightDecay'],
  [Adagrad, { initialAccumulatorValue: -1 }, 'options.initialAccumulatorValue'],
  [Adagrad, { eps: -1e-10 }, 'options.eps'],
];

describe('optimizer hyper-parameters', () => {
  it.each(OPTIMIZER_CASES)('%o rejects %o (%s)', (cls, options, arg) => {
    const e = thrown(() => new cls([w], options));
    expect(e.op).toBe(`new ${cls.name}`);
    expect(e.arg).toBe(arg);
    expect(e.code).toBe('E_ARGUMENT');
  });

  it.each(OPTIMIZER_CASES)('%o checks group overrides %o', (cls, options, arg) => {
    const e = thrown(() => new cls([{ params: [w], ...options }] as never, {}));
    expect(e.arg).toBe(arg.replace('options', 'params[0]'));
  });

  it('accepts the boundary values PyTorch accepts', () => {
    const ok = [
      new SGD([w], { lr: 0, momentum: 0.1, nesterov: true }),
      new Adam([w], { lr: 0, eps: 0, betas: [0, 0], weightDecay: 0 }),
      new RMSprop([w], { alpha: 0, momentum: 0, eps: 0 }),
      new Adagrad([w], { lrDecay: 0, initialAccumulatorValue: 0, eps: 0 }),
      new SGD([w], { lr: Infinity }),
    ];
    for (const o of ok) o.dispose();
  });

  it('gives clear messages', () => {
    expect(thrown(() => new Adam([w], { betas: [0.9, 1] })).message).toBe(
      '[@nn] new Adam(options.betas[1]): expected a number in [0, 1), got 1',
    );
    expect(thrown(() => new SGD([w], { lr: -1 })).message).toBe(
      '[@nn] new SGD(options.lr): expected a learning rate ≥ 0, got -1',
    );
    expect(thrown(() => new SGD([w], { nesterov: true })).message).toMatch(
      /Nesterov momentum with a momentum > 0 and zero dampening/,
    );
    expect(thrown(() => new SGD([])).message).toMatch(/empty parameter list/);
  });
});

describe('scheduler arguments', () => {
  const sgd = (): SGD => new SGD([w], { lr: 0.1, momentum: 0.9 });
  const cases: [string, () => unknown, string][] = [
    ['StepLR stepSize 0', () => new StepLR(sgd(), 0), 'stepSize'],
    ['StepLR stepSize 1.5', () => new StepLR(sgd(), 1.5), 'stepSize'],
    ['StepLR gamma', () => new StepLR(sgd(), 2, { gamma: '0.1' as never }), 'options.gamma'],
    ['StepLR unknown option', () => new StepLR(sgd(), 2, { step_size: 2 } as never), 'options.step_size'],
    ['StepLR without an optimizer', () => new StepLR({} as never, 2), 'optimizer'],
    ['MultiStepLR milestones', () => new MultiStepLR(sgd(), [1, -2]), 'milestones'],
    ['MultiStepLR milestones type', () => new MultiStepLR(sgd(), 3 as never), 'milestones'],
    ['ExponentialLR gamma', () => new ExponentialLR(sgd(), NaN), 'gamma'],
    ['CosineAnnealingLR tMax', () => new CosineAnnealingLR(sgd(), 0), 'tMax'],
    ['CosineAnnealingLR etaMin', () => new CosineAnnealingLR(sgd(), 5, { etaMin: NaN }), 'options.etaMin'],
    ['LinearLR startFactor 0', () => new LinearLR(sgd(), { startFactor: 0 }), 'options.startFactor'],
    ['LinearLR startFactor 2', () => new LinearLR(sgd(), { startFactor: 2 }), 'options.startFactor'],
    ['LinearLR endFactor', () => new LinearLR(sgd(), { endFactor: 1.5 }), 'options.endFactor'],
    ['LinearLR totalIters', () => new LinearLR(sgd(), { totalIters: 0 }), 'options.totalIters'],
    ['OneCycleLR no length', () => new OneCycleLR(sgd(), 0.1), 'options'],
    ['OneCycleLR epochs only', () => new OneCycleLR(sgd(), 0.1, { epochs: 2 }), 'options'],
    ['OneCycleLR totalSteps', () => new OneCycleLR(sgd(), 0.1, { totalSteps: 0 }), 'options.totalSteps'],
    ['OneCycleLR epochs', () => new OneCycleLR(sgd(), 0.1, { epochs: 1.5, stepsPerEpoch: 2 }), 'options.epochs'],
    [
      'OneCycleLR stepsPerEpoch',
      () => new OneCycleLR(sgd(), 0.1, { epochs: 2, stepsPerEpoch: -1 }),
      'options.stepsPerEpoch',
    ],
    ['OneCycleLR pctStart', () => new OneCycleLR(sgd(), 0.1, { totalSteps: 10, pctStart: 1.5 }), 'options.pctStart'],
    [
      'OneCycleLR annealStrategy',
      () => new OneCycleLR(sgd(), 0.1, { totalSteps: 10, annealStrategy: 'exp' as never }),
      'options.annealStrategy',
    ],
    ['OneCycleLR maxLr list', () => new OneCycleLR(sgd(), [0.1, 0.2], { totalSteps: 10 }), 'maxLr'],
    ['OneCycleLR maxLr', () => new OneCycleLR(sgd(), -1, { totalSteps: 10 }), 'maxLr'],
    ['OneCycleLR divFactor', () => new OneCycleLR(sgd(), 0.1, { totalSteps: 10, divFactor: 0 }), 'options.divFactor'],
    [
      'OneCycleLR momentum with Adagrad',
      () => new OneCycleLR(new Adagrad([w]), 0.1, { totalSteps: 10 }),
      'options.cycleMomentum',
    ],
    [
      'OneCycleLR beta1 = 1',
      () => new OneCycleLR(new Adam([w]), 0.1, { totalSteps: 10, maxMomentum: 1 }),
      'options.maxMomentum',
    ],
    ['OneCycleLR zero-length phase', () => new OneCycleLR(sgd(), 0.1, { totalSteps: 10, pctStart: 0.1 }), 'pctStart'],
    ['ReduceLROnPlateau factor', () => new ReduceLROnPlateau(sgd(), { factor: 1 }), 'options.factor'],
    ['ReduceLROnPlateau mode', () => new ReduceLROnPlateau(sgd(), { mode: 'up' as never }), 'options.mode'],
    [
      'ReduceLROnPlateau thresholdMode',
      () => new ReduceLROnPlateau(sgd(), { thresholdMode: 'pct' as never }),
      'options.thresholdMode',
    ],
    ['ReduceLROnPlateau patience', () => new ReduceLROnPlateau(sgd(), { patience: -1 }), 'options.patience'],
    ['ReduceLROnPlateau cooldown', () => new ReduceLROnPlateau(sgd(), { cooldown: 0.5 }), 'options.cooldown'],
    ['ReduceLROnPlateau minLr list', () => new ReduceLROnPlateau(sgd(), { minLr: [0, 0] }), 'options.minLr'],
    ['ReduceLROnPlateau minLr', () => new ReduceLROnPlateau(sgd(), { minLr: -1 }), 'options.minLr'],
    ['ReduceLROnPlateau eps', () => new ReduceLROnPlateau(sgd(), { eps: -1 }), 'options.eps'],
    ['ReduceLROnPlateau threshold', () => new ReduceLROnPlateau(sgd(), { threshold: -1 }), 'options.threshold'],
  ];
  it.each(cases)('%s', (_, fn, arg) => {
    expect(thrown(fn).arg).toBe(arg);
  });
});

describe('clipping arguments', () => {
  const cases: [string, () => unknown, string][] = [
    ['maxNorm < 0', () => clipGradNorm([w], -1), 'maxNorm'],
    ['maxNorm NaN', () => clipGradNorm([w], NaN), 'maxNorm'],
    ['normType 0', () => clipGradNorm([w], 1, { normType: 0 }), 'options.normType'],
    ["normType 'fro'", () => clipGradNorm([w], 1, { normType: 'fro' as never }), 'options.normType'],
    ['errorIfNonfinite', () => clipGradNorm([w], 1, { errorIfNonfinite: 1 as never }), 'options.errorIfNonfinite'],
    ['params', () => clipGradNorm(3 as never, 1), 'params'],
    ['a non-Variable', () => clipGradNorm([zeros([1])] as never, 1), 'params[0]'],
    ['clipValue < 0', () => clipGradValue([w], -0.5), 'clipValue'],
    ['clipValue NaN', () => clipGradValue([w], NaN), 'clipValue'],
  ];
  it.each(cases)('%s', (_, fn, arg) => {
    expect(thrown(fn).arg).toBe(arg);
  });
});
