// gradcheck (float64 central differences over the full Jacobian) through every basic layer, with respect to
// the input and every parameter. The parameters are fed in as gradcheck inputs by swapping, for the duration of
// each call, a temporary Variable holding the given tensor into the property that holds the parameter.
import { gradcheck } from '@nn/autograd';
import { add, arange, cast, Generator, getBackend, mul, reshape, tensor, tidy, untracked, Variable, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  AdaptiveAvgPool2d,
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Bilinear,
  Conv1d,
  Conv2d,
  ConvTranspose2d,
  Dropout,
  Embedding,
  Flatten,
  LayerNorm,
  Linear,
  MaxPool2d,
  Module,
  Residual,
  Unflatten,
} from '../src/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- layers of every signature
type AnyModule = Module<any[], unknown>;

/** Calls a ConvTranspose2d with a fixed `outputSize`. */
class WithOutputSize extends Module {
  constructor(
    readonly up: ConvTranspose2d,
    readonly size: number[],
  ) {
    super();
  }
  forward(x: Tensor): Tensor {
    return this.up.call(x, this.size);
  }
}

let seed = 100;
function f64(shape: number[], scale = 1): Tensor {
  const g = new Generator(seed++);
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, () => (g.random() * 2 - 1) * scale);
  return tensor(values, { shape, dtype: 'float64' });
}

/** Where a parameter lives: the module and the property holding it. */
function ownerOf(root: AnyModule, v: Variable): [Record<string, unknown>, string] {
  for (const m of root.modules()) {
    for (const key of Object.keys(m)) if ((m as unknown as Record<string, unknown>)[key] === v) return [m as unknown as Record<string, unknown>, key];
  }
  throw new Error(`no owner of ${v.name}`);
}

/**
 * gradcheck of `module.call(...inputs)` wrt the float inputs and every parameter, for the module and inputs
 * `make` returns (created here, so that the leak check covers them). `before` runs before each call (e.g.
 * reseeding a dropout generator so that the function is deterministic).
 */
function checkLayer(make: () => [AnyModule, Tensor[]], before?: () => void): void {
  const base = getBackend().numDataIds();
  const [module, inputs] = make();
  const handedOver = new Set<Tensor>();
  tidy(() => {
    module.to('float64');
    const params = module.namedParameters();
    expect(params.every(([, v]) => v.dtype === 'float64')).toBe(true);
    const owners = params.map(([, v]) => ownerOf(module, v));
    const floats = inputs.map((x) => x.dtype === 'float64');
    const diffInputs = inputs.filter((_, i) => floats[i]);
    const paramValues = params.map(([, v]) => untracked(() => cast(v.value, 'float64')));
    const f = (...ts: Tensor[]): Tensor => {
      let j = 0;
      const args = inputs.map((x, i) => (floats[i] ? ts[j++]! : x));
      const saved = owners.map(([m, key]) => m[key]);
      owners.forEach(([m, key], i) => {
        const t = ts[diffInputs.length + i]!;
        handedOver.add(t); // a Variable keeps its value out of tidy: freed below
        m[key] = new Variable(t, { name: key });
      });
      try {
        before?.();
        return module.call(...args) as Tensor;
      } finally {
        owners.forEach(([m, key], i) => {
          m[key] = saved[i];
        });
      }
    };
    const all = [...diffInputs, ...paramValues];
    // The swap is effective: moving any input or parameter moves the output (else its check would be vacuous).
    const y0 = Array.from(f(...all).dataSync());
    all.forEach((t, i) => {
      const ramp = (u: Tensor): Tensor => mul(reshape(cast(arange(1, u.size + 1), 'float64'), [...u.shape]), 0.1);
      const moved = all.map((u, j) => (i === j ? add(u, ramp(u)) : u));
      expect(Array.from(f(...moved).dataSync()), `input ${i}`).not.toEqual(y0);
    });
    expect(gradcheck(f, all)).toBe(true);
  });
  for (const t of handedOver) t.dispose();
  module.dispose();
  for (const x of inputs) x.dispose();
  expect(getBackend().numDataIds()).toBe(base);
}

