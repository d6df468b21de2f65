import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  clamp,
  elu,
  gelu,
  getBackend,
  leakyRelu,
  onOp,
  silu,
  softplus,
  square,
  tensor,
  type Tensor,
} from '../src/index.js';

const f64 = (values: number[]): Tensor => tensor(values, { dtype: 'float64' });

/** Every element within `rtol` (relative) or `atol` (absolute) of the expected value. */
function expectClose(t: Tensor, want: number[], rtol: number, atol = 0): void {
  const got = Array.from(t.dataSync());
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i]!;
    if (Number.isNaN(w)) expect(g, `element ${i}`).toBeNaN();
    else expect(Math.abs(g - w), `element ${i}: got ${g}, want ${w}`).toBeLessThanOrEqual(atol + rtol * Math.abs(w));
  });
}

// Expected values below are from Python's math module in double precision.
describe('gelu', () => {
  const xs = [-3, -1, -0.5, 0, 0.5, 1, 2, 3];
  it("matches 0.5·x·(1 + erf(x/√2)) with approximate 'none'", () => {
    const want = [
      -0.00404969409489031, -0.15865525393145707, -0.15426876936299344, 0, 0.34573123063700656, 0.8413447460685429,
      1.9544997361036416, 2.99595030590511,
    ];
    expectClose(gelu(f64(xs)), want, 1e-13);
    expectClose(gelu(tensor(xs)), want, 1e-6, 1e-7);
    expect(gelu(tensor(xs)).dtype).toBe('float32');
  });

  it("matches the tanh approximation with approximate 'tanh'", () => {
    const want = [
      -0.0036373920817729943, -0.15880800939172324, -0.15428599017485606, 0, 0.34571400982514394, 0.8411919906082768,
      1.954597694087775, 2.996362607918227,
    ];
    expectClose(gelu(f64(xs), 'tanh'), want, 1e-13);
    expectClose(gelu(tensor(xs), 'tanh'), want, 1e-6, 1e-7);
  });

  it('saturates without NaN and computes int input in float32', () => {
    expect(gelu(tensor([-1000, 1000, NaN])).toArray()).toEqual([-0, 1000, NaN]);
    expect(gelu(tensor([1], { dtype: 'int32' })).dtype).toBe('float32');
  });

  it('rejects an unknown approximation', () => {
    expect(() => gelu(tensor([1]), 'fast' as never)).toThrow(ArgumentError);
  });
});

describe('softplus', () => {
  it('matches log(1 + e^x) below the threshold and x above it', () => {
    const xs = [-100, -20, -1, 0, 1, 5, 19.9, 20, 20.1];
    const want = [
      3.720075976020836e-44, 2.061153620314381e-9, 0.31326168751822286, 0.6931471805599453, 1.3132616875182228,
      5.006715348489118, 19.900000002277924, 20.000000002061153, 20.1,
    ];
    expectClose(softplus(f64(xs)), want, 1e-14);
  });

  it('scales by beta, with the threshold on beta·x', () => {
    const xs = [-1, 0, 1, 4.9, 5.1];
    const want = [0.06346400552148625, 0.34657359027997264, 1.0634640055214863, 4.900027725031025, 5.1];
    expectClose(softplus(f64(xs), 2, 10), want, 1e-14);
  });

  it('never overflows, even with a huge threshold', () => {
    const y = softplus(f64([1000, -1000]), 1, Infinity).toArray() as number[];
    expect(y[0]).toBe(1000);
    expect(y[1]).toBe(0);
    expect(softplus(tensor([800]), 1, 1e9).toArray()).toEqual([800]);
  });

  it('rejects a zero or non-finite beta', () => {
    expect(() => softplus(tensor([1]), 0)).toThrow(ArgumentError);
    expect(() => softplus(tensor([1]), NaN)).toThrow(/softplus\(beta\)/);
    expect(() => softplus(tensor([1]), 1, NaN)).toThrow(/threshold/);
  });
});

