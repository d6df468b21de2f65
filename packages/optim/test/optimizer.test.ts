// The Optimizer base: parameter groups, skipping, zeroGrad, closures, statistics, memory.
import { backward, enableGrad } from '@nn/autograd';
import {
  add,
  ArgumentError,
  DTypeError,
  getBackend,
  onOp,
  ShapeError,
  square,
  sub,
  sum,
  tensor,
  tidy,
  Variable,
} from '@nn/tensor';
import { afterEach, describe, expect, it } from 'vitest';
import { Adagrad, Adam, AdamW, type Optimizer, RMSprop, SGD } from '../src/index.js';

const live: { dispose(): void }[] = [];
afterEach(() => {
  for (const x of live.splice(0)) x.dispose();
});

function variable(
  values: number[] | number[][],
  options: { dtype?: 'float32' | 'float64'; trainable?: boolean } = {},
): Variable {
  const v = new Variable(tensor(values, { dtype: options.dtype ?? 'float64' }), {
    trainable: options.trainable ?? true,
  });
  live.push(v);
  return v;
}

/** Fills the gradients of `vars` by autograd: d/dv of Σ sum((v − 1)²) = 2(v − 1). */
function backwardOn(vars: Variable[]): void {
  const stop = enableGrad();
  try {
    tidy(() => backward(vars.map((v) => sum(square(sub(v.value, 1)))).reduce((a, b) => add(a, b))));
  } finally {
    stop();
  }
}

const ALL: [string, (params: Variable[]) => Optimizer][] = [
  ['SGD', (p) => new SGD(p, { lr: 0.1, momentum: 0.9 })],
  ['Adam', (p) => new Adam(p, { lr: 0.1, amsgrad: true })],
  ['AdamW', (p) => new AdamW(p, { lr: 0.1 })],
  ['RMSprop', (p) => new RMSprop(p, { lr: 0.01, centered: true, momentum: 0.5 })],
  ['Adagrad', (p) => new Adagrad(p, { lr: 0.1 })],
];

describe('parameter groups', () => {
  it('a list of Variables is one group with the defaults', () => {
    const a = variable([1]);
    const b = variable([2]);
    const opt = new Adam([a, b], { lr: 0.01 });
    expect(opt.paramGroups).toHaveLength(1);
    const { params, ...hyper } = opt.paramGroups[0]!;
    expect(params).toEqual([a, b]);
    expect(hyper).toEqual({
      lr: 0.01,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
      amsgrad: false,
      maximize: false,
    });
  });

  it('groups override the defaults; groups do not share arrays', () => {
    const a = variable([1]);
    const b = variable([2]);
    const opt = new Adam([{ params: [a] }, { params: [b], lr: 0.5, betas: [0.5, 0.9] }], { lr: 0.01 });
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.01, 0.5]);
    expect(opt.paramGroups.map((g) => g.betas)).toEqual([
      [0.9, 0.999],
      [0.5, 0.9],
    ]);
    expect(opt.paramGroups[0]!.betas).not.toBe(opt.defaults.betas);
  });

  it('an option set to undefined keeps its default', () => {
    const opt = new SGD([variable([1])], { lr: undefined, momentum: 0.5 });
    expect(opt.paramGroups[0]!.lr).toBe(1e-3);
  });

  it('addParamGroup fills defaults and checks', () => {
    const a = variable([1]);
    const opt = new SGD([a], { lr: 0.1, momentum: 0.9 });
    const b = variable([2]);
    opt.addParamGroup({ params: [b], lr: 0.01 });
    expect(opt.paramGroups[1]).toMatchObject({ lr: 0.01, momentum: 0.9, params: [b] });
    expect(() => opt.addParamGroup({ params: [a] })).toThrow(/already in a group/);
    expect(() => opt.addParamGroup({ params: [variable([3])], lr: -1 })).toThrow(ArgumentError);
    expect(opt.paramGroups).toHaveLength(2);
  });

  it('rejects the same parameter in two groups, or twice in one', () => {
    const a = variable([1]);
    const b = variable([2]);
    expect(() => new SGD([{ params: [a, b] }, { params: [a] }])).toThrow(ArgumentError);
    expect(() => new SGD([{ params: [a, b] }, { params: [a] }])).toThrow(/already in a group/);
    expect(() => new SGD([a, b, a])).toThrow(/twice/);
  });

  it('rejects what is not a list of Variables or of groups', () => {
    const a = variable([1]);
    const cases: unknown[] = [
      [],
      a,
      3,
      null,
      'w',
      [a, { params: [a] }],
      [{ lr: 1 }],
      [a.value],
      [{ params: 3 }],
      [{ params: [a], weight_decay: 0.1 }],
    ];
    for (const c of cases) expect(() => new SGD(c as never), String(c)).toThrow(ArgumentError);
    expect(() => new SGD([a], { weight_decay: 0.1 } as never)).toThrow(/camelCase names: 'weightDecay'/);
  });

  it('rejects integer Variables with a DTypeError', () => {
    const v = new Variable(tensor([1, 2], { dtype: 'int32' }));
    live.push(v);
    expect(() => new SGD([v])).toThrow(DTypeError);
  });
});

