// Gradient checks (float64 central differences over the full Jacobian) for the movement and
// indexing primitives and every public op built on them: second order, and a float32 training step.

import {
  broadcastTo,
  concat,
  createCpuBackend,
  expand,
  gather,
  getBackend,
  indexSelect,
  mul,
  pad,
  permute,
  repeat,
  reshape,
  scatterAdd,
  setBackend,
  slice,
  sum,
  tensor,
  tidy,
  tile,
  transpose,
  unsqueeze,
  Variable,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { backward, enableGrad } from '../src/index.js';
import { idx, joined, movementChecks } from './support/movement-samples.js';

const { rnd, check2 } = movementChecks('movement-grads-second-order');

describe('second order through the movement rules', () => {
  // Each f is nonlinear (a product of two movements of x), so its gradient depends on x through
  // the movement rules, and the check differentiates those rules' own ops.
  it('slice (steps, negative steps, selection)', () => {
    check2((x: Tensor) => mul(slice(x, [[null, null, -2]]), slice(x, [[0, 3]])), [rnd([6])]);
    check2((x: Tensor) => mul(slice(x, [[1, null, 2], 0]), slice(x, [[null, null, -2], 1])), [rnd([4, 2])]);
  });

  it('concat', () => {
    check2((a: Tensor, b: Tensor) => mul(concat([a, b], 1), concat([b, a], 1)), [rnd([2, 1]), rnd([2, 1])]);
  });

  it('gather', () => {
    check2(
      (x: Tensor) =>
        mul(
          gather(
            x,
            1,
            idx([
              [0, 2, 2],
              [1, 1, 0],
            ]),
          ),
          gather(
            x,
            1,
            idx([
              [1, 0, 2],
              [2, 2, 1],
            ]),
          ),
        ),
      [rnd([2, 3])],
    );
  });

  it('transpose and permute', () => {
    check2((x: Tensor) => mul(transpose(x, 0, 1), x), [rnd([2, 2])]);
    check2((x: Tensor) => mul(permute(x, [1, 2, 0]), permute(x, [2, 0, 1])), [rnd([2, 2, 2])]);
  });

  it('pad, tile, indexSelect, scatterAdd, broadcastTo', () => {
    check2((x: Tensor) => mul(pad(x, [1, 1], { mode: 'reflect' }), pad(x, [2, 0], { mode: 'replicate' })), [rnd([3])]);
    check2((x: Tensor) => mul(tile(x, [2, 1]), repeat(x, [2, 1])), [rnd([2, 2])]);
    check2((x: Tensor) => mul(indexSelect(x, 0, idx([0, 2, 2])), indexSelect(x, 0, idx([1, 1, 0]))), [rnd([3, 2])]);
    check2((x: Tensor, s: Tensor) => mul(scatterAdd(x, 0, idx([[1, 1]]), s), x), [rnd([2, 2]), rnd([1, 3])]);
    check2((x: Tensor) => mul(broadcastTo(x, [2, 3]), expand(reshape(x, [1, 3]), [2, 3])), [rnd([3])]);
  });
});

describe('movement rules in a float32 training step', () => {
  it('keep the dtype and shape, and free every intermediate', () => {
    const backend = createCpuBackend();
    const previous = getBackend();
    setBackend(backend);
    const stop = enableGrad();
    try {
      const w = new Variable(
        tensor([
          [1, 2, 3, 4],
          [5, 6, 7, 8],
          [9, 10, 11, 12],
        ]),
      );
      const index = idx([[2, 0, 2, 1]]);
      const loss = (): Tensor => {
        const v = w.value;
        const parts = [
          slice(v, [
            [null, null, -2],
            [1, null, 2],
          ]),
          pad(transpose(v, 0, 1), [1, 1], { mode: 'reflect' }),
          tile(gather(v, 0, index), [2, 1]),
          indexSelect(v, 1, idx([3, 3])),
          scatterAdd(v, 0, index, v),
          broadcastTo(unsqueeze(v, 0), [2, 3, 4]),
        ];
        return sum(mul(joined(parts), joined(parts)));
      };
      const baseline = backend.numDataIds();
      for (let step = 0; step < 5; step++) {
        tidy(() => {
          backward(loss());
        });
        expect(w.grad?.dtype).toBe('float32');
        expect(w.grad?.shape).toEqual([3, 4]);
        w.grad?.dispose();
        w.grad = null;
      }
      expect(backend.numDataIds()).toBe(baseline);
    } finally {
      stop();
      setBackend(previous);
    }
  });
});
