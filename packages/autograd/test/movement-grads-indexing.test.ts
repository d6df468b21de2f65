// Gradient checks (float64 central differences over the full Jacobian) for the movement and
// indexing primitives and every public op built on them: concat, pad, tile and indexing.

import {
  cat,
  chunk,
  concat,
  gather,
  indexSelect,
  maskedFill,
  mul,
  pad,
  repeat,
  reshape,
  scatterAdd,
  split,
  stack,
  sum,
  tensor,
  tile,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { grad } from '../src/index.js';
import { idx, joined, movementChecks } from './support/movement-samples.js';

const { rnd, check } = movementChecks('movement-grads-indexing');

describe('Concat: concat, cat, stack, split, chunk', () => {
  it('concat along each dim, of unequal parts, and of a repeated input', () => {
    check((a: Tensor, b: Tensor) => concat([a, b], 1), [rnd([2, 1]), rnd([2, 3])]);
    check((a: Tensor, b: Tensor, c: Tensor) => concat([a, b, c]), [rnd([1, 2]), rnd([3, 2]), rnd([2, 2])]);
    check((x: Tensor) => concat([x, x], -1), [rnd([2, 2])]);
    check((x: Tensor, y: Tensor) => concat([x, y, x]), [rnd([2]), rnd([1])]);
  });

  it('concat with an empty part', () => {
    check((a: Tensor, b: Tensor) => concat([a, b], 0), [zeros([0, 2], { dtype: 'float64' }), rnd([2, 2])]);
  });

  it('cat (alias of concat)', () => {
    check((a: Tensor, b: Tensor) => cat([a, b], 0), [rnd([1, 3]), rnd([2, 3])]);
  });

  it('stack, including scalars and a repeated input', () => {
    check((a: Tensor, b: Tensor) => stack([a, b]), [rnd([2, 2]), rnd([2, 2])]);
    check((a: Tensor, b: Tensor) => stack([a, b], -1), [rnd([3]), rnd([3])]);
    check((a: Tensor, b: Tensor) => stack([a, b, a]), [rnd([]), rnd([])]);
  });

  it('split by size and by sections', () => {
    check((x: Tensor) => joined(split(x, 2)), [rnd([5, 2])]);
    check((x: Tensor) => joined(split(x, [1, 3, 1], 1)), [rnd([2, 5])]);
    check((x: Tensor) => split(x, [2, 1], -1)[1]!, [rnd([2, 3])]);
  });

  it('chunk (all chunks joined, and one picked)', () => {
    check((x: Tensor) => joined(chunk(x, 3)), [rnd([5, 2])]);
    check((x: Tensor) => chunk(x, 2, 1)[0]!, [rnd([2, 4])]);
    check((x: Tensor) => chunk(x, 2, 1)[1]!, [rnd([2, 3])]);
  });
});

describe('Pad: pad in each mode', () => {
  it('constant padding, with a value, and negative amounts (cropping)', () => {
    check((x: Tensor) => pad(x, [1, 2]), [rnd([3])]);
    check((x: Tensor) => pad(x, [0, 1, 2, 0], { value: 3 }), [rnd([2, 2])]);
    check((x: Tensor) => pad(x, [-1, 1, 1, -1]), [rnd([3, 3])]);
    check((x: Tensor) => pad(x, [1, 1]), [rnd([1, 1])]);
  });

  it('reflect padding', () => {
    check((x: Tensor) => pad(x, [2, 1], { mode: 'reflect' }), [rnd([4])]);
    check((x: Tensor) => pad(x, [1, 1, 2, 2], { mode: 'reflect' }), [rnd([1, 3, 3])]);
  });

  it('replicate padding', () => {
    check((x: Tensor) => pad(x, [2, 1], { mode: 'replicate' }), [rnd([3])]);
    check((x: Tensor) => pad(x, [1, 0, 0, 2], { mode: 'replicate' }), [rnd([2, 2])]);
    check((x: Tensor) => pad(x, [2, 2], { mode: 'replicate' }), [rnd([2, 1])]);
  });
});

describe('Tile: tile, repeat', () => {
  it('tile, including reps longer than the rank, a scalar and zero reps', () => {
    check((x: Tensor) => tile(x, [2, 1]), [rnd([2, 3])]);
    check((x: Tensor) => tile(x, [2, 3]), [rnd([2])]);
    check((x: Tensor) => tile(x, [3, 2]), [rnd([1, 2])]);
    check((x: Tensor) => tile(x, [3]), [rnd([])]);
    check((x: Tensor) => concat([reshape(tile(x, [0, 2]), [-1]), reshape(x, [-1])]), [rnd([2, 2])]);
  });

  it('repeat (PyTorch Tensor.repeat)', () => {
    check((x: Tensor) => repeat(x, [1, 2, 3]), [rnd([2, 1])]);
    check((x: Tensor) => repeat(x, [2, 2]), [rnd([2, 2])]);
    check((x: Tensor) => repeat(x, [1, 1]), [rnd([3])]);
  });
});

describe('IndexSelect, Gather, ScatterAdd', () => {
  it('indexSelect with repeated indices accumulates', () => {
    check((x: Tensor) => indexSelect(x, 0, idx([0, 2, 2, 3])), [rnd([4, 3])]);
    check((x: Tensor) => indexSelect(x, 1, idx([1, 1, 0, 1])), [rnd([2, 2, 2])]);
    check((x: Tensor) => indexSelect(x, -1, idx([2])), [rnd([3])]);
    check((x: Tensor) => indexSelect(x, 0, idx([1], [])), [rnd([3, 2])]); // 0-d index
    check((x: Tensor) => indexSelect(x, 0, idx([0])), [rnd([])]);
    // counts of each position: 1, 0, 2, 1
    const g = grad((x: Tensor) => sum(indexSelect(x, 0, idx([0, 2, 2, 3]))))(rnd([4]));
    expect(g.toArray()).toEqual([1, 0, 2, 1]);
  });

  it('gather along each dim, with repeated indices and an index smaller than x', () => {
    check(
      (x: Tensor) =>
        gather(
          x,
          1,
          idx([
            [0, 0],
            [2, 1],
            [3, 3],
          ]),
        ),
      [rnd([3, 4])],
    );
    check(
      (x: Tensor) =>
        gather(
          x,
          0,
          idx([
            [1, 0, 1],
            [1, 1, 1],
          ]),
        ),
      [rnd([2, 3])],
    );
    check((x: Tensor) => gather(x, 0, idx([[2]])), [rnd([3, 2])]);
    check((x: Tensor) => gather(x, -1, idx([[[1, 1, 0]], [[0, 1, 0]]])), [rnd([2, 2, 2])]);
    check((x: Tensor) => gather(x, 0, idx([0], [])), [rnd([])]);
    const g = grad((x: Tensor) => sum(gather(x, 0, idx([1, 1, 1]))))(rnd([2]));
    expect(g.toArray()).toEqual([0, 3]);
  });

  it('scatterAdd with repeated indices, src larger than the index, and a repeated input', () => {
    check(
      (x: Tensor, s: Tensor) =>
        scatterAdd(
          x,
          1,
          idx([
            [0, 0],
            [2, 1],
          ]),
          s,
        ),
      [rnd([3, 3]), rnd([3, 3])],
    );
    check((x: Tensor, s: Tensor) => scatterAdd(x, 0, idx([[1, 1, 0]]), s), [rnd([2, 3]), rnd([2, 4])]);
    check(
      (x: Tensor) =>
        scatterAdd(
          x,
          0,
          idx([
            [1, 1],
            [0, 1],
          ]),
          x,
        ),
      [rnd([2, 2])],
    );
    check((x: Tensor, s: Tensor) => scatterAdd(x, 0, idx([0], []), s), [rnd([]), rnd([])]);
    const g = grad((s: Tensor) =>
      sum(mul(scatterAdd(zeros([2], { dtype: 'float64' }), 0, idx([1, 1]), s), tensor([5, 7], { dtype: 'float64' }))),
    )(rnd([3]));
    expect(g.toArray()).toEqual([7, 7, 0]);
  });
});

describe('maskedFill (through Where)', () => {
  it('masked positions get no gradient; a 0-d tensor value gets the sum over them', () => {
    const mask = tensor([
      [true, false, true],
      [false, false, true],
    ]);
    check((x: Tensor) => maskedFill(x, mask, 0.5), [rnd([2, 3])]);
    check((x: Tensor) => maskedFill(x, tensor([false, true, false]), -1), [rnd([2, 3])]);
    check((x: Tensor, v: Tensor) => maskedFill(x, mask, v), [rnd([2, 3]), rnd([])]);
  });
});
