// Optimizer state dicts: a mid-training round trip continues identically; loading is validated
// and all-or-nothing.
import { backward, enableGrad } from '@nn/autograd';
import {
  add,
  ArgumentError,
  getBackend,
  mul,
  ShapeError,
  square,
  sub,
  sum,
  type Tensor,
  tensor,
  tidy,
  Variable,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { Adagrad, Adam, AdamW, type Optimizer, type OptimizerStateDict, RMSprop, SGD } from '../src/index.js';

type Make = (params: Variable[] | { params: Variable[]; lr?: number }[]) => Optimizer;

const ALL: [string, Make][] = [
  ['SGD', (p) => new SGD(p, { lr: 0.05, momentum: 0.9, nesterov: true })],
  ['Adam', (p) => new Adam(p, { lr: 0.05, amsgrad: true, weightDecay: 0.01 })],
  ['AdamW', (p) => new AdamW(p, { lr: 0.05 })],
  ['RMSprop', (p) => new RMSprop(p, { lr: 0.01, momentum: 0.5, centered: true })],
  ['Adagrad', (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01 })],
];

function makeVars(dtype: 'float32' | 'float64' = 'float32'): Variable[] {
  return [
    new Variable(
      tensor(
        [
          [0.5, -1.25],
          [2, 0.75],
        ],
        { dtype },
      ),
      { name: 'w' },
    ),
    new Variable(tensor([0.1, -0.3], { dtype }), { name: 'b' }),
  ];
}

/** One training step on a fixed loss whose gradient depends on the parameters. */
function trainStep(opt: Optimizer, [w, b]: Variable[]): void {
  opt.zeroGrad();
  const stop = enableGrad();
  try {
    tidy(() => {
      const y = add(
        sum(
          mul(
            square(w!.value),
            tensor(
              [
                [1, 2],
                [3, 4],
              ],
              { dtype: w!.dtype },
            ),
          ),
        ),
        sum(square(sub(b!.value, 1))),
      );
      backward(y);
    });
  } finally {
    stop();
  }
  opt.step();
}

function values(vars: Variable[]): number[][] {
  return vars.map((v) => [...v.value.dataSync()]);
}

function disposeStateDict(sd: OptimizerStateDict): void {
  for (const s of Object.values(sd.state)) for (const v of Object.values(s)) if (typeof v !== 'number') v.dispose();
}

describe('stateDict round trip', () => {
  it.each(ALL)('%s: a restored optimizer continues bit for bit', (_, make) => {
    const vars = makeVars();
    const opt = make([{ params: [vars[0]!] }, { params: [vars[1]!], lr: 0.02 }]);
    for (let i = 0; i < 3; i++) trainStep(opt, vars);
    const sd = opt.stateDict();
    const snapshot = makeVars();
    snapshot.forEach((v, i) => v.assign(tidy(() => mul(vars[i]!.value, 1))));
    // Continue the original for 4 steps.
    for (let i = 0; i < 4; i++) trainStep(opt, vars);
    // A fresh optimizer (other hyper-parameters) over the snapshot, loaded from the state dict.
    const restored = make([{ params: [snapshot[0]!], lr: 9 }, { params: [snapshot[1]!] }]);
    restored.loadStateDict(sd);
    expect(restored.paramGroups.map((g) => g.lr)).toEqual([opt.paramGroups[0]!.lr, 0.02]);
    for (let i = 0; i < 4; i++) trainStep(restored, snapshot);
    expect(values(snapshot)).toEqual(values(vars));
    // The state dict stays the caller's: loading copied it.
    for (const s of Object.values(sd.state))
      for (const v of Object.values(s)) if (typeof v !== 'number') expect(v.isDisposed).toBe(false);
    disposeStateDict(sd);
    for (const o of [opt, restored]) o.dispose();
    for (const v of [...vars, ...snapshot]) v.dispose();
  });

  it('uses PyTorch names and indices counted across groups', () => {
    const [w, b] = makeVars();
    const extra = new Variable(tensor([1, 2]));
    const opt = new Adam([{ params: [w!, extra] }, { params: [b!], lr: 0.5 }]);
    w!.grad = tensor([
      [1, 1],
      [1, 1],
    ]);
    b!.grad = tensor([1, 1]);
    opt.step();
    const sd = opt.stateDict();
    expect(sd.paramGroups.map((g) => g.params)).toEqual([[0, 1], [2]]);
    expect(Object.keys(sd.paramGroups[1]!)).toEqual([
      'lr',
      'betas',
      'eps',
      'weightDecay',
      'amsgrad',
      'maximize',
      'params',
    ]);
    expect(Object.keys(sd.state)).toEqual(['0', '2']); // `extra` had no gradient
    expect(Object.keys(sd.state[0]!)).toEqual(['step', 'exp_avg', 'exp_avg_sq']);
    // Copies: changing the optimizer does not change the snapshot.
    const expAvg = sd.state[0]!.exp_avg as Tensor;
    expect(expAvg).not.toBe(opt.state.get(w!)!.exp_avg);
    disposeStateDict(sd);
    opt.dispose();
    for (const v of [w!, b!, extra]) v.dispose();
  });

  it('casts state tensors to the parameter dtype', () => {
    const [w32] = makeVars('float32');
    const [w64] = makeVars('float64');
    const a = new SGD([w32!], { momentum: 0.9 });
    w32!.grad = tensor([
      [1, 2],
      [3, 4],
    ]);
    a.step();
    const b = new SGD([w64!], { momentum: 0.9 });
    const sd = a.stateDict();
    b.loadStateDict(sd);
    expect((b.state.get(w64!)!.momentum_buffer as Tensor).dtype).toBe('float64');
    disposeStateDict(sd);
    for (const o of [a, b]) o.dispose();
    for (const v of [w32!, w64!]) v.dispose();
  });
});

