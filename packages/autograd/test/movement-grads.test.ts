import {
  broadcastTo,
  cat,
  chunk,
  concat,
  createCpuBackend,
  expand,
  flatten,
  flip,
  gather,
  Generator,
  getBackend,
  indexSelect,
  maskedFill,
  mul,
  narrow,
  pad,
  permute,
  randn,
  repeat,
  reshape,
  scatterAdd,
  setBackend,
  slice,
  split,
  squeeze,
  stack,
  sum,
  tensor,
  tidy,
  tile,
  transpose,
  unsqueeze,
  Variable,
  zeros,
  type NestedArray,
  type Tensor,
} from '@nn/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { backward, enableGrad, grad, gradcheck, gradgradcheck } from '../src/index.js';

// Gradient checks (float64 central differences over the full Jacobian) for the movement and
// indexing primitives and every public op built on them.

let first = 0;
let second = 0;
afterAll(() => {
  console.info(`movement-grads: ${first} gradcheck and ${second} gradgradcheck calls passed`);
});

const gen = new Generator(20240611);
/** A float64 tensor of standard normal values. */
const rnd = (shape: number[]): Tensor => randn(shape, { dtype: 'float64', generator: gen });
/** An int32 index tensor. */
const idx = (values: NestedArray, shape?: number[]): Tensor =>
  shape === undefined ? tensor(values, { dtype: 'int32' }) : tensor(values, { dtype: 'int32', shape });
/** All outputs of a multi-output op as one differentiable tensor. */
const joined = (parts: Tensor[]): Tensor => concat(parts.map((p) => reshape(p, [-1])));

function check<A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A): void {
  expect(gradcheck(f, inputs)).toBe(true);
  first++;
}
function check2<A extends Tensor[]>(f: (...inputs: A) => Tensor, inputs: A): void {
  expect(gradgradcheck(f, inputs)).toBe(true);
  second++;
}

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