describe('step', () => {
  it.each(ALL)('%s skips Variables with a null gradient and frozen Variables', (_, make) => {
    const used = variable([2, 3]);
    const noGrad = variable([4, 5]);
    const frozen = variable([6, 7], { trainable: false });
    const opt = make([used, noGrad, frozen]);
    used.grad = tensor([1, -1], { dtype: 'float64' });
    frozen.grad = tensor([1, 1], { dtype: 'float64' }); // set by hand: still not updated
    live.push({ dispose: () => frozen.grad?.dispose() });
    const before = [noGrad.value, frozen.value];
    opt.step();
    expect(used.value.toArray()).not.toEqual([2, 3]);
    expect(noGrad.value).toBe(before[0]);
    expect(frozen.value).toBe(before[1]);
    expect(noGrad.value.toArray()).toEqual([4, 5]);
    expect(frozen.value.toArray()).toEqual([6, 7]);
    // Adagrad creates its state up front (as PyTorch); nobody else keeps state for skipped Variables.
    const stateful = opt instanceof Adagrad ? [used, noGrad, frozen] : [used];
    expect([...opt.state.keys()]).toEqual(stateful);
    if (opt instanceof Adagrad) expect(opt.state.get(noGrad)!.step).toBe(0);
    opt.dispose();
  });

  it.each(ALL)('%s keeps the dtype of float32 and float64 parameters and their state', (_, make) => {
    const a = variable([1, 2], { dtype: 'float32' });
    const b = variable([1, 2], { dtype: 'float64' });
    const opt = make([a, b]);
    backwardOn([a, b]);
    opt.step();
    expect([a.dtype, b.dtype]).toEqual(['float32', 'float64']);
    for (const [v, s] of opt.state)
      for (const t of Object.values(s)) if (typeof t !== 'number') expect(t.dtype).toBe(v.dtype);
    opt.dispose();
  });

  it.each(ALL)('%s records nothing for autograd and leaks nothing across steps', (_, make) => {
    const w = variable([
      [0.5, -1],
      [2, 3],
    ]);
    const b = variable([0.1, 0.2]);
    const opt = make([w, b]);
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      opt.zeroGrad();
      backwardOn([w, b]);
      const ops: string[] = [];
      const stop = enableGrad();
      const unlisten = onOp((r) => ops.push(r.op));
      opt.step();
      unlisten();
      stop();
      expect(ops).toEqual([]);
      counts.push(getBackend().numDataIds());
    }
    // After the first step (which creates the state), every step frees what it replaces.
    expect(new Set(counts.slice(1)).size).toBe(1);
    const beforeDispose = getBackend().numDataIds();
    const stateTensors = [...opt.state.values()].flatMap((s) =>
      Object.values(s).filter((v) => typeof v !== 'number'),
    ).length;
    opt.dispose();
    expect(getBackend().numDataIds()).toBe(beforeDispose - stateTensors);
  });

  it('checks every gradient against its parameter before changing anything', () => {
    const first = variable([5]);
    const w = variable([1, 2]);
    const opt = new SGD([first, w]);
    first.grad = tensor([1], { dtype: 'float64' });
    live.push({ dispose: () => first.grad?.dispose() });
    w.grad = tensor([1, 2, 3], { dtype: 'float64' });
    expect(() => opt.step()).toThrow(ShapeError);
    w.grad.dispose();
    w.grad = tensor([1, 2], { dtype: 'float32' });
    expect(() => opt.step()).toThrow(DTypeError);
    w.grad.dispose();
    w.grad = null;
    expect(w.value.toArray()).toEqual([1, 2]);
    expect(first.value.toArray()).toEqual([5]);
  });

  it('runs a closure first and returns its result', () => {
    const w = variable([3]);
    const opt = new SGD([w], { lr: 0.25 });
    const calls: number[] = [];
    const result = opt.step(() => {
      opt.zeroGrad();
      backwardOn([w]);
      calls.push(w.value.item() as number);
      return 'loss';
    });
    expect(result).toBe('loss');
    expect(calls).toEqual([3]);
    expect(w.value.toArray()).toEqual([2]); // 3 − 0.25·2·(3 − 1)
  });

  it('reads lr and momentum from the group at every step (schedulers change them)', () => {
    const w = variable([0]);
    const opt = new SGD([w], { lr: 1 });
    w.grad = tensor([1], { dtype: 'float64' });
    opt.step();
    opt.paramGroups[0]!.lr = 0.5;
    opt.step();
    expect(w.value.toArray()).toEqual([-1.5]);
  });
});

