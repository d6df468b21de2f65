import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  conv1d,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  convTranspose2d,
  DTypeError,
  getBackend,
  onOp,
  ones,
  randn,
  ShapeError,
  tensor,
  tidy,
  type Conv2dOptions,
  type OpRecord,
  type Tensor,
} from '../src/index.js';

function inner(a: Tensor, b: Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

describe('conv2d', () => {
  it('handles the documented examples', () => {
    const x = ones([1, 1, 3, 3]);
    expect(conv2d(x, ones([1, 1, 2, 2])).toArray()).toEqual([
      [
        [
          [4, 4],
          [4, 4],
        ],
      ],
    ]);
    expect(conv2d(x, ones([2, 1, 3, 3]), null, { padding: 1 }).shape).toEqual([1, 2, 3, 3]);
    expect(conv1d(tensor([[[1, 2, 3, 4]]]), tensor([[[1, 1]]])).toArray()).toEqual([[[3, 5, 7]]]);
  });

  it("normalises 'same' padding to PyTorch's asymmetric split before the primitive", () => {
    const records: OpRecord[] = [];
    const stop = onOp((r) => records.push(r));
    tidy(() => conv2d(ones([1, 1, 6, 6]), ones([1, 1, 4, 3]), null, { padding: 'same', dilation: [1, 2] }));
    stop();
    expect(records.map((r) => r.op)).toEqual(['Conv2D']);
    expect(records[0]!.attrs).toEqual({ stride: [1, 1], padding: [1, 2, 2, 2], dilation: [1, 2], groups: 1 });
  });

  it('adds the bias per output channel', () => {
    const y = conv2d(ones([1, 1, 2, 2]), ones([2, 1, 1, 1]), tensor([10, 20]));
    expect(y.toArray()).toEqual([
      [
        [
          [11, 11],
          [11, 11],
        ],
        [
          [21, 21],
          [21, 21],
        ],
      ],
    ]);
  });

  it('gives the same answers when the reused scratch buffers change size between calls', () => {
    const small = randn([1, 2, 5, 5]);
    const ws = randn([3, 2, 3, 3]);
    const big = randn([2, 8, 12, 12]);
    const wb = randn([4, 8, 5, 5]);
    const first = conv2d(small, ws, null, { padding: 1 }).dataSync();
    conv2d(big, wb, null, { padding: 2 });
    conv2dBackpropFilter(big, conv2d(big, wb), [4, 8, 5, 5]);
    expect(conv2d(small, ws, null, { padding: 1 }).dataSync()).toEqual(first);
  });

  it('validates with named errors', () => {
    expect(() => conv2d(ones([1, 3, 5, 5]), ones([4, 1, 3, 3]), null, { groups: 2 })).toThrow(
      /conv2d\(x\): expected a channel count divisible by groups = 2/,
    );
    expect(() => conv2d(ones([1, 4, 5, 5]), ones([3, 2, 3, 3]), null, { groups: 2 })).toThrow(
      /weight.shape\[0\] divisible by groups/,
    );
    expect(() => conv2d(ones([1, 1, 3, 3]), ones([1, 1, 4, 4]))).toThrow(ShapeError);
    expect(() => conv2d(ones([1, 1, 3, 3]), ones([1, 1, 2, 2]), null, { stride: 0 })).toThrow(ArgumentError);
    expect(() => conv2d(ones([1, 1, 3, 3]), ones([1, 1, 2, 2]), null, { strides: 2 } as Conv2dOptions)).toThrow(
      ArgumentError,
    );
    expect(() =>
      conv2d(ones([1, 1, 3, 3]), ones([1, 1, 2, 2]), null, { padding: [1, 2, 3] as unknown as number }),
    ).toThrow(ArgumentError);
    expect(() => conv2d(ones([1, 1, 3, 3], { dtype: 'int32' }), ones([1, 1, 2, 2]))).toThrow(DTypeError);
    expect(() => conv1d(ones([1, 1, 5]), ones([1, 1, 2]), null, { stride: [1, 2] as unknown as number })).toThrow(
      ArgumentError,
    );
    expect(() => conv1d(ones([1, 1, 5]), ones([1, 1, 2]), null, { padding: 'same', stride: 2 })).toThrow(
      /conv1d\(padding\)/,
    );
  });

  it('promotes a float32/float64 mix to float64', () => {
    expect(conv2d(ones([1, 1, 2, 2]), ones([1, 1, 1, 1], { dtype: 'float64' })).dtype).toBe('float64');
  });

  it('frees every intermediate (unbatched input with bias)', () => {
    const backend = getBackend();
    const x = ones([2, 4, 4]);
    const w = ones([3, 2, 3, 3]);
    const b = ones([3]);
    const before = backend.numDataIds();
    const y = conv2d(x, w, b, { padding: 1 });
    expect(y.shape).toEqual([3, 4, 4]);
    expect(backend.numDataIds()).toBe(before + 1);
  });
});

/** Direct float64 convolution of one image, for checking the kernels on large inputs. */
function naiveConv(x: Tensor, w: Tensor, stride: [number, number], pad: [number, number], dil: [number, number]): Float64Array {
  const [, c, h, wd] = x.shape as [number, number, number, number];
  const [o, , kh, kw] = w.shape as [number, number, number, number];
  const oh = Math.floor((h + 2 * pad[0] - dil[0] * (kh - 1) - 1) / stride[0]) + 1;
  const ow = Math.floor((wd + 2 * pad[1] - dil[1] * (kw - 1) - 1) / stride[1]) + 1;
  const xv = x.dataSync();
  const wv = w.dataSync();
  const out = new Float64Array(o * oh * ow);
  for (let oc = 0; oc < o; oc++) {
    for (let y = 0; y < oh; y++) {
      for (let q = 0; q < ow; q++) {
        let s = 0;
        for (let ci = 0; ci < c; ci++) {
          for (let i = 0; i < kh; i++) {
            const ih = y * stride[0] - pad[0] + i * dil[0];
            if (ih < 0 || ih >= h) continue;
            for (let j = 0; j < kw; j++) {
              const iw = q * stride[1] - pad[1] + j * dil[1];
              if (iw >= 0 && iw < wd) s += xv[(ci * h + ih) * wd + iw]! * wv[((oc * c + ci) * kh + i) * kw + j]!;
            }
          }
        }
        out[(oc * oh + y) * ow + q] = s;
      }
    }
  }
  return out;
}

describe('large images (the column matrix is unrolled in chunks)', () => {
  const settings: [string, number[], number[], [number, number], [number, number], [number, number]][] = [
    ['stride 1, padding 1', [1, 16, 96, 96], [2, 16, 3, 3], [1, 1], [1, 1], [1, 1]],
    ['stride [2,3], dilation [1,2]', [1, 24, 200, 190], [2, 24, 3, 3], [2, 3], [1, 1], [1, 2]],
  ];
  for (const [name, xs, ws, stride, padding, dilation] of settings) {
    it(`match a direct loop and stay adjoint (${name})`, () => {
      const x = randn(xs, { dtype: 'float64' });
      const w = randn(ws, { dtype: 'float64' });
      const options = { stride, padding, dilation };
      const y = conv2d(x, w, null, options);
      const want = naiveConv(x, w, stride, padding, dilation);
      const got = y.dataSync();
      expect(got.length).toBe(want.length);
      for (let i = 0; i < want.length; i += 7) expect(got[i]).toBeCloseTo(want[i]!, 9);
      const dy = randn(y.shape, { dtype: 'float64' });
      const lhs = inner(y, dy);
      expect(inner(x, conv2dBackpropInput(dy, w, xs as [number, number, number, number], options))).toBeCloseTo(lhs, 6);
      expect(inner(w, conv2dBackpropFilter(x, dy, ws as [number, number, number, number], options))).toBeCloseTo(lhs, 6);
    });
  }
});

describe('convolution gradients', () => {
  // The gradient primitives are the adjoints of conv2d: ⟨conv(x, w), dy⟩ = ⟨x, dX(dy, w)⟩ = ⟨w, dW(x, dy)⟩.
  const settings: [string, number[], number[], Conv2dOptions][] = [
    ['plain', [2, 3, 7, 6], [4, 3, 3, 2], {}],
    [
      'stride, 4-sided padding, dilation',
      [2, 2, 9, 8],
      [3, 2, 3, 3],
      { stride: [2, 3], padding: [1, 0, 2, 1], dilation: [2, 1] },
    ],
    ['groups', [1, 6, 5, 5], [4, 3, 2, 2], { groups: 2, padding: 1 }],
    ['pointwise', [2, 4, 3, 3], [5, 4, 1, 1], {}],
  ];
  for (const [name, xs, ws, options] of settings) {
    it(`are adjoint to conv2d (${name})`, () => {
      const x = randn(xs, { dtype: 'float64' });
      const w = randn(ws, { dtype: 'float64' });
      const y = conv2d(x, w, null, options);
      const dy = randn(y.shape, { dtype: 'float64' });
      const lhs = inner(y, dy);
      const dx = conv2dBackpropInput(dy, w, xs as [number, number, number, number], options);
      const dw = conv2dBackpropFilter(x, dy, ws as [number, number, number, number], options);
      expect(dx.shape).toEqual(xs);
      expect(dw.shape).toEqual(ws);
      expect(inner(x, dx)).toBeCloseTo(lhs, 9);
      expect(inner(w, dw)).toBeCloseTo(lhs, 9);
    });
  }

  it('handle the documented examples', () => {
    expect(conv2dBackpropInput(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), [1, 1, 3, 3]).toArray()).toEqual([
      [
        [
          [1, 2, 1],
          [2, 4, 2],
          [1, 2, 1],
        ],
      ],
    ]);
    expect(conv2dBackpropFilter(ones([1, 1, 3, 3]), ones([1, 1, 2, 2]), [1, 1, 2, 2]).toArray()).toEqual([
      [
        [
          [4, 4],
          [4, 4],
        ],
      ],
    ]);
  });

  it('check dy against the forward output shape', () => {
    expect(() => conv2dBackpropInput(ones([1, 1, 3, 3]), ones([1, 1, 2, 2]), [1, 1, 3, 3])).toThrow(
      /conv2dBackpropInput\(dy\): expected shape \[1,1,2,2\]/,
    );
    expect(() => conv2dBackpropFilter(ones([1, 1, 3, 3]), ones([1, 2, 2, 2]), [1, 1, 2, 2])).toThrow(ShapeError);
  });
});

