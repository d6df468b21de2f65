import {
  adaptiveAvgPool2d,
  avgPool2d,
  conv2d,
  conv2dBackpropFilter,
  convTranspose2d,
  matmul,
  maxPool2d,
  maxPool2dBackprop,
  mul,
  sum,
  tensor,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/index.js';
import { expectCountsAfterAll, linalgChecks, linalgSamples, mm } from './support/linalg-samples.js';

// Every check below is counted; after a full run of this file its totals are checked (with
// linalg-grads-first-order.test.ts: 77 gradcheck and 14 gradgradcheck calls), so a check silently
// dropped shows.
const { counts, check2 } = linalgChecks();
expectCountsAfterAll(counts, { checks: 0, secondOrder: 14 });

const { r, distinct } = linalgSamples();

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
