// Conv1d, Conv2d and ConvTranspose2d: shapes (batched and unbatched), PyTorch keys and init bounds, padding
// modes against explicit padding, outputSize, validation errors naming the layer, and leaks.
import { backward } from '@nn/autograd';
import {
  ArgumentError,
  conv2d,
  DTypeError,
  Generator,
  getBackend,
  ones,
  pad,
  randn,
  ShapeError,
  sum,
  tensor,
  tidy,
  zeros,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { Conv1d, Conv2d, ConvTranspose2d, Sequential } from '../src/index.js';
import { expectClose } from './support/close.js';
import { expectError } from './support/errors.js';
import { withGrad } from './support/grad.js';

describe('Conv2d', () => {
  it('gives the output sizes of PyTorch for stride, padding, dilation and groups', () => {
    tidy(() => {
      const cases: [Conv2d, number[], number[]][] = [
        [new Conv2d(3, 8, 3), [2, 3, 10, 10], [2, 8, 8, 8]],
        [new Conv2d(3, 8, 3, { padding: 1 }), [2, 3, 10, 10], [2, 8, 10, 10]],
        [new Conv2d(3, 8, 3, { stride: 2, padding: 1 }), [1, 3, 9, 8], [1, 8, 5, 4]],
        [new Conv2d(2, 4, [3, 1], { dilation: [2, 1] }), [1, 2, 7, 5], [1, 4, 3, 5]],
        [new Conv2d(4, 8, 3, { groups: 4, padding: 'same' }), [1, 4, 6, 6], [1, 8, 6, 6]],
        [new Conv2d(4, 8, 4, { padding: 'same', dilation: 2 }), [1, 4, 7, 6], [1, 8, 7, 6]],
        [new Conv2d(3, 2, 3, { padding: 'valid' }), [3, 5, 5], [2, 3, 3]],
      ];
      for (const [conv, input, output] of cases) {
        expect(conv.call(zeros(input)).shape).toEqual(output);
        conv.dispose();
      }
    });
  });

  it("has PyTorch's keys and weight shape [out, in / groups, kh, kw] with U(±1/√fanIn) init", () => {
    const conv = new Conv2d(4, 6, [3, 2], { groups: 2, generator: new Generator(2) });
    expect(Object.entries(conv.stateDict()).map(([k, v]) => [k, v.shape])).toEqual([['weight', [6, 2, 3, 2]], ['bias', [6]]]);
    const bound = 1 / Math.sqrt(2 * 3 * 2);
    for (const v of [conv.weight, conv.bias!]) {
      expect(Math.max(...Array.from(v.value.dataSync(), Math.abs))).toBeLessThanOrEqual(bound);
    }
    expect(Object.keys(new Conv2d(1, 1, 1, { bias: false }).stateDict())).toEqual(['weight']);
    conv.dispose();
  });

  it('pads with reflect / replicate / circular like an explicit pad followed by a valid convolution', () => {
    tidy(() => {
      const x = randn([1, 2, 5, 4], { generator: new Generator(1) });
      for (const mode of ['reflect', 'replicate'] as const) {
        const conv = new Conv2d(2, 3, 3, { padding: [2, 1], paddingMode: mode });
        const want = conv2d(pad(x, [1, 1, 2, 2], { mode }), conv.weight.value, conv.bias!.value);
        expectClose(conv.call(x), want, 1e-5);
        conv.dispose();
      }
      // circular by hand on a tiny input: columns wrap around.
      const conv = new Conv2d(1, 1, [1, 3], { padding: [0, 1], paddingMode: 'circular', bias: false });
      conv.loadStateDict({ weight: tensor([[[[1, 10, 100]]]]) });
      // padded row [3, 1, 2, 3, 1]: 3 + 10 + 200, 1 + 20 + 300, 2 + 30 + 100
      expect(conv.call(tensor([[[1, 2, 3]]])).toArray()).toEqual([[[213, 321, 132]]]);
      conv.dispose();
    });
  });

  it("accepts 'same' with the circular and reflect modes (the odd extra at the end, as PyTorch)", () => {
    tidy(() => {
      const conv = new Conv2d(1, 1, [2, 2], { padding: 'same', paddingMode: 'circular', bias: false });
      conv.loadStateDict({ weight: ones([1, 1, 2, 2]) });
      // total padding 1 per dim, all at the end: each output sums its 2×2 window, wrapping at the bottom/right.
      expect(conv.call(tensor([[[1, 2], [3, 4]]])).toArray()).toEqual([[[10, 10], [10, 10]]]);
      conv.dispose();
    });
  });

  it('validates constructor arguments', () => {
    expectError(() => new Conv2d(3, 4, 3, { groups: 2 }), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(4, 3, 3, { groups: 2 }), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(3, 4, 0), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(3, 4, [3, 3, 3] as unknown as number), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(3, 4, 3, { stride: 2, padding: 'same' }), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(3, 4, 3, { padding: 'full' as 'same' }), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(3, 4, 3, { padding: -1 }), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(3, 4, 3, { paddingMode: 'mirror' as 'reflect' }), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(3, 4, 3, { strides: 2 } as never), ArgumentError, 'new Conv2d');
    expectError(() => new Conv2d(0, 4, 3), ArgumentError, 'new Conv2d');
  });

  it('rejects wrong ranks, channels, dtypes and inputs smaller than the kernel', () => {
    const conv = new Conv2d(3, 4, 3);
    const reflect = new Conv2d(3, 4, 3, { padding: 2, paddingMode: 'reflect' });
    tidy(() => {
      expectError(() => conv.call(zeros([1, 3, 5])), ShapeError, 'Conv2d.forward'); // [C, H, W] with C = 1
      expectError(() => conv.call(zeros([3, 5])), ShapeError, 'Conv2d.forward');
      expectError(() => conv.call(zeros([1, 2, 5, 5])), ShapeError, 'Conv2d.forward');
      expectError(() => conv.call(zeros([1, 3, 2, 5])), ShapeError, 'Conv2d.forward');
      expectError(() => conv.call(zeros([1, 3, 5, 5], { dtype: 'float64' })), DTypeError, 'Conv2d.forward');
      expectError(() => reflect.call(zeros([1, 3, 2, 5])), ShapeError, 'Conv2d.forward'); // reflect needs pad < size
    });
    conv.dispose();
    reflect.dispose();
  });
});

describe('Conv1d', () => {
  it('gives PyTorch output sizes, batched and unbatched', () => {
    tidy(() => {
      expect(new Conv1d(2, 4, 3).call(zeros([5, 2, 10])).shape).toEqual([5, 4, 8]);
      expect(new Conv1d(2, 4, 3, { stride: 2, padding: 1 }).call(zeros([2, 9])).shape).toEqual([4, 5]);
      expect(new Conv1d(2, 4, 4, { padding: 'same', dilation: 3 }).call(zeros([1, 2, 7])).shape).toEqual([1, 4, 7]);
      expect(new Conv1d(4, 4, [2], { groups: 4 }).weight.shape).toEqual([4, 1, 2]);
    });
  });

  it('wraps around with circular padding', () => {
    tidy(() => {
      const conv = new Conv1d(1, 1, 3, { padding: 1, paddingMode: 'circular', bias: false });
      conv.loadStateDict({ weight: tensor([[[1, 10, 100]]]) });
      expect(conv.call(tensor([[[1, 2, 3]]])).toArray()).toEqual([[[3 + 10 + 200, 1 + 20 + 300, 2 + 30 + 100]]]);
      conv.dispose();
    });
  });

  it('validates its arguments and inputs', () => {
    expectError(() => new Conv1d(2, 4, [3, 3] as unknown as number), ArgumentError, 'new Conv1d');
    expectError(() => new Conv1d(3, 4, 3, { groups: 2 }), ArgumentError, 'new Conv1d');
    const conv = new Conv1d(2, 4, 3);
    tidy(() => {
      expectError(() => conv.call(zeros([1, 2, 2])), ShapeError, 'Conv1d.forward');
      expectError(() => conv.call(zeros([1, 3, 5])), ShapeError, 'Conv1d.forward');
      expectError(() => conv.call(zeros([1, 1, 2, 5])), ShapeError, 'Conv1d.forward');
    });
    conv.dispose();
  });
});

describe('ConvTranspose2d', () => {
  it('gives the output sizes of PyTorch and honours outputSize', () => {
    tidy(() => {
      const up = new ConvTranspose2d(8, 4, 3, { stride: 2, padding: 1 });
      expect(up.call(zeros([1, 8, 5, 5])).shape).toEqual([1, 4, 9, 9]);
      expect(up.call(zeros([1, 8, 5, 5]), [10, 9]).shape).toEqual([1, 4, 10, 9]);
      expect(up.call(zeros([8, 5, 5]), [2, 4, 10, 10]).shape).toEqual([4, 10, 10]);
      expectError(() => up.call(zeros([1, 8, 5, 5]), [11, 10]), ShapeError, 'ConvTranspose2d.forward');
      expectError(() => up.call(zeros([1, 8, 5, 5]), [8, 10]), ShapeError, 'ConvTranspose2d.forward');
      expectError(() => up.call(zeros([1, 8, 5, 5]), [10]), ArgumentError, 'ConvTranspose2d.forward');
      expect(new ConvTranspose2d(4, 6, 2, { groups: 2, dilation: 2 }).call(zeros([1, 4, 3, 3])).shape).toEqual([1, 6, 5, 5]);
      up.dispose();
    });
  });

  it('chains in Sequential (the optional outputSize is not needed there)', () => {
    tidy(() => {
      const decoder = new Sequential(new ConvTranspose2d(2, 1, 2, { stride: 2 }), new Conv2d(1, 1, 3, { padding: 1 }));
      expect(decoder.call(zeros([1, 2, 3, 3])).shape).toEqual([1, 1, 6, 6]);
      decoder.dispose();
    });
  });

  it("has PyTorch's weight layout [in, out / groups, kh, kw] and keys", () => {
    const up = new ConvTranspose2d(4, 6, [3, 2], { groups: 2 });
    expect(Object.entries(up.stateDict()).map(([k, v]) => [k, v.shape])).toEqual([['weight', [4, 3, 3, 2]], ['bias', [6]]]);
    // PyTorch's fan-in of a transposed conv weight is weight.shape[1]·kh·kw = 3·3·2.
    const bound = 1 / Math.sqrt(18);
    expect(Math.max(...Array.from(up.bias!.value.dataSync(), Math.abs))).toBeLessThanOrEqual(bound);
    up.dispose();
  });

  it('validates outputPadding, groups and inputs', () => {
    expectError(() => new ConvTranspose2d(2, 2, 3, { outputPadding: 1 }), ArgumentError, 'new ConvTranspose2d');
    expectError(() => new ConvTranspose2d(2, 2, 3, { stride: 2, outputPadding: 2 }), ArgumentError, 'new ConvTranspose2d');
    expectError(() => new ConvTranspose2d(3, 2, 3, { groups: 2 }), ArgumentError, 'new ConvTranspose2d');
    expectError(() => new ConvTranspose2d(2, 2, 3, { padding: 'same' as unknown as number }), ArgumentError, 'new ConvTranspose2d');
    const up = new ConvTranspose2d(2, 2, 3);
    tidy(() => {
      expectError(() => up.call(zeros([1, 3, 4, 4])), ShapeError, 'ConvTranspose2d.forward');
      expectError(() => up.call(zeros([3, 4])), ShapeError, 'ConvTranspose2d.forward');
    });
    up.dispose();
  });
});

describe('convolution layers leak nothing through forward and backward', () => {
  it('for every padding mode and the transposed layer', () => {
    const layers = [
      new Conv2d(2, 2, 3, { padding: 1, paddingMode: 'circular' }),
      new Conv2d(2, 2, 3, { padding: 'same', paddingMode: 'reflect' }),
      new Conv1d(2, 2, 3, { padding: 1, paddingMode: 'replicate' }),
      new ConvTranspose2d(2, 2, 2, { stride: 2 }),
    ];
    const inputs = [[1, 2, 4, 4], [1, 2, 4, 4], [1, 2, 5], [1, 2, 3, 3]];
    const base = getBackend().numDataIds();
    tidy(() => {
      withGrad(() => layers.forEach((layer, i) => backward(sum(layer.call(ones(inputs[i]!))))));
    });
    for (const layer of layers) {
      expect(layer.weight.grad?.shape).toEqual(layer.weight.shape);
      layer.zeroGrad();
    }
    expect(getBackend().numDataIds()).toBe(base);
    for (const layer of layers) layer.dispose();
  });
});
