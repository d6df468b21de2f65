import { add, log, mul, sum, tensor, tidy, Variable, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  backward,
  captureGraph,
  detach,
  detectAnomaly,
  enableGrad,
  grad,
  GradientError,
  gradNorms,
  isGradEnabled,
  requiresGrad,
  valueAndGrad,
} from '../src/index.js';

function recording<T>(fn: () => T): T {
  const stop = enableGrad();
  try {
    return fn();
  } finally {
    stop();
  }
}

describe('recording switches', () => {
  it('enableGrad turns recording on until its stop function runs', () => {
    expect(isGradEnabled()).toBe(false);
    const stop = enableGrad();
    expect(isGradEnabled()).toBe(true);
    stop();
    stop(); // idempotent
    expect(isGradEnabled()).toBe(false);
  });

  it('detach cuts the graph', () => {
    recording(() => {
      const w = new Variable(tensor([2]));
      const y = mul(detach(w.value), w.value);
      backward(sum(y));
      expect(w.grad?.toArray()).toEqual([2]); // only the non-detached factor
    });
  });

  it('a tidy around the forward pass does not dispose what backward needs', () => {
    recording(() => {
      const w = new Variable(tensor([1, 2]));
      const loss = tidy(() => sum(mul(add(w.value, 1), w.value)));
      backward(loss);
      expect(w.grad?.toArray()).toEqual([3, 5]); // 2w + 1
    });
  });
});

describe('anomaly mode', () => {
  it('names the op that produced a NaN in the forward pass', () => {
    recording(() => {
      const w = new Variable(tensor([-1]));
      expect(() => detectAnomaly(() => log(w.value))).toThrow(/Log: expected finite outputs, got NaN/);
    });
  });

  it('names the op whose gradient is not finite', () => {
    const f = (x: Tensor) => sum(mul(x, tensor([Infinity])));
    expect(() => detectAnomaly(() => grad(f)(tensor([0])))).toThrow(GradientError);
  });
});

describe('graph capture and gradient norms', () => {
  it('captures nodes, edges and gradients of a small computation', () => {
    recording(() => {
      const a = tensor([2]);
      const b = tensor([3]);
      const f = (x: Tensor, y: Tensor) => {
        const z = add(mul(x, y), x);
        const graph = captureGraph(
          z,
          undefined,
          new Map([
            [x, 'a'],
            [y, 'b'],
          ]),
        );
        expect(graph.nodes.map((n) => n.op)).toEqual(['input', 'input', 'Mul', 'Add']);
        expect(graph.nodes.map((n) => n.label)).toEqual(['a', 'b', null, null]);
        expect(graph.edges).toEqual([
          [0, 2],
          [1, 2],
          [2, 3],
          [0, 3],
        ]);
        expect(Array.from(graph.nodes[3]!.value)).toEqual([8]);
        return sum(z);
      };
      const { grads } = valueAndGrad(f)(a, b);
      expect(grads[0].toArray()).toEqual([4]);
      expect(grads[1].toArray()).toEqual([2]);
      expect(requiresGrad(a)).toBe(false); // the watch ends with valueAndGrad
    });
  });

  it('reports each Variable gradient norm by name', () => {
    recording(() => {
      const w = new Variable(tensor([3, 4]), { name: 'w' });
      const unused = new Variable(tensor([1]), { name: 'u' });
      backward(sum(mul(w.value, w.value)));
      expect(gradNorms([w, unused])).toEqual({ w: 10 });
    });
  });
});

describe('graph lifetime', () => {
  it('a dead branch computed while recording is freed when its scope ends, a live one is kept', () => {
    const stop = enableGrad();
    try {
      const w = new Variable(tensor([1, 2, 3]));
      const before = w.value.backend.numDataIds();
      const loss = tidy(() => {
        const h = mul(w.value, w.value); // read by the loss: must survive until backward
        sum(mul(h, 3)); // a metric nobody keeps: its branch is released when the tidy ends
        return sum(h);
      });
      backward(loss);
      expect(w.grad?.toArray()).toEqual([2, 4, 6]);
      loss.dispose();
      w.grad?.dispose();
      w.grad = null;
      expect(w.value.backend.numDataIds()).toBe(before);
    } finally {
      stop();
    }
  });
});
