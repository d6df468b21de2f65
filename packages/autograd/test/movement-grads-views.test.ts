// Gradient checks (float64 central differences over the full Jacobian) for the movement and
// indexing primitives and every public op built on them: reshape, transpose, broadcast and slice.

import {
  broadcastTo,
  concat,
  expand,
  flatten,
  flip,
  narrow,
  permute,
  reshape,
  slice,
  squeeze,
  transpose,
  unsqueeze,
  type Tensor,
} from '@nn/tensor';
import { describe, it } from 'vitest';
import { movementChecks } from './support/movement-samples.js';

const { rnd, check } = movementChecks('movement-grads-views');

describe('Reshape: reshape, flatten, squeeze, unsqueeze', () => {
  it('reshape, including -1, scalars and size-1 dims', () => {
    check((x: Tensor) => reshape(x, [3, 2]), [rnd([2, 3])]);
    check((x: Tensor) => reshape(x, [-1]), [rnd([2, 1, 3])]);
    check((x: Tensor) => reshape(x, [2, -1, 1]), [rnd([6])]);
    check((x: Tensor) => reshape(x, [1, 1]), [rnd([])]);
    check((x: Tensor) => reshape(x, []), [rnd([1, 1])]);
  });

  it('flatten', () => {
    check((x: Tensor) => flatten(x), [rnd([2, 3, 2])]);
    check((x: Tensor) => flatten(x, 1), [rnd([2, 3, 2])]);
    check((x: Tensor) => flatten(x, 0, 1), [rnd([2, 1, 2])]);
    check((x: Tensor) => flatten(x), [rnd([])]);
  });

  it('squeeze and unsqueeze', () => {
    check((x: Tensor) => squeeze(x), [rnd([1, 3, 1])]);
    check((x: Tensor) => squeeze(x, 0), [rnd([1, 3, 1])]);
    check((x: Tensor) => squeeze(x, [-1]), [rnd([2, 1])]);
    check((x: Tensor) => squeeze(x), [rnd([])]);
    check((x: Tensor) => unsqueeze(x, -1), [rnd([3])]);
    check((x: Tensor) => unsqueeze(x, 1), [rnd([2, 2])]);
    check((x: Tensor) => unsqueeze(x, 0), [rnd([])]);
  });
});

describe('Transpose: transpose, permute', () => {
  it('transpose', () => {
    check((x: Tensor) => transpose(x, 0, 1), [rnd([2, 3])]);
    check((x: Tensor) => transpose(x, 0, 2), [rnd([2, 3, 2])]);
    check((x: Tensor) => transpose(x, -1, 0), [rnd([1, 2, 3])]);
    check((x: Tensor) => transpose(x, 0, 0), [rnd([3])]);
  });

  it('permute, including a 3-cycle (inverse differs from the permutation) and a scalar', () => {
    check((x: Tensor) => permute(x, [1, 2, 0]), [rnd([2, 3, 2])]);
    check((x: Tensor) => permute(x, [2, 0, 1]), [rnd([2, 1, 3])]);
    check((x: Tensor) => permute(x, [0, 3, 1, 2]), [rnd([1, 2, 2, 3])]);
    check((x: Tensor) => permute(x, []), [rnd([])]);
  });
});

describe('BroadcastTo: broadcastTo, expand', () => {
  it('broadcastTo adds leading dims and stretches size-1 dims', () => {
    check((x: Tensor) => broadcastTo(x, [2, 3]), [rnd([3])]);
    check((x: Tensor) => broadcastTo(x, [2, 3]), [rnd([2, 1])]);
    check((x: Tensor) => broadcastTo(x, [2, 2]), [rnd([])]);
    check((x: Tensor) => broadcastTo(x, [3, 2, 4]), [rnd([1, 4])]);
    check((x: Tensor) => broadcastTo(x, [1, 1]), [rnd([1, 1])]);
  });

  it('expand keeps -1 dims', () => {
    check((x: Tensor) => expand(x, [2, -1]), [rnd([1, 3])]);
    check((x: Tensor) => expand(x, [2, 4, -1]), [rnd([2, 1, 3])]);
    check((x: Tensor) => expand(x, [3]), [rnd([])]);
  });
});

describe('Slice: slice, narrow, flip', () => {
  it('slice with step 1 and open bounds', () => {
    check((x: Tensor) => slice(x, [[1, 3]]), [rnd([4, 2])]);
    check((x: Tensor) => slice(x, [null, [-2]]), [rnd([2, 3])]);
    check(
      (x: Tensor) =>
        slice(x, [
          [1, 99],
          [null, 2],
        ]),
      [rnd([3, 3])],
    );
  });

  it('slice with steps > 1, including steps that leave trailing elements out', () => {
    check((x: Tensor) => slice(x, [[null, null, 2]]), [rnd([5])]);
    check((x: Tensor) => slice(x, [[1, null, 2]]), [rnd([6])]);
    check(
      (x: Tensor) =>
        slice(x, [
          [0, 7, 3],
          [1, null, 2],
        ]),
      [rnd([8, 4])],
    );
    check((x: Tensor) => slice(x, [[2, null, 5]]), [rnd([6])]); // a single element selected
  });

  it('slice with negative steps', () => {
    check((x: Tensor) => slice(x, [[null, null, -1]]), [rnd([4])]);
    check((x: Tensor) => slice(x, [[null, null, -2]]), [rnd([5])]);
    check((x: Tensor) => slice(x, [[null, null, -3]]), [rnd([7])]);
    check(
      (x: Tensor) =>
        slice(x, [
          [4, 0, -2],
          [null, null, -1],
        ]),
      [rnd([6, 2])],
    );
    check(
      (x: Tensor) =>
        slice(x, [
          [-2, null, -3],
          [1, 4, 2],
        ]),
      [rnd([6, 5])],
    );
  });

  it('slice with integer selection (drops the dim) and mixed ranges', () => {
    check((x: Tensor) => slice(x, [1]), [rnd([3, 2])]);
    check((x: Tensor) => slice(x, [null, -1]), [rnd([2, 3])]);
    check((x: Tensor) => slice(x, [[null, null, -1], 0, [1, null, 2]]), [rnd([3, 2, 4])]);
    check((x: Tensor) => slice(x, [0, 0]), [rnd([1, 1])]);
  });

  it('slice of a scalar, and an empty slice (its gradient is all zeros)', () => {
    check((x: Tensor) => slice(x, []), [rnd([])]);
    check((x: Tensor) => concat([reshape(slice(x, [[2, 1]]), [-1]), reshape(x, [-1])]), [rnd([3, 2])]);
    check((x: Tensor) => concat([reshape(slice(x, [[0, 3, -1]]), [-1]), reshape(x, [-1])]), [rnd([4])]);
  });

  it('narrow', () => {
    check((x: Tensor) => narrow(x, 0, 1, 2), [rnd([4, 3])]);
    check((x: Tensor) => narrow(x, -1, 0, 1), [rnd([2, 3])]);
    check((x: Tensor) => narrow(x, 1, -2, 2), [rnd([2, 3])]);
  });

  it('flip', () => {
    check((x: Tensor) => flip(x, 0), [rnd([3])]);
    check((x: Tensor) => flip(x, [0, 2]), [rnd([2, 3, 2])]);
    check((x: Tensor) => flip(x, -1), [rnd([2, 1])]);
    check((x: Tensor) => flip(x, []), [rnd([])]);
  });
});
