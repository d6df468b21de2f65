import {
  adaptiveAvgPool2d,
  avgPool2d,
  avgPool2dBackprop,
  conv1d,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  convTranspose2d,
  dot,
  Generator,
  matmul,
  maxPool2d,
  maxPool2dBackprop,
  mul,
  outer,
  randn,
  sum,
  tensor,
  transpose,
  type Tensor,
} from '@nn/tensor';
import { runKernel } from '@nn/tensor/backend';
import { describe, expect, it } from 'vitest';
import { grad, gradcheck, gradgradcheck } from '../src/index.js';

// Every check below is counted; the last test states the totals, so a check silently dropped shows.
let checks = 0;
const FIRST_ORDER = 77;
const SECOND_ORDER = 14;
let secondOrder = 0;

const gen = new Generator(20240611);
/** A seeded standard-normal float64 tensor. */
const r = (...shape: number[]): Tensor => randn(shape, { dtype: 'float64', generator: gen });

/**
 * A float64 tensor whose values are distinct and at least 0.05 apart (a shuffled ramp plus a
 * little noise), so max pooling has no ties and finite differences never cross a switch.
 */
function distinct(...shape: number[]): Tensor {
  const size = shape.reduce((p, d) => p * d, 1);
  const values = Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(gen.random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return tensor(
    values.map((v) => (v - size / 2) * 0.1 + 0.01 * gen.random()),
    { dtype: 'float64', shape },
  );
}

function check<A extends Tensor[]>(f: (...xs: A) => Tensor, ...inputs: A): void {
  expect(gradcheck(f, inputs)).toBe(true);
  checks++;
}

function check2<A extends Tensor[]>(f: (...xs: A) => Tensor, ...inputs: A): void {
  expect(gradgradcheck(f, inputs)).toBe(true);
  secondOrder++;
}

const distinctX = distinct(1, 2, 4, 4);

const mm =
  (transposeA: boolean, transposeB: boolean) =>
  (a: Tensor, b: Tensor): Tensor =>
    runKernel('MatMul', { a, b }, { transposeA, transposeB });

describe('MatMul', () => {
  it('2-D, 1-D operands, and a repeated input', () => {
    check(matmul, r(3, 4), r(4, 2));
    check(matmul, r(3), r(3)); // [] output
    check(matmul, r(3), r(3, 2));
    check(matmul, r(2, 3), r(3));
    check((x: Tensor) => matmul(x, x), r(3, 3));
    check((x: Tensor) => matmul(x, transpose(x, 0, 1)), r(2, 3));
  });

  it('batched and broadcast batch dims', () => {
    check(matmul, r(2, 3, 4), r(2, 4, 2));
    check(matmul, r(2, 1, 2, 3), r(3, 3, 2)); // both broadcast: [2, 3, 2, 2]
    check(matmul, r(2, 3, 4), r(4, 2)); // shared unbatched b (linear-layer path)
    check(matmul, r(3, 4), r(2, 4, 2)); // shared unbatched a
    check(matmul, r(4), r(2, 4, 3));
    check(matmul, r(2, 2, 3, 4), r(4));
    check(matmul, r(1, 2, 3), r(2, 3, 2)); // size-1 batch dim of a
  });

  it('transposeA / transposeB attrs of the primitive', () => {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const a = ta ? r(2, 4, 3) : r(2, 3, 4); // op(a): [2, 3, 4]
      const b = tb ? r(1, 2, 4) : r(1, 4, 2); // op(b): [1, 4, 2]
      check(mm(ta, tb), a, b);
      check(mm(ta, tb), a, tb ? r(2, 4) : r(4, 2)); // unbatched b
      check(mm(ta, tb), ta ? r(4, 3) : r(3, 4), tb ? r(2, 2, 4) : r(2, 4, 2)); // unbatched a
    }
  });

  it('dot and outer', () => {
    check(dot, r(4), r(4));
    check((x: Tensor) => dot(x, x), r(3));
    check(outer, r(3), r(2));
  });
});