describe('loadStateDict validation', () => {
  function trained(): { opt: Adam; vars: Variable[]; sd: OptimizerStateDict } {
    const vars = makeVars();
    const opt = new Adam(vars, { lr: 0.1 });
    trainStep(opt, vars);
    return { opt, vars, sd: opt.stateDict() };
  }

  const bad: [string, (sd: OptimizerStateDict) => unknown, typeof ArgumentError | typeof ShapeError, RegExp][] = [
    ['not an object', () => 3, ArgumentError, /stateDict/],
    ['no paramGroups', (sd) => ({ state: sd.state }), ArgumentError, /stateDict/],
    [
      'another number of groups',
      (sd) => ({ ...sd, paramGroups: [...sd.paramGroups, { ...sd.paramGroups[0], params: [] }] }),
      ArgumentError,
      /1 parameter group/,
    ],
    [
      'another number of parameters',
      (sd) => ({ ...sd, paramGroups: [{ ...sd.paramGroups[0], params: [0] }] }),
      ArgumentError,
      /2 parameter/,
    ],
    [
      'a repeated index',
      (sd) => ({ ...sd, paramGroups: [{ ...sd.paramGroups[0], params: [0, 0] }] }),
      ArgumentError,
      /index used once/,
    ],
    ['state for an unknown index', (sd) => ({ ...sd, state: { ...sd.state, 7: {} } }), ArgumentError, /index 7/],
    [
      'an unknown state entry',
      (sd) => ({ ...sd, state: { 0: { ...sd.state[0], momentum_buffer: 1 } } }),
      ArgumentError,
      /momentum_buffer/,
    ],
    ['a non-number step', (sd) => ({ ...sd, state: { 0: { ...sd.state[0], step: 'one' } } }), ArgumentError, /step/],
    [
      'a wrongly shaped tensor',
      (sd) => ({ ...sd, state: { 0: { ...sd.state[0], exp_avg: sd.state[1]!.exp_avg } } }),
      ShapeError,
      /exp_avg/,
    ],
    [
      'a bad hyper-parameter',
      (sd) => ({ ...sd, paramGroups: [{ ...sd.paramGroups[0], betas: [0.9, 1.5] }] }),
      ArgumentError,
      /betas\[1\]/,
    ],
    [
      'an unknown hyper-parameter',
      (sd) => ({ ...sd, paramGroups: [{ ...sd.paramGroups[0], weight_decay: 0 }] }),
      ArgumentError,
      /weight_decay/,
    ],
  ];

  it.each(bad)('rejects %s and changes nothing', (_, mutate, errorClass, message) => {
    const { opt, vars, sd } = trained();
    const before = opt.stateDict();
    const ids = getBackend().numDataIds();
    let error: unknown;
    try {
      opt.loadStateDict(mutate(sd) as OptimizerStateDict);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(errorClass);
    expect(String((error as Error).message)).toMatch(message);
    expect(getBackend().numDataIds()).toBe(ids);
    const after = opt.stateDict();
    expect(after.paramGroups).toEqual(before.paramGroups);
    expect((after.state[0]!.exp_avg as Tensor).toArray()).toEqual((before.state[0]!.exp_avg as Tensor).toArray());
    for (const s of [sd, before, after]) disposeStateDict(s);
    opt.dispose();
    for (const v of vars) v.dispose();
  });
});