describe('elu, leakyRelu, silu', () => {
  it('elu is x above 0 and alpha·(eˣ − 1) below', () => {
    expectClose(
      elu(f64([-10, -1, -0.5, 0, 0.5])),
      [-0.9999546000702375, -0.6321205588285577, -0.3934693402873666, 0, 0.5],
      1e-15,
    );
    expectClose(elu(f64([-10, -1, 2]), 1.5), [-1.4999319001053562, -0.9481808382428365, 2], 1e-15);
    expect(elu(tensor([NaN, 1000])).toArray()).toEqual([NaN, 1000]);
    expect(() => elu(tensor([1]), Infinity)).toThrow(ArgumentError);
  });

  it('leakyRelu scales negative inputs by the slope, for any slope', () => {
    expect(leakyRelu(f64([-2, -0.5, 0, 3])).toArray()).toEqual([-0.02, -0.005, 0, 3]);
    expect(leakyRelu(f64([-2, 3]), 0.2).toArray()).toEqual([-0.4, 3]);
    expect(leakyRelu(f64([-2, 3]), 3).toArray()).toEqual([-6, 3]);
    expect(leakyRelu(f64([-2, 3]), -1).toArray()).toEqual([2, 3]);
    expect(leakyRelu(tensor([NaN])).toArray()).toEqual([NaN]);
    expect(leakyRelu(tensor([-4], { dtype: 'int32' }), 0.5).toArray()).toEqual([-2]);
    expect(() => leakyRelu(tensor([1]), '0.1' as never)).toThrow(ArgumentError);
  });

  it('silu is x·sigmoid(x)', () => {
    expectClose(
      silu(f64([-10, -1, 0, 1, 10])),
      [-0.0004539786870243439, -0.2689414213699951, 0, 0.7310585786300049, 9.999546021312975],
      1e-15,
    );
    expect(silu(tensor([-1000, 1000])).toArray()).toEqual([-0, 1000]);
  });
});

describe('square and clamp', () => {
  it('square keeps the dtype, bool becomes int32', () => {
    expect(square(tensor([-3, 0.5])).toArray()).toEqual([9, 0.25]);
    expect(square(tensor([-3], { dtype: 'int32' })).dtype).toBe('int32');
    expect(square(tensor([true, false])).toArray()).toEqual([1, 0]);
    expect(square(tensor([true])).dtype).toBe('int32');
  });

  it('clamp applies either bound, propagates NaN, and gives max when min > max', () => {
    expect(clamp(tensor([-2, 0.5, 3]), 0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(clamp(tensor([-2, 3]), null, 1).toArray()).toEqual([-2, 1]);
    expect(clamp(tensor([-2, 3]), 0).toArray()).toEqual([0, 3]);
    expect(clamp(tensor([-2, 3]), undefined, 0).toArray()).toEqual([-2, 0]);
    expect(clamp(tensor([NaN, 5]), 0, 1).toArray()).toEqual([NaN, 1]);
    expect(clamp(tensor([-5, 0, 5]), 2, 1).toArray()).toEqual([1, 1, 1]);
  });

  it('clamp keeps int32 for integer bounds and promotes for fractional ones', () => {
    const x = tensor([-5, 0, 5], { dtype: 'int32' });
    expect(clamp(x, -1, 1).dtype).toBe('int32');
    expect(clamp(x, -1, 1).toArray()).toEqual([-1, 0, 1]);
    expect(clamp(x, 0.5).dtype).toBe('float32');
  });

  it('clamp needs at least one numeric bound', () => {
    expect(() => clamp(tensor([1]))).toThrow(ArgumentError);
    expect(() => clamp(tensor([1]), null, null)).toThrow(/at least one of min and max/);
    expect(() => clamp(tensor([1]), '0' as never)).toThrow(/clamp\(min\)/);
  });
});

describe('composites', () => {
  it('leave only their result behind and run as primitives', () => {
    const backend = getBackend();
    const x = tensor([-1, 0.5, 2], { dtype: 'int32' });
    const before = backend.numDataIds();
    const ops: string[] = [];
    const stop = onOp((r) => ops.push(r.op));
    const outs = [
      gelu(x),
      gelu(x, 'tanh'),
      softplus(x, 2),
      elu(x, 0.5),
      leakyRelu(x),
      silu(x),
      clamp(x, 0, 1),
      square(x),
    ];
    stop();
    expect(backend.numDataIds()).toBe(before + outs.length);
    expect(ops).toContain('Erf');
    expect(ops).toContain('Tanh');
    expect(ops).toContain('Log1p');
    for (const t of outs) t.dispose();
  });
});