describe('gradcheck through the basic layers (float64, wrt input and parameters)', () => {
  it('Linear: 2-D and 1-D input, with and without bias', () => {
    checkLayer(() => [new Linear(3, 2), [f64([2, 3])]]);
    checkLayer(() => [new Linear(3, 2, { bias: false }), [f64([3])]]);
    checkLayer(() => [new Linear(2, 2), [f64([2, 1, 2])]]);
  });

  it('Bilinear', () => {
    checkLayer(() => [new Bilinear(2, 3, 2), [f64([2, 2]), f64([2, 3])]]);
  });

  it('Conv1d: circular padding, groups', () => {
    checkLayer(() => [new Conv1d(2, 2, 3, { padding: 1, paddingMode: 'circular' }), [f64([1, 2, 4])]]);
    checkLayer(() => [new Conv1d(2, 4, 2, { groups: 2, stride: 2, bias: false }), [f64([2, 5])]]);
  });

  it('Conv2d: zero, reflect and replicate padding, same + dilation', () => {
    checkLayer(() => [new Conv2d(2, 2, 2, { padding: 1 }), [f64([1, 2, 3, 3])]]);
    checkLayer(() => [new Conv2d(1, 2, 3, { padding: 1, paddingMode: 'reflect' }), [f64([1, 1, 3, 3])]]);
    checkLayer(() => [new Conv2d(1, 1, 2, { padding: [1, 0], paddingMode: 'replicate', stride: [2, 1] }), [f64([1, 3, 3])]]);
    checkLayer(() => [new Conv2d(2, 2, 2, { padding: 'same', dilation: 2, groups: 2 }), [f64([1, 2, 3, 3])]]);
  });

  it('ConvTranspose2d: stride, outputPadding, outputSize', () => {
    checkLayer(() => [new ConvTranspose2d(2, 2, 2, { stride: 2 }), [f64([1, 2, 2, 2])]]);
    checkLayer(() => [new ConvTranspose2d(2, 1, 3, { stride: 2, padding: 1, outputPadding: 1, bias: false }), [f64([2, 2, 2])]]);
    checkLayer(() => [new WithOutputSize(new ConvTranspose2d(1, 1, 3, { stride: 2, padding: 1 }), [4, 4]), [f64([1, 1, 2, 2])]]);
  });

  it('pools', () => {
    // Distinct values, so that max pooling's argmax is unique and the function smooth around the inputs.
    const distinct = (shape: number[]): Tensor =>
      tidy(() => cast(reshape(arange(shape.reduce((a, b) => a * b, 1)), shape), 'float64'));
    const perm = (): Tensor =>
      tensor([5, 2, 9, 14, 0, 7, 11, 3, 8, 15, 1, 12, 6, 4, 13, 10], { shape: [1, 1, 4, 4], dtype: 'float64' });
    checkLayer(() => [new MaxPool2d(2), [perm()]]);
    checkLayer(() => [new MaxPool2d(3, { stride: 2, padding: 1 }), [distinct([1, 1, 4, 3])]]);
    checkLayer(() => [new AvgPool2d(3, { stride: 2, padding: 1, countIncludePad: false, ceilMode: true }), [f64([1, 1, 4, 4])]]);
    checkLayer(() => [new AdaptiveAvgPool2d([2, 3]), [f64([1, 3, 4])]]);
  });

  it('Flatten and Unflatten', () => {
    checkLayer(() => [new Flatten(), [f64([2, 2, 3])]]);
    checkLayer(() => [new Unflatten(1, [2, -1]), [f64([2, 4])]]);
  });

  it('Dropout in training mode (mask fixed by reseeding)', () => {
    const g = new Generator(3);
    checkLayer(() => [new Dropout(0.4, { generator: g }), [f64([3, 4])]], () => g.manualSeed(3));
  });

  it('BatchNorm1d / BatchNorm2d in training and evaluation mode', () => {
    checkLayer(() => [new BatchNorm1d(2), [f64([4, 2], 2)]]);
    checkLayer(() => [new BatchNorm1d(2, { momentum: null }), [f64([2, 2, 3])]]);
    checkLayer(() => {
      const bn = new BatchNorm1d(3);
      untracked(() => {
        bn.runningMean!.assign(tensor([0.5, -1, 2]));
        bn.runningVar!.assign(tensor([2, 0.5, 1.5]));
      });
      return [bn.eval(), [f64([2, 3])]];
    });
    checkLayer(() => [new BatchNorm2d(2), [f64([2, 2, 2, 2])]]);
    checkLayer(() => [new BatchNorm2d(2, { affine: false, trackRunningStats: false }).eval(), [f64([2, 2, 1, 2])]]);
  });

  it('LayerNorm over one and two dims, with and without affine', () => {
    checkLayer(() => [new LayerNorm(3), [f64([2, 3], 2)]]);
    checkLayer(() => [new LayerNorm([2, 3]), [f64([2, 2, 3])]]);
    checkLayer(() => [new LayerNorm(4, { elementwiseAffine: false }), [f64([2, 4])]]);
    checkLayer(() => [new LayerNorm(4, { bias: false }), [f64([4])]]);
  });

  it('Embedding (wrt the table; a padding row is excluded: its gradient is zero by definition)', () => {
    checkLayer(() => [new Embedding(4, 3), [tensor([[0, 1, 3], [1, 3, 3]], { dtype: 'int32' })]]);
  });

  it('Residual with identity and projection shortcuts', () => {
    checkLayer(() => [new Residual(new Linear(3, 3)), [f64([2, 3])]]);
    checkLayer(() => [new Residual(new Linear(3, 2), { shortcut: new Linear(3, 2, { bias: false }) }), [f64([2, 3])]]);
  });
});