describe('convTranspose2d', () => {
  it('handles the documented examples', () => {
    expect(convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2])).toArray()).toEqual([
      [
        [
          [1, 2, 1],
          [2, 4, 2],
          [1, 2, 1],
        ],
      ],
    ]);
    const y = convTranspose2d(ones([1, 4, 5, 5]), ones([4, 2, 3, 3]), null, {
      stride: 2,
      padding: 1,
      outputPadding: 1,
    });
    expect(y.shape).toEqual([1, 2, 10, 10]);
  });

  it('is conv2dBackpropInput with the weight in PyTorch layout, plus output padding', () => {
    const x = randn([2, 4, 3, 4]);
    const w = randn([4, 3, 3, 2]); // [C_in, C_out / groups, kh, kw], groups 2 → C_out 6
    const y = convTranspose2d(x, w, null, { stride: 2, padding: 1, groups: 2, outputPadding: [1, 0] });
    expect(y.shape).toEqual([2, 6, 6, 6]);
    const core = conv2dBackpropInput(x, w, [2, 6, 5, 6], { stride: 2, padding: 1, groups: 2 }).dataSync();
    const out = y.dataSync();
    // Rows 0..4 of each output plane are the gradient; row 5 (the output padding) receives taps too.
    for (let plane = 0; plane < 12; plane++) {
      for (let i = 0; i < 5 * 6; i++) expect(out[plane * 36 + i]).toBeCloseTo(core[plane * 30 + i]!, 5);
    }
  });

  it('rejects string padding and large output padding', () => {
    expect(() =>
      convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), null, { padding: 'same' as unknown as number }),
    ).toThrow(ArgumentError);
    expect(() => convTranspose2d(ones([1, 1, 2, 2]), ones([1, 1, 2, 2]), null, { outputPadding: 1 })).toThrow(
      /outputPadding/,
    );
  });
});
