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
  matmul,
  maxPool2d,
  maxPool2dBackprop,
  outer,
  transpose,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { linalgChecks, linalgSamples, mm } from './support/linalg-samples.js';

// Every check below is counted; the last test states this file's totals (with
// linalg-grads-second-order-rules.test.ts: 77 gradcheck and 14 gradgradcheck calls), so a check
// silently dropped shows.
const { counts, check } = linalgChecks();
const FIRST_ORDER = 77;
const SECOND_ORDER = 0;

const { r, distinct } = linalgSamples();
const distinctX = distinct(1, 2, 4, 4);

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

describe('count', () => {
  it('ran every check (run the whole file)', () => {
    expect(counts).toEqual({ checks: FIRST_ORDER, secondOrder: SECOND_ORDER });
  });
});