describe('Conv2D and its public ops', () => {
  it('conv2d: plain, stride, padding, dilation, groups, bias, unbatched', () => {
    check((x: Tensor, w: Tensor) => conv2d(x, w), r(2, 2, 4, 4), r(3, 2, 2, 2));
    check((x: Tensor, w: Tensor) => conv2d(x, w, null, { stride: 2, padding: 1 }), r(1, 2, 5, 5), r(2, 2, 3, 3));
    check(
      (x: Tensor, w: Tensor) => conv2d(x, w, null, { stride: [2, 1], padding: [0, 1] }),
      r(1, 1, 5, 4),
      r(2, 1, 2, 3),
    );
    check((x: Tensor, w: Tensor) => conv2d(x, w, null, { padding: 'same' }), r(1, 2, 4, 3), r(2, 2, 2, 2)); // odd totals
    check((x: Tensor, w: Tensor) => conv2d(x, w, null, { padding: [1, 0, 2, 1] }), r(1, 1, 3, 3), r(2, 1, 2, 3));
    check((x: Tensor, w: Tensor) => conv2d(x, w, null, { dilation: 2, padding: 1 }), r(1, 1, 5, 5), r(2, 1, 2, 2));
    check(
      (x: Tensor, w: Tensor) => conv2d(x, w, null, { dilation: [2, 1], stride: 2, padding: 'valid' }),
      r(1, 2, 5, 4),
      r(1, 2, 2, 2),
    );
    check((x: Tensor, w: Tensor) => conv2d(x, w, null, { groups: 2, padding: 1 }), r(1, 4, 3, 3), r(4, 2, 2, 2));
    check((x: Tensor, w: Tensor, b: Tensor) => conv2d(x, w, b, { stride: 2 }), r(2, 2, 4, 4), r(3, 2, 2, 2), r(3));
    check((x: Tensor, w: Tensor) => conv2d(x, w, null, { padding: 1 }), r(2, 3, 3), r(2, 2, 2, 2)); // unbatched
    check((x: Tensor) => conv2d(x, x), r(1, 1, 2, 2)); // repeated input: x and w
  });

  it('conv1d: stride, padding incl. same, dilation, groups, bias', () => {
    check((x: Tensor, w: Tensor) => conv1d(x, w), r(2, 2, 5), r(3, 2, 2));
    check(
      (x: Tensor, w: Tensor, b: Tensor) => conv1d(x, w, b, { stride: 2, padding: 1 }),
      r(1, 2, 6),
      r(2, 2, 3),
      r(2),
    );
    check((x: Tensor, w: Tensor) => conv1d(x, w, null, { padding: 'same', dilation: 2 }), r(1, 1, 5), r(2, 1, 2));
    check((x: Tensor, w: Tensor) => conv1d(x, w, null, { groups: 2 }), r(2, 4), r(4, 1, 2)); // unbatched, groups
  });

  it('conv2dBackpropInput and conv2dBackpropFilter as functions of both their tensors', () => {
    const opts = { stride: 2, padding: [1, 0, 0, 1] as const, groups: 2 };
    check((dy: Tensor, w: Tensor) => conv2dBackpropInput(dy, w, [1, 4, 4, 4], opts), r(1, 2, 2, 2), r(2, 2, 2, 2));
    check((x: Tensor, dy: Tensor) => conv2dBackpropFilter(x, dy, [2, 2, 2, 2], opts), r(1, 4, 4, 4), r(1, 2, 2, 2));
    const dil = { dilation: 2, padding: 1 };
    check((dy: Tensor, w: Tensor) => conv2dBackpropInput(dy, w, [1, 1, 4, 4], dil), r(1, 2, 4, 4), r(2, 1, 2, 2));
    check((x: Tensor, dy: Tensor) => conv2dBackpropFilter(x, dy, [2, 1, 2, 2], dil), r(1, 1, 4, 4), r(1, 2, 4, 4));
  });

  it('convTranspose2d: stride, padding, outputPadding, groups, dilation, bias', () => {
    check((x: Tensor, w: Tensor) => convTranspose2d(x, w), r(2, 2, 2, 2), r(2, 3, 2, 2));
    check(
      (x: Tensor, w: Tensor) => convTranspose2d(x, w, null, { stride: 2, padding: 1, outputPadding: 1 }),
      r(1, 2, 2, 3),
      r(2, 1, 3, 3),
    );
    check(
      (x: Tensor, w: Tensor) => convTranspose2d(x, w, null, { groups: 2, stride: [1, 2] }),
      r(1, 4, 2, 2),
      r(4, 1, 2, 2),
    );
    check(
      (x: Tensor, w: Tensor) => convTranspose2d(x, w, null, { dilation: 2, padding: [1, 0] }),
      r(1, 1, 2, 3),
      r(1, 2, 2, 2),
    );
    // outputPadding ≥ stride (allowed below the dilation): the primitive gets a dy smaller than
    // the convolution output of its inputShape.
    check(
      (x: Tensor, w: Tensor) => convTranspose2d(x, w, null, { dilation: 2, outputPadding: 1 }),
      r(1, 1, 2, 2),
      r(1, 2, 2, 2),
    );
    check(
      (x: Tensor, w: Tensor, b: Tensor) => convTranspose2d(x, w, b, { stride: 2 }),
      r(1, 2, 2, 2),
      r(2, 2, 2, 2),
      r(2),
    );
    check(
      (x: Tensor, w: Tensor) => convTranspose2d(x, w, null, { stride: 2, outputPadding: [1, 0] }),
      r(2, 2, 2),
      r(2, 1, 2, 2),
    );
  });
});

