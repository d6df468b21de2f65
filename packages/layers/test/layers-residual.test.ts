// Residual, and behaviours shared by every basic layer: forward hooks, train/eval propagation, summary, the
// functional barrel's completeness, and no leaks through a small CNN and MLP built from the layers.
import { backward } from '@nn/autograd';
import { add, ArgumentError, getBackend, ones, ShapeError, sum, tensor, tidy, zeros, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import * as F from '../src/functional/index.js';
import {
  AdaptiveAvgPool2d,
  BatchNorm2d,
  Conv2d,
  Dropout,
  Flatten,
  Identity,
  LayerNorm,
  Linear,
  MaxPool2d,
  Residual,
  Sequential,
} from '../src/index.js';
import { expectError } from './support/errors.js';
import { withGrad } from './support/grad.js';

describe('Residual', () => {
  it('adds the inner output to the input (identity shortcut)', () => {
    tidy(() => {
      const inner = new Linear(2, 2);
      inner.loadStateDict({ weight: tensor([[1, 0], [0, 2]]), bias: tensor([1, 1]) });
      const block = new Residual(inner);
      expect(block.shortcut).toBeInstanceOf(Identity);
      expect(block.call(tensor([[1, 2]])).toArray()).toEqual([[3, 7]]);
      expect(Object.keys(block.stateDict())).toEqual(['inner.weight', 'inner.bias']);
      block.dispose();
    });
  });

  it('uses a projection shortcut, with its keys after inner', () => {
    tidy(() => {
      const block = new Residual(new Linear(3, 4), { shortcut: new Linear(3, 4, { bias: false }) });
      expect(block.call(ones([2, 3])).shape).toEqual([2, 4]);
      expect(Object.keys(block.stateDict())).toEqual(['inner.weight', 'inner.bias', 'shortcut.weight']);
      const conv = new Residual(new Sequential(new Conv2d(2, 4, 3, { padding: 1, stride: 2 })), { shortcut: new Conv2d(2, 4, 1, { stride: 2 }) });
      expect(conv.call(zeros([1, 2, 6, 6])).shape).toEqual([1, 4, 3, 3]);
      block.dispose();
      conv.dispose();
    });
  });

  it('backpropagates through both paths (gradient of x is inner′ + 1)', () => {
    tidy(() => {
      const inner = new Linear(1, 1, { bias: false });
      inner.loadStateDict({ weight: tensor([[3]]) });
      const block = new Residual(inner);
      const x = tensor([[2]]);
      withGrad(() => backward(sum(block.call(x))));
      expect(inner.weight.grad!.toArray()).toEqual([[2]]);
      block.dispose();
    });
  });

  it('rejects mismatched paths and non-modules', () => {
    tidy(() => expectError(() => new Residual(new Linear(2, 3)).call(zeros([1, 2])), ShapeError, 'Residual.forward'));
    expectError(() => new Residual({} as Linear), ArgumentError, 'new Residual');
    expectError(() => new Residual(new Linear(2, 2), { shortcut: 3 as unknown as Linear }), ArgumentError, 'new Residual');
  });
});

describe('the basic layers together', () => {
  function cnn(): Sequential {
    return new Sequential(
      new Conv2d(1, 4, 3, { padding: 1 }),
      new BatchNorm2d(4),
      new MaxPool2d(2),
      new Residual(new Conv2d(4, 4, 3, { padding: 'same' })),
      new AdaptiveAvgPool2d(1),
      new Flatten(),
      new Dropout(0.2),
      new LayerNorm(4),
      new Linear(4, 3),
    );
  }

  it('forward hooks see every layer output; train()/eval() reach every layer', () => {
    const model = cnn();
    const seen: string[] = [];
    const handles = model.children().map((m, i) => m.registerForwardHook((_m, _i, out) => void seen.push(`${i}:${(out as Tensor).shape.join('x')}`)));
    tidy(() => {
      model.call(zeros([2, 1, 8, 8]));
    });
    expect(seen).toEqual(['0:2x4x8x8', '1:2x4x8x8', '2:2x4x4x4', '3:2x4x4x4', '4:2x4x1x1', '5:2x4', '6:2x4', '7:2x4', '8:2x3']);
    for (const h of handles) h.remove();
    model.eval();
    expect(model.modules().every((m) => !m.training)).toBe(true);
    model.dispose();
  });

  it('summary lists the layers with output shapes and parameter counts', () => {
    const model = cnn();
    const s = model.summary([2, 1, 8, 8]);
    expect(s.totalParams).toBe(4 * 9 + 4 + 8 + 4 * 4 * 9 + 4 + 8 + 4 * 3 + 3);
    expect(s.rows.at(-1)!.outputShape).toEqual([2, 3]);
    model.dispose();
  });

  it('a forward and backward pass through the whole model leaks nothing', () => {
    const model = cnn();
    const base = getBackend().numDataIds();
    tidy(() => {
      withGrad(() => backward(sum(model.call(ones([2, 1, 8, 8])))));
    });
    expect(model.parameters().every((p) => p.grad !== null)).toBe(true);
    model.zeroGrad();
    expect(getBackend().numDataIds()).toBe(base);
    model.dispose();
  });

  it('the functional barrel has the layer math and the conv/pool ops', () => {
    for (const name of ['linear', 'bilinear', 'dropout', 'batchNorm', 'batchNormWithStats', 'updateRunningStats', 'layerNorm', 'embedding', 'conv1d', 'conv2d', 'convTranspose2d', 'maxPool2d', 'avgPool2d', 'adaptiveAvgPool2d']) {
      expect(typeof (F as Record<string, unknown>)[name], name).toBe('function');
    }
    tidy(() => {
      expect(F.conv2d(ones([1, 1, 3, 3]), ones([1, 1, 3, 3])).item()).toBe(9);
      expect(add(F.maxPool2d(ones([1, 1, 2, 2]), 2), 0).item()).toBe(1);
    });
  });
});