describe('zeroGrad', () => {
  it('sets gradients to null (default) or to zeros, freeing the old ones', () => {
    const a = variable([1, 2]);
    const b = variable([3]);
    const opt = new SGD([a, b]);
    backwardOn([a, b]);
    const old = a.grad!;
    opt.zeroGrad({ setToNone: false });
    expect(old.isDisposed).toBe(true);
    expect(a.grad!.toArray()).toEqual([0, 0]);
    expect(a.grad!.dtype).toBe('float64');
    const zeroed = a.grad!;
    opt.zeroGrad();
    expect(zeroed.isDisposed).toBe(true);
    expect([a.grad, b.grad]).toEqual([null, null]);
    expect(() => opt.zeroGrad({ set_to_none: true } as never)).toThrow(ArgumentError);
  });
});

describe('recordStats', () => {
  it('is off by default and gives per-group norms when on', () => {
    const a = variable([3, 4]);
    const b = variable([1]);
    const c = variable([5]);
    const opt = new SGD([{ params: [a, b] }, { params: [c], lr: 0.5 }], { lr: 0.1 });
    a.grad = tensor([0, 10], { dtype: 'float64' });
    b.grad = tensor([0], { dtype: 'float64' });
    opt.step();
    expect(opt.lastStats).toEqual([]);
    opt.recordStats = true;
    opt.step();
    const [g0, g1] = opt.lastStats;
    expect(g0!.lr).toBe(0.1);
    expect(g0!.updated).toBe(2);
    expect(g0!.gradNorm).toBeCloseTo(10, 12);
    expect(g0!.updateNorm).toBeCloseTo(1, 12);
    expect(g0!.paramNorm).toBeCloseTo(Math.hypot(3, 2, 1), 12); // a: 4 − 1 − 1 = 2
    expect(g1).toEqual({ lr: 0.5, updated: 0, gradNorm: 0, updateNorm: 0, paramNorm: 0 });
    opt.recordStats = false;
    opt.step();
    expect(opt.lastStats).toEqual([]);
  });
});

describe('dispose', () => {
  it('frees the state; the optimizer starts afresh', () => {
    const w = variable([1]);
    const opt = new Adam([w], { lr: 0.1 });
    w.grad = tensor([1], { dtype: 'float64' });
    opt.step();
    const before = getBackend().numDataIds();
    opt.dispose();
    expect(getBackend().numDataIds()).toBe(before - 2);
    opt.step();
    expect(opt.state.get(w)!.step).toBe(1);
    opt.dispose();
  });
});
