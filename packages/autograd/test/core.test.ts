import {
  createCpuBackend,
  getBackend,
  mul,
  ones,
  setBackend,
  sum,
  tensor,
  tidy,
  Variable,
  add,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  backward,
  customGrad,
  enableGrad,
  grad,
  gradcheck,
  GradientError,
  noGrad,
  requiresGrad,
  valueAndGrad,
} from '../src/index.js';

describe('backward', () => {
  it('fills Variable.grad and accumulates across calls', () => {
    const stop = enableGrad();
    try {
      const w = new Variable(tensor([1, 2, 3]));
      const loss = () => sum(mul(w.value, w.value));
      backward(loss());
      expect(w.grad?.toArray()).toEqual([2, 4, 6]);
      backward(loss());
      expect(w.grad?.toArray()).toEqual([4, 8, 12]);
    } finally {
      stop();
    }
  });

  it('sums the gradients of a tensor used twice and reduces broadcast gradients', () => {
    const stop = enableGrad();
    try {
      const w = new Variable(tensor([[1], [2]]));
      const b = new Variable(tensor([10, 20, 30]));
      backward(sum(add(mul(w.value, w.value), mul(b.value, w.value))));
      // d/dw sum_j (w² + b_j w) = 3·2w + sum_j b_j
      expect(w.grad?.toArray()).toEqual([[66], [72]]);
      expect(b.grad?.toArray()).toEqual([3, 3, 3]);
    } finally {
      stop();
    }
  });

  it('refuses a loss that was not recorded, and a non-scalar loss without a gradient', () => {
    const w = new Variable(tensor([1, 2]));
    expect(() => backward(sum(w.value))).toThrow(GradientError);
    const stop = enableGrad();
    try {
      expect(() => backward(mul(w.value, 2))).toThrow(/one-element loss/);
    } finally {
      stop();
    }
  });

  it('does not record under noGrad', () => {
    const stop = enableGrad();
    try {
      const w = new Variable(tensor([1]));
      expect(requiresGrad(mul(w.value, 2))).toBe(true);
      expect(requiresGrad(noGrad(() => mul(w.value, 2)))).toBe(false);
    } finally {
      stop();
    }
  });

  it('releases what the graph held: data ids return to the baseline after many steps', () => {
    const backend = createCpuBackend();
    const previous = getBackend();
    setBackend(backend);
    const stop = enableGrad();
    try {
      const w = new Variable(tensor([1, 2, 3]));
      const baseline = backend.numDataIds();
      for (let step = 0; step < 50; step++) {
        tidy(() => {
          backward(sum(mul(mul(w.value, w.value), 3)));
        });
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

describe('grad and valueAndGrad', () => {
  it('return the value and gradients in the structure of the arguments', () => {
    const f = (p: { a: Tensor; b: Tensor }) => sum(mul(p.a, p.b));
    const { value, grads } = valueAndGrad(f)({ a: tensor([1, 2]), b: tensor([3, 4]) });
    expect(value.item()).toBe(11);
    expect(grads.a.toArray()).toEqual([3, 4]);
    expect(grads.b.toArray()).toEqual([1, 2]);
  });

  it('gives zeros for arguments the function does not use', () => {
    const g = grad((x: Tensor, _y: Tensor) => sum(x))(tensor([1, 2]), tensor([5]));
    expect(g[1].toArray()).toEqual([0]);
  });

  it('nests: grad(grad(f)) is the second derivative', () => {
    const f = (x: Tensor) => sum(mul(mul(x, x), x)); // x³
    const d2 = grad((x: Tensor) => sum(grad(f)(x)))(tensor([2, 3]));
    expect(d2.toArray()).toEqual([12, 18]); // 6x
  });
});

describe('customGrad and gradcheck', () => {
  it('uses the custom gradient', () => {
    const double = customGrad((x: Tensor) => ({ value: mul(x, 2), gradFunc: (dy) => mul(dy, 5) }));
    expect(grad((x: Tensor) => sum(double(x)))(tensor([1, 1])).toArray()).toEqual([5, 5]);
  });

  it('passes on a correct rule and names the element on a wrong one', () => {
    const x = tensor([1, 2], { dtype: 'float64' });
    expect(gradcheck((t: Tensor) => mul(t, t), [x])).toBe(true);
    const wrong = customGrad((t: Tensor) => ({ value: mul(t, t), gradFunc: (dy) => mul(dy, t) }));
    expect(() => gradcheck((t: Tensor) => wrong(t), [x])).toThrow(/inputs\[0\].*d output\[0\] \/ d input\[0\]/);
    expect(() => gradcheck((t: Tensor) => mul(t, t), [ones([2])])).toThrow(/float64/);
  });
});

describe('gradgradcheck', () => {
  it('checks second derivatives through the rules', async () => {
    const { gradgradcheck } = await import('../src/index.js');
    const x = tensor([0.5, -1.5, 2], { dtype: 'float64' });
    const y = tensor([1.5, 2, -0.5], { dtype: 'float64' });
    expect(gradgradcheck((a: Tensor, b: Tensor) => mul(mul(a, b), a), [x, y])).toBe(true);
  });
});
