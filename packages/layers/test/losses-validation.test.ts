// Argument checks of the losses: every bad input is a named NNError before any computation, and the loss
// modules hold PyTorch's state (weight buffers) and defaults.
import {
  ArgumentError,
  DTypeError,
  getBackend,
  IndexError,
  ShapeError,
  tensor,
  tidy,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import * as F from '../src/functional/losses/index.js';
import {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  HuberLoss,
  L1Loss,
  MSELoss,
  NLLLoss,
  SmoothL1Loss,
} from '../src/losses/index.js';
import { expectError as thrown } from './support/errors.js';

const int = (values: number[] | number, shape?: number[]): Tensor =>
  tensor(values as number[], { dtype: 'int32', shape });

describe('elementwise losses', () => {
  const pairs = [
    ['mseLoss', F.mseLoss],
    ['l1Loss', F.l1Loss],
    ['huberLoss', F.huberLoss],
    ['smoothL1Loss', F.smoothL1Loss],
    ['binaryCrossEntropy', F.binaryCrossEntropy],
    ['binaryCrossEntropyWithLogits', F.binaryCrossEntropyWithLogits],
  ] as const;

  it.each(pairs)('%s checks shapes, dtypes, reduction and options', (op, f) => {
    tidy(() => {
      const x = tensor([
        [0.25, 0.5],
        [0.75, 0.5],
      ]);
      thrown(() => f(x, zeros([2])), ShapeError, op, 'target');
      thrown(() => f(x, zeros([2, 1])), ShapeError, op, 'target');
      thrown(() => f(x, zeros([2, 2], { dtype: 'int32' })), DTypeError, op, 'target');
      thrown(() => f(x, zeros([2, 2], { dtype: 'float64' })), DTypeError, op, 'target');
      thrown(() => f(zeros([2, 2], { dtype: 'int32' }), zeros([2, 2], { dtype: 'int32' })), DTypeError, op, 'input');
      thrown(() => f(x, [1, 2] as never), ArgumentError, op, 'target');
      thrown(() => f(x, x, { reduction: 'avg' as never }), ArgumentError, op, 'reduction');
      thrown(() => f(x, x, { size_average: true } as never), ArgumentError, op, 'options');
      expect(f(x, x, { reduction: 'none' }).shape).toEqual([2, 2]);
      expect(f(x, x, { reduction: 'sum' }).shape).toEqual([]);
    });
  });

  it('check delta and beta', () => {
    tidy(() => {
      const x = zeros([2]);
      thrown(() => F.huberLoss(x, x, { delta: 0 }), ArgumentError, 'huberLoss', 'delta');
      thrown(() => F.huberLoss(x, x, { delta: -1 }), ArgumentError, 'huberLoss', 'delta');
      thrown(() => F.smoothL1Loss(x, x, { beta: -0.5 }), ArgumentError, 'smoothL1Loss', 'beta');
      thrown(() => F.smoothL1Loss(x, x, { beta: NaN }), ArgumentError, 'smoothL1Loss', 'beta');
      expect(F.smoothL1Loss(tensor([3]), tensor([0]), { beta: 0 }).item()).toBe(3);
    });
  });

  it('BCE reads its input: values outside [0, 1] or NaN are an error', () => {
    tidy(() => {
      const t = tensor([1, 0]);
      const e = thrown(
        () => F.binaryCrossEntropy(tensor([0.5, 1.0001]), t),
        ArgumentError,
        'binaryCrossEntropy',
        'input',
      );
      expect(e.got).toContain('position 1');
      thrown(() => F.binaryCrossEntropy(tensor([-0.001, 0.5]), t), ArgumentError, 'binaryCrossEntropy', 'input');
      thrown(() => F.binaryCrossEntropy(tensor([NaN, 0.5]), t), ArgumentError, 'binaryCrossEntropy', 'input');
    });
  });

  it('BCE weights must broadcast to the input without enlarging it', () => {
    tidy(() => {
      const x = tensor([[0.5, 0.5, 0.5]]);
      expect(F.binaryCrossEntropy(x, x, { weight: tensor([1, 2, 3]), reduction: 'none' }).shape).toEqual([1, 3]);
      expect(F.binaryCrossEntropy(x, x, { weight: tensor(2), reduction: 'none' }).shape).toEqual([1, 3]);
      thrown(() => F.binaryCrossEntropy(x, x, { weight: tensor([1, 2]) }), ShapeError, 'binaryCrossEntropy', 'weight');
      thrown(
        () => F.binaryCrossEntropy(x, x, { weight: zeros([2, 1, 3]) }),
        ShapeError,
        'binaryCrossEntropy',
        'weight',
      );
      thrown(
        () => F.binaryCrossEntropy(x, x, { weight: zeros([3], { dtype: 'int32' }) }),
        DTypeError,
        'binaryCrossEntropy',
        'weight',
      );
      const op = 'binaryCrossEntropyWithLogits';
      thrown(() => F.binaryCrossEntropyWithLogits(x, x, { posWeight: tensor([1, 2]) }), ShapeError, op, 'posWeight');
      thrown(() => F.binaryCrossEntropyWithLogits(x, x, { weight: zeros([4, 3]) }), ShapeError, op, 'weight');
    });
  });
});

describe('class losses', () => {
  const losses = [
    ['crossEntropy', F.crossEntropy],
    ['nllLoss', F.nllLoss],
  ] as const;

  it.each(losses)('%s checks the input, index targets, weight and options', (op, f) => {
    tidy(() => {
      const x = zeros([3, 4]);
      thrown(() => f(zeros([], {}), int(0)), ShapeError, op, 'input');
      thrown(() => f(zeros([3, 4], { dtype: 'int32' }), int([0, 1, 2])), DTypeError, op, 'input');
      thrown(() => f(x, int([0, 1])), ShapeError, op, 'target');
      thrown(() => f(x, int([0, 1, 2], [3, 1])), ShapeError, op, 'target');
      thrown(() => f(x, tensor([true, false, true])), DTypeError, op, 'target');
      thrown(() => f(x, tensor([0, 1, 2])), DTypeError, op, 'target'); // float labels of the index shape
      const e = thrown(() => f(x, int([0, 4, 1])), IndexError, op, 'target');
      expect(e.got).toContain('4 at flat position 1');
      thrown(() => f(x, int([0, -1, 1])), IndexError, op, 'target');
      thrown(() => f(x, int([0, -100, 1]), { ignoreIndex: 1 }), IndexError, op, 'target');
      thrown(() => f(x, int([0, 1, 2]), { weight: tensor([1, 2, 3]) }), ShapeError, op, 'weight');
      thrown(() => f(x, int([0, 1, 2]), { weight: zeros([4, 1]) }), ShapeError, op, 'weight');
      thrown(() => f(x, int([0, 1, 2]), { weight: zeros([4], { dtype: 'int32' }) }), DTypeError, op, 'weight');
      thrown(() => f(x, int([0, 1, 2]), { ignoreIndex: 0.5 }), ArgumentError, op, 'ignoreIndex');
      thrown(() => f(x, int([0, 1, 2]), { reduction: 'batchmean' as never }), ArgumentError, op, 'reduction');
      thrown(() => f(x, int([0, 1, 2]), { ignore_index: 1 } as never), ArgumentError, op, 'options');
      // K-dim and unbatched layouts.
      thrown(() => f(zeros([2, 4, 3]), int([0, 1], [2])), ShapeError, op, 'target');
      expect(f(zeros([2, 4, 3]), int([0, 1, 2, 3, 0, 1], [2, 3]), { reduction: 'none' }).shape).toEqual([2, 3]);
      expect(f(zeros([4]), int(3), { reduction: 'none' }).shape).toEqual([]);
      thrown(() => f(zeros([4]), int([3])), ShapeError, op, 'target');
    });
  });

  it('crossEntropy tells probability targets from index targets', () => {
    tidy(() => {
      const x = zeros([3, 4]);
      const op = 'crossEntropy';
      thrown(() => F.crossEntropy(x, zeros([3, 4], { dtype: 'int32' })), DTypeError, op, 'target');
      thrown(() => F.crossEntropy(x, zeros([3, 5])), ShapeError, op, 'target');
      thrown(() => F.crossEntropy(x, zeros([4, 3])), ShapeError, op, 'target');
      thrown(() => F.crossEntropy(x, zeros([3, 4], { dtype: 'float64' })), DTypeError, op, 'target');
      thrown(() => F.crossEntropy(x, zeros([3, 4]), { ignoreIndex: 0 }), ArgumentError, op, 'ignoreIndex');
      expect(F.crossEntropy(x, zeros([3, 4]), { ignoreIndex: -1 }).item()).toBe(0);
      thrown(() => F.crossEntropy(x, int([0, 1, 2]), { labelSmoothing: 1.5 }), ArgumentError, op, 'labelSmoothing');
      thrown(() => F.crossEntropy(x, int([0, 1, 2]), { labelSmoothing: -0.1 }), ArgumentError, op, 'labelSmoothing');
      thrown(() => F.crossEntropy(x, int([0, 1, 2]), { labelSmoothing: NaN }), ArgumentError, op, 'labelSmoothing');
      // Uniform logits: every target costs log C, whatever the smoothing.
      expect(F.crossEntropy(x, int([0, 1, 2]), { labelSmoothing: 0.3 }).item()).toBeCloseTo(Math.log(4), 6);
    });
  });

  it('nllLoss does not take probability targets', () => {
    tidy(() => {
      thrown(() => F.nllLoss(zeros([3, 4]), zeros([3, 4])), DTypeError, 'nllLoss', 'target');
    });
  });

  it('ignored targets add nothing (and may be any class value)', () => {
    tidy(() => {
      const x = tensor([
        [-Infinity, 0],
        [1, 2],
      ]);
      // Row 0 would be NaN / infinite if it were read; ignoring it leaves the loss of row 1 alone.
      expect(F.nllLoss(x, int([0, 1]), { ignoreIndex: 0 }).item()).toBe(-2);
      expect(
        F.crossEntropy(
          tensor([
            [5, 0],
            [0, 0],
          ]),
          int([7, 1]),
          { ignoreIndex: 7 },
        ).item(),
      ).toBeCloseTo(Math.LN2, 6);
    });
  });
});

describe('loss modules', () => {
  it('have PyTorch defaults and validate options with the module named', () => {
    const ce = new CrossEntropyLoss();
    expect([ce.reduction, ce.ignoreIndex, ce.labelSmoothing, ce.weight]).toEqual(['mean', -100, 0, null]);
    expect(new HuberLoss().delta).toBe(1);
    expect(new SmoothL1Loss().beta).toBe(1);
    expect(new NLLLoss().ignoreIndex).toBe(-100);
    thrown(() => new MSELoss({ reduction: 'avg' as never }), ArgumentError, 'new MSELoss', 'reduction');
    thrown(() => new L1Loss({ beta: 1 } as never), ArgumentError, 'new L1Loss', 'options');
    thrown(() => new HuberLoss({ delta: 0 }), ArgumentError, 'new HuberLoss', 'delta');
    thrown(() => new SmoothL1Loss({ beta: -1 }), ArgumentError, 'new SmoothL1Loss', 'beta');
    thrown(() => new CrossEntropyLoss({ labelSmoothing: 2 }), ArgumentError, 'new CrossEntropyLoss', 'labelSmoothing');
    thrown(() => new CrossEntropyLoss({ ignoreIndex: 1.5 }), ArgumentError, 'new CrossEntropyLoss', 'ignoreIndex');
    thrown(() => new CrossEntropyLoss({ weight: zeros([2, 2]) }), ShapeError, 'new CrossEntropyLoss', 'weight');
    thrown(() => new NLLLoss({ weight: zeros([2], { dtype: 'int32' }) }), DTypeError, 'new NLLLoss', 'weight');
    thrown(() => new BCELoss({ weight: [1, 2] as never }), ArgumentError, 'new BCELoss', 'weight');
    thrown(
      () => new BCEWithLogitsLoss({ pos_weight: zeros([2]) } as never),
      ArgumentError,
      'new BCEWithLogitsLoss',
      'options',
    );
    thrown(() => new BCEWithLogitsLoss('sum' as never), ArgumentError, 'new BCEWithLogitsLoss', 'options');
  });

  it("keep weights as buffers with PyTorch's keys, copied from the caller", () => {
    const before = getBackend().numDataIds();
    const w = tensor([1, 2, 3]);
    const pw = tensor([0.5, 0.5, 4]);
    const ce = new CrossEntropyLoss({ weight: w });
    const bce = new BCEWithLogitsLoss({ weight: w, posWeight: pw });
    const only = new BCEWithLogitsLoss({ posWeight: pw });
    w.dispose();
    pw.dispose();
    expect(Object.keys(ce.stateDict())).toEqual(['weight']);
    expect(Object.keys(bce.stateDict())).toEqual(['weight', 'pos_weight']);
    expect(Object.keys(only.stateDict())).toEqual(['pos_weight']);
    expect(Object.keys(new MSELoss().stateDict())).toEqual([]);
    expect(ce.parameters()).toEqual([]);
    expect(ce.weight?.value.toArray()).toEqual([1, 2, 3]);
    tidy(() => {
      expect(ce.call(zeros([2, 3]), int([0, 2])).item()).toBeCloseTo(Math.log(3), 6);
      ce.to('float64');
      const y = ce.call(zeros([2, 3], { dtype: 'float64' }), int([0, 2]));
      expect(y.dtype).toBe('float64');
      // A float32 weight with a float64 input (or the reverse) is cast to the input's dtype.
      expect(F.crossEntropy(zeros([1, 3]), int([1]), { weight: tensor([1, 2, 3], { dtype: 'float64' }) }).dtype).toBe(
        'float32',
      );
    });
    for (const m of [ce, bce, only]) m.dispose();
    expect(getBackend().numDataIds()).toBe(before);
  });

  it('forward errors name the loss', () => {
    tidy(() => {
      thrown(() => new MSELoss().call(zeros([2]), zeros([3])), ShapeError, 'mseLoss', 'target');
      thrown(() => new CrossEntropyLoss().call(zeros([2, 3]), int([0, 3])), IndexError, 'crossEntropy', 'target');
      thrown(() => new NLLLoss().call(zeros([2, 3]), tensor([0, 1])), DTypeError, 'nllLoss', 'target');
      thrown(() => new BCELoss().call(tensor([2]), tensor([1])), ArgumentError, 'binaryCrossEntropy', 'input');
      thrown(
        () => new BCEWithLogitsLoss().call(zeros([2]), int([0, 1])),
        DTypeError,
        'binaryCrossEntropyWithLogits',
        'target',
      );
      const ce = new CrossEntropyLoss({ weight: tensor([1, 1]) });
      thrown(() => ce.call(zeros([2, 3]), int([0, 1])), ShapeError, 'crossEntropy', 'weight');
      ce.dispose();
    });
  });
});