describe('pooling', () => {
  it('maxPool2d: 2×2 fast path, stride, padding, dilation, ceilMode, unbatched', () => {
    check((x: Tensor) => maxPool2d(x, 2), distinct(2, 2, 4, 4));
    check((x: Tensor) => maxPool2d(x, 3, { stride: 2, padding: 1 }), distinct(1, 2, 5, 5));
    check((x: Tensor) => maxPool2d(x, [2, 3], { stride: [1, 2], padding: [1, 1] }), distinct(1, 1, 4, 5));
    check((x: Tensor) => maxPool2d(x, 2, { dilation: 2, stride: 1 }), distinct(1, 1, 4, 5));
    check((x: Tensor) => maxPool2d(x, 2, { ceilMode: true }), distinct(1, 2, 5, 5));
    check(
      (x: Tensor) => maxPool2d(x, 3, { stride: 2, padding: 1, ceilMode: true, dilation: [1, 2] }),
      distinct(1, 1, 6, 7),
    );
    check((x: Tensor) => maxPool2d(x, 2, { stride: 1 }), distinct(2, 3, 3)); // unbatched, overlapping windows
  });

  it('maxPool2dBackprop as a function of dy (routing) and x (zero almost everywhere)', () => {
    check((dy: Tensor) => maxPool2dBackprop(dy, distinctX, 2, { stride: 1 }), r(1, 2, 3, 3));
    check((dy: Tensor, x: Tensor) => maxPool2dBackprop(dy, x, 2, { stride: 1 }), r(1, 2, 3, 3), distinctX);
    check(
      (dy: Tensor) => maxPool2dBackprop(dy, distinctX, 3, { stride: 2, padding: 1, ceilMode: true, dilation: [1, 2] }),
      r(1, 2, 3, 2),
    );
    check((dy: Tensor) => maxPool2dBackprop(dy, distinctX, 2, { ceilMode: true, stride: 3 }), r(1, 2, 2, 2));
  });

  it('avgPool2d: countIncludePad true/false, ceilMode, stride, unbatched', () => {
    check((x: Tensor) => avgPool2d(x, 2), r(2, 2, 4, 4));
    check((x: Tensor) => avgPool2d(x, 3, { stride: 2, padding: 1 }), r(1, 2, 5, 5)); // countIncludePad default true
    check((x: Tensor) => avgPool2d(x, 3, { stride: 2, padding: 1, countIncludePad: false }), r(1, 2, 5, 5));
    check((x: Tensor) => avgPool2d(x, 2, { ceilMode: true }), r(1, 1, 5, 5));
    check(
      (x: Tensor) => avgPool2d(x, [3, 2], { stride: 2, padding: [1, 1], ceilMode: true, countIncludePad: false }),
      r(1, 1, 6, 5),
    );
    check(
      (x: Tensor) => avgPool2d(x, [3, 2], { stride: 2, padding: [1, 1], ceilMode: true, countIncludePad: true }),
      r(1, 1, 6, 5),
    );
    check((x: Tensor) => avgPool2d(x, 2, { stride: 1 }), r(2, 3, 3));
  });

  it('avgPool2dBackprop as a function of dy', () => {
    check(
      (dy: Tensor) => avgPool2dBackprop(dy, [1, 2, 5, 5], 3, { stride: 2, padding: 1, countIncludePad: false }),
      r(1, 2, 3, 3),
    );
    check((dy: Tensor) => avgPool2dBackprop(dy, [1, 1, 5, 5], 2, { ceilMode: true }), r(1, 1, 3, 3));
  });

  it('adaptiveAvgPool2d: divisible and non-divisible output sizes', () => {
    check((x: Tensor) => adaptiveAvgPool2d(x, 2), r(1, 2, 4, 4)); // avgPool2d path
    check((x: Tensor) => adaptiveAvgPool2d(x, [2, 3]), r(1, 2, 5, 4)); // averaging-matrix path
    check((x: Tensor) => adaptiveAvgPool2d(x, 1), r(2, 3, 3)); // global pool, unbatched
  });
});

describe('second order (gradgradcheck)', () => {
  it('matmul: 2-D, batched broadcast, 1-D, transposed primitive forms', () => {
    check2(matmul, r(2, 3), r(3, 2));
    check2(matmul, r(2, 1, 2, 3), r(3, 3, 2));
    check2(matmul, r(2, 2, 3), r(3, 2));
    check2(matmul, r(3), r(3, 2));
    check2(mm(true, true), r(2, 3, 2), r(2, 3));
    check2((x: Tensor) => matmul(x, x), r(2, 2));
  });

  it('conv2d, convTranspose2d and the conv gradient primitives', () => {
    check2(
      (x: Tensor, w: Tensor) => conv2d(x, w, null, { stride: 2, padding: [1, 0, 0, 1] }),
      r(1, 2, 4, 4),
      r(2, 2, 2, 2),
    );
    check2(
      (x: Tensor, w: Tensor) => conv2d(x, w, null, { groups: 2, dilation: 2, padding: 1 }),
      r(1, 2, 3, 3),
      r(2, 1, 2, 2),
    );
    check2(
      (x: Tensor, w: Tensor) => convTranspose2d(x, w, null, { stride: 2, padding: 1, outputPadding: 1 }),
      r(1, 1, 2, 2),
      r(1, 2, 3, 3),
    );
    check2(
      (x: Tensor, w: Tensor) => convTranspose2d(x, w, null, { dilation: 2, outputPadding: 1 }),
      r(1, 1, 2, 2),
      r(1, 1, 2, 2),
    );
    check2(
      (x: Tensor, dy: Tensor) => conv2dBackpropFilter(x, dy, [2, 1, 2, 2], { stride: 2 }),
      r(1, 1, 4, 4),
      r(1, 2, 2, 2),
    );
  });

  it('pooling: the backprop primitives are differentiated in dy', () => {
    // d/dx of sum(pool(x)² · w) = poolBackprop(2·pool(x)·w, x): differentiating again goes
    // through the backprop primitives' rules.
    check2(
      (x: Tensor) => {
        const y = maxPool2d(x, 3, { stride: 2, padding: 1, ceilMode: true });
        return mul(y, y);
      },
      distinct(1, 2, 4, 5),
    );
    check2(
      (x: Tensor) => {
        const y = avgPool2d(x, 3, { stride: 2, padding: 1, countIncludePad: false, ceilMode: true });
        return mul(y, y);
      },
      r(1, 1, 4, 5),
    );
    check2(
      (x: Tensor) => {
        const y = adaptiveAvgPool2d(x, [2, 3]);
        return mul(y, y);
      },
      r(1, 1, 3, 4),
    );
  });
});

describe('rule details', () => {
  it('gradients keep the input dtype (float32) and match a hand-computed matmul gradient', () => {
    const a = tensor([
      [1, 2],
      [3, 4],
    ]);
    const b = tensor([
      [5, 6],
      [7, 8],
    ]);
    const [ga, gb] = grad((x: Tensor, y: Tensor) => sum(matmul(x, y)))(a, b);
    expect(ga.dtype).toBe('float32');
    expect(ga.toArray()).toEqual([
      [11, 15],
      [11, 15],
    ]); // ones · bᵀ
    expect(gb.toArray()).toEqual([
      [4, 4],
      [6, 6],
    ]); // aᵀ · ones
  });

  it('handles empty operands (K = 0, B = 0) in every matmul path', () => {
    for (const [as, bs] of [
      [
        [2, 3, 0],
        [0, 2],
      ],
      [
        [0, 3, 4],
        [4, 2],
      ],
      [
        [3, 0],
        [2, 0, 2],
      ],
      [
        [2, 3, 0],
        [2, 0, 2],
      ],
    ] as const) {
      const [ga, gb] = grad((x: Tensor, y: Tensor) => sum(matmul(x, y)))(r(...as), r(...bs));
      expect(ga.shape).toEqual(as);
      expect(gb.shape).toEqual(bs);
      expect([...ga.dataSync(), ...gb.dataSync()].every((v) => v === 0)).toBe(true);
    }
  });

  it('max pooling sends the gradient to the first maximum among ties, like the kernel', () => {
    const x = tensor([
      [
        [
          [1, 1],
          [1, 1],
        ],
      ],
    ]);
    const g = grad((t: Tensor) => sum(maxPool2d(t, 2)))(x);
    expect(g.toArray()).toEqual([
      [
        [
          [1, 0],
          [0, 0],
        ],
      ],
    ]);
    // the double-backward gather picks the same (first) tap
    const dy = tensor([[[[3]]]]);
    const gdy = grad((d: Tensor) =>
      sum(
        mul(
          maxPool2dBackprop(d, x, 2),
          tensor([
            [
              [
                [5, 7],
                [9, 11],
              ],
            ],
          ]),
        ),
      ),
    )(dy);
    expect(gdy.toArray()).toEqual([[[[5]]]]);
  });
});

describe('count', () => {
  it('ran every check (run the whole file)', () => {
    expect({ checks, secondOrder }).toEqual({ checks: FIRST_ORDER, secondOrder: SECOND_ORDER });
  });
});
