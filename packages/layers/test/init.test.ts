// Initialisers (`init.*`): distributions checked statistically with fixed seeds (tolerances of 5
// standard errors for the sample size), exact bounds, PyTorch's gain table and fans, orthogonality
// and the sign correction of `orthogonal`, reproducibility, validation, untracked and leak-free updates.
import {
  ArgumentError,
  DTypeError,
  Generator,
  getBackend,
  manualSeed,
  onOp,
  randn,
  ShapeError,
  tensor,
  Variable,
  zeros,
  type DType,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { init } from '../src/index.js';
import { erfc, normalQuantile } from '../src/init/normal-cdf.js';
import { thrownBy } from './support/errors.js';

function variable(shape: number[], dtype: DType = 'float32'): Variable {
  return new Variable(zeros(shape, { dtype }), { name: 'w' });
}

function values(v: Variable): number[] {
  return Array.from(v.value.dataSync() as ArrayLike<number>);
}

interface Stats {
  n: number;
  mean: number;
  variance: number;
  min: number;
  max: number;
  /** Standard error of the mean. */
  seMean: number;
  /** Standard error of the (biased) variance: √((m4 − m2²) / n). */
  seVariance: number;
}

function stats(xs: number[]): Stats {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  m2 /= n;
  m4 /= n;
  return { n, mean, variance: m2, min, max, seMean: Math.sqrt(m2 / n), seVariance: Math.sqrt((m4 - m2 * m2) / n) };
}

/** Mean and variance within 5 standard errors of the expected ones. */
function expectMoments(s: Stats, mean: number, variance: number): void {
  expect(Math.abs(s.mean - mean)).toBeLessThan(5 * s.seMean + 1e-12);
  expect(Math.abs(s.variance - variance)).toBeLessThan(5 * s.seVariance + 1e-12);
}

/** `a · bᵀ` of row-major matrices `a: [r, k]`, `b: [c, k]`, in float64. */
function gramRows(x: number[], rows: number, cols: number): number[][] {
  const g: number[][] = [];
  for (let i = 0; i < rows; i++) {
    g.push([]);
    for (let j = 0; j < rows; j++) {
      let s = 0;
      for (let k = 0; k < cols; k++) s += x[i * cols + k]! * x[j * cols + k]!;
      g[i]!.push(s);
    }
  }
  return g;
}

function transposeFlat(x: number[], rows: number, cols: number): number[] {
  const out = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[i * cols + j]!;
  return out;
}

function maxIdentityError(g: number[][], scale = 1): number {
  let worst = 0;
  g.forEach((row, i) => row.forEach((x, j) => (worst = Math.max(worst, Math.abs(x - (i === j ? scale : 0))))));
  return worst;
}

describe('uniform', () => {
  it('draws U(a, b): bounds respected exactly, mean (a+b)/2, variance (b−a)²/12', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const v = init.uniform(variable([200, 100], dtype), { a: -3, b: 5, generator: new Generator(1) });
      expect(v.dtype).toBe(dtype);
      const s = stats(values(v));
      expect(s.min).toBeGreaterThanOrEqual(-3);
      expect(s.max).toBeLessThanOrEqual(5);
      expect(s.min).toBeLessThan(-2.99);
      expect(s.max).toBeGreaterThan(4.99);
      expectMoments(s, 1, 64 / 12);
    }
  });

  it('defaults to U(0, 1), and a = b gives the constant', () => {
    const s = stats(values(init.uniform(variable([10000]), { generator: new Generator(2) })));
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThanOrEqual(1);
    expectMoments(s, 0.5, 1 / 12);
    expect(new Set(values(init.uniform(variable([5]), { a: 2, b: 2 })))).toEqual(new Set([2]));
  });
});

describe('normal and truncNormal', () => {
  it('normal draws N(mean, std²); std = 0 gives the mean', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const s = stats(values(init.normal(variable([20000], dtype), { mean: -2, std: 3, generator: new Generator(3) })));
      expectMoments(s, -2, 9);
    }
    expectMoments(stats(values(init.normal(variable([20000]), { generator: new Generator(4) }))), 0, 1);
    expect(values(init.normal(variable([3]), { mean: 1.5, std: 0 }))).toEqual([1.5, 1.5, 1.5]);
  });

  it('the host erfc and normal quantile behind truncNormal match Python to their stated accuracy', () => {
    // Python's math.erfc and statistics.NormalDist().inv_cdf.
    const erfcs: [number, number][] = [
      [-3, 1.9999779095030015],
      [-0.5, 1.5204998778130465],
      [0, 1],
      [0.3, 0.6713732405408726],
      [2, 0.004677734981047265],
      [6, 2.1519736712498916e-17],
      [20, 5.3958656116079005e-176],
    ];
    for (const [x, want] of erfcs) expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1.2e-7);
    const quantiles: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-10, -6.361340902404056],
      [0.01, -2.3263478740408408],
      [0.3, -0.5244005127080407],
      [0.9, 1.2815515655446008],
      [0.999999, 4.753424308817089],
    ];
    for (const [p, want] of quantiles) expect(Math.abs(normalQuantile(p) - want) / Math.abs(want)).toBeLessThan(1.2e-9);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  // Moments of the standard normal truncated to [α, β], computed with Python's math.erfc:
  // mean = (φ(α) − φ(β)) / Z, variance = 1 + (αφ(α) − βφ(β)) / Z − mean².
  const truncated: [number, number, number, number][] = [
    [-2, 2, 0, 0.7737413035499232],
    [1, 3, 1.510049513243984, 0.17345290492412202],
    [8, 9, 8.12118899297975, 0.014148542783146922],
    [-9, -8, -8.12118899297975, 0.014148542783146922],
    [-0.5, 0.1, -0.19407308042713423, 0.029620694290169357],
  ];
  for (const [alpha, beta, mean, variance] of truncated) {
    it(`truncNormal on [${alpha}, ${beta}] standard deviations has the truncated moments, inside the bounds`, () => {
      // mean 10, std 2: the cut-offs are absolute values, a = 10 + 2α.
      const a = 10 + 2 * alpha;
      const b = 10 + 2 * beta;
      const v = init.truncNormal(variable([20000], 'float64'), { mean: 10, std: 2, a, b, generator: new Generator(5) });
      const s = stats(values(v));
      expect(s.min).toBeGreaterThanOrEqual(a);
      expect(s.max).toBeLessThanOrEqual(b);
      expectMoments(s, 10 + 2 * mean, 4 * variance);
    });
  }

  it('truncNormal defaults to N(0, 1) cut at ±2 and stays near the cut-off far in a tail', () => {
    const s = stats(values(init.truncNormal(variable([20000]), { generator: new Generator(6) })));
    expect(s.min).toBeGreaterThanOrEqual(-2);
    expect(s.max).toBeLessThanOrEqual(2);
    expectMoments(s, 0, 0.7737413035499232);
    // 40 standard deviations out, Φ underflows; the law is then α + Exp(α) to double precision,
    // of mean ≈ α + 1/α − 2/α³ and standard deviation ≈ 1/α.
    const tail = stats(
      values(init.truncNormal(variable([20000], 'float64'), { a: 40, b: 41, generator: new Generator(7) })),
    );
    expect(tail.min).toBeGreaterThanOrEqual(40);
    expect(tail.max).toBeLessThanOrEqual(41);
    expect(Math.abs(tail.mean - (40 + 1 / 40 - 2 / 40 ** 3))).toBeLessThan(5 * tail.seMean);
    expect(Math.sqrt(tail.variance)).toBeCloseTo(1 / 40, 3);
    const left = stats(
      values(init.truncNormal(variable([1000], 'float64'), { a: -41, b: -40, generator: new Generator(7) })),
    );
    expect(left.mean).toBeCloseTo(-tail.mean, 1);
    expect(values(init.truncNormal(variable([2]), { mean: 5, std: 0, a: -1, b: 1 }))).toEqual([1, 1]);
  });
});

describe('constant, zeros, ones, eye', () => {
  it('fill with the value in the variable dtype and shape', () => {
    expect(init.constant(variable([2, 2], 'float64'), 0.1).value.toArray()).toEqual([
      [0.1, 0.1],
      [0.1, 0.1],
    ]);
    expect(init.constant(variable([2], 'int32'), 7).value.toArray()).toEqual([7, 7]);
    expect(values(init.constant(variable([2]), NaN)).every(Number.isNaN)).toBe(true);
    expect(init.zeros(new Variable(tensor([1, 2, 3]))).value.toArray()).toEqual([0, 0, 0]);
    const o = init.ones(variable([2, 3], 'float64'));
    expect(o.dtype).toBe('float64');
    expect(o.value.toArray()).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('eye writes the identity, rectangular too, and needs 2 dimensions', () => {
    expect(init.eye(variable([3, 2])).value.toArray()).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(init.eye(variable([2, 2], 'float64')).dtype).toBe('float64');
    expect(() => init.eye(variable([2, 2, 2]))).toThrow(ShapeError);
  });
});

describe('fans and gains', () => {
  it('fanInAndFanOut follows PyTorch for Linear and convolution weights', () => {
    expect(init.fanInAndFanOut([4, 3])).toEqual([3, 4]); // Linear(3, 4)
    expect(init.fanInAndFanOut([6, 2, 5])).toEqual([10, 30]); // Conv1d(2, 6, 5)
    expect(init.fanInAndFanOut([16, 8, 3, 3])).toEqual([72, 144]); // Conv2d(8, 16, 3)
    expect(init.fanInAndFanOut([16, 4, 3, 3])).toEqual([36, 144]); // Conv2d(8, 16, 3, groups=2)
    expect(init.fanInAndFanOut([2, 3, 2, 2, 2])).toEqual([24, 16]);
    expect(init.fanInAndFanOut(variable([5, 7]))).toEqual([7, 5]);
    expect(init.fanInAndFanOut(zeros([0, 7]))).toEqual([7, 0]);
    expect(() => init.fanInAndFanOut([3])).toThrow(ShapeError);
    expect(() => init.fanInAndFanOut([])).toThrow(ShapeError);
    expect(() => init.fanInAndFanOut([2, 1.5])).toThrow(ArgumentError);
  });

  it('calculateGain is PyTorch’s table', () => {
    for (const name of [
      'linear',
      'conv1d',
      'conv2d',
      'conv3d',
      'conv_transpose1d',
      'conv_transpose2d',
      'conv_transpose3d',
      'sigmoid',
    ] as const) {
      expect(init.calculateGain(name)).toBe(1);
    }
    expect(init.calculateGain('tanh')).toBe(5 / 3);
    expect(init.calculateGain('relu')).toBe(Math.sqrt(2));
    expect(init.calculateGain('selu')).toBe(0.75);
    expect(init.calculateGain('leaky_relu')).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(init.calculateGain('leaky_relu', 0)).toBe(Math.sqrt(2));
    expect(init.calculateGain('leaky_relu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 15);
    expect(init.calculateGain('relu', 123)).toBe(Math.sqrt(2)); // param only matters for leaky_relu
    expect(() => init.calculateGain('softmax' as never)).toThrow(ArgumentError);
    expect(() => init.calculateGain('toString' as never)).toThrow(ArgumentError);
    expect(() => init.calculateGain('leaky_relu', NaN)).toThrow(ArgumentError);
    expect(() => init.calculateGain('leaky_relu', true as never)).toThrow(ArgumentError);
  });
});

describe('xavier and kaiming', () => {
  it('xavierUniform: U(±gain·√(6/(fanIn+fanOut))), bound reached and respected', () => {
    const cases: [number[], number][] = [
      [[300, 200], 1],
      [[32, 16, 3, 3], 5 / 3],
    ];
    for (const [shape, gain] of cases) {
      const [fi, fo] = init.fanInAndFanOut(shape);
      const bound = gain * Math.sqrt(6 / (fi + fo));
      const s = stats(values(init.xavierUniform(variable(shape), { gain, generator: new Generator(8) })));
      expect(s.min).toBeGreaterThanOrEqual(-bound);
      expect(s.max).toBeLessThanOrEqual(bound);
      expect(s.max).toBeGreaterThan(0.999 * bound);
      expectMoments(s, 0, (bound * bound) / 3);
    }
  });

  it('xavierNormal: N(0, gain²·2/(fanIn+fanOut))', () => {
    const s = stats(
      values(init.xavierNormal(variable([64, 32, 3, 3], 'float64'), { gain: 2, generator: new Generator(9) })),
    );
    expectMoments(s, 0, (4 * 2) / (32 * 9 + 64 * 9));
  });

  it('kaimingUniform: U(±gain·√(3/fan)); PyTorch’s Linear default a = √5 gives ±1/√fanIn', () => {
    const cases: [number[], Parameters<typeof init.kaimingUniform>[1], number][] = [
      [[100, 400], { a: Math.sqrt(5) }, 1 / Math.sqrt(400)],
      // The defaults are 'leaky_relu' with a = 0 (not leaky_relu's own default slope 0.01): gain √2.
      [[100, 400], {}, Math.sqrt(2) * Math.sqrt(3 / 400)],
      [[100, 400], { a: 0.1, nonlinearity: 'leaky_relu' }, Math.sqrt(2 / 1.01) * Math.sqrt(3 / 400)],
      [[100, 400], { mode: 'fanOut', nonlinearity: 'relu' }, Math.sqrt(2) * Math.sqrt(3 / 100)],
      [[100, 400], { mode: 'fan_out', nonlinearity: 'tanh' }, (5 / 3) * Math.sqrt(3 / 100)],
      [[16, 8, 5, 5], { a: Math.sqrt(5) }, 1 / Math.sqrt(200)],
    ];
    for (const [shape, options, bound] of cases) {
      const s = stats(values(init.kaimingUniform(variable(shape), { ...options, generator: new Generator(10) })));
      expect(s.min).toBeGreaterThanOrEqual(-bound);
      expect(s.max).toBeLessThanOrEqual(bound);
      expect(s.max).toBeGreaterThan(0.999 * bound);
      expectMoments(s, 0, (bound * bound) / 3);
    }
  });

  it('kaimingNormal: N(0, gain²/fan)', () => {
    const s = stats(values(init.kaimingNormal(variable([128, 256]), { generator: new Generator(11) })));
    expectMoments(s, 0, 2 / 256);
    const t = stats(
      values(
        init.kaimingNormal(variable([32, 8, 3, 3]), {
          mode: 'fanOut',
          nonlinearity: 'relu',
          generator: new Generator(12),
        }),
      ),
    );
    expectMoments(t, 0, 2 / (32 * 9));
    const u = stats(values(init.kaimingNormal(variable([200, 100]), { a: 0.2, generator: new Generator(13) })));
    expectMoments(u, 0, 2 / (1 + 0.04) / 100);
  });
});

describe('orthogonal', () => {
  const shapes: number[][] = [
    [6, 6],
    [10, 4],
    [4, 10],
    [8, 3, 2, 2],
    [3, 4, 3, 3],
    [1, 5],
    [5, 1],
  ];
  for (const shape of shapes) {
    it(`gives orthonormal ${shape[0]! <= shape.slice(1).reduce((p, d) => p * d, 1) ? 'rows' : 'columns'} for shape [${shape.join(', ')}]`, () => {
      const rows = shape[0]!;
      const cols = shape.slice(1).reduce((p, d) => p * d, 1);
      for (const [dtype, tol] of [
        ['float32', 1e-5],
        ['float64', 1e-12],
      ] as const) {
        const v = init.orthogonal(variable(shape, dtype), { generator: new Generator(14) });
        expect(v.shape).toEqual(shape);
        const x = values(v);
        const g = rows <= cols ? gramRows(x, rows, cols) : gramRows(transposeFlat(x, rows, cols), cols, rows);
        expect(maxIdentityError(g)).toBeLessThan(tol);
      }
      const scaled = values(init.orthogonal(variable(shape, 'float64'), { gain: 3, generator: new Generator(14) }));
      const g = rows <= cols ? gramRows(scaled, rows, cols) : gramRows(transposeFlat(scaled, rows, cols), cols, rows);
      expect(maxIdentityError(g, 9)).toBeLessThan(1e-11);
    });
  }

  it('is the Q of A = QR with diag(R) > 0, A the Gaussian draw (PyTorch’s sign correction)', () => {
    for (const [rows, cols] of [
      [7, 7],
      [9, 4],
      [3, 8],
    ] as const) {
      const q = values(init.orthogonal(variable([rows, cols], 'float64'), { generator: new Generator(15) }));
      const a = Array.from(randn([rows, cols], { generator: new Generator(15), dtype: 'float64' }).dataSync());
      // Tall: R = Qᵀ A is [cols, cols]. Wide: the QR is of Aᵀ and the result is Qᵀ, so R = W Aᵀ.
      const [qm, am, m, n] =
        rows >= cols ? [q, a, rows, cols] : [transposeFlat(q, rows, cols), transposeFlat(a, rows, cols), cols, rows];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let r = 0;
          for (let k = 0; k < m; k++) r += qm[k * n + i]! * am[k * n + j]!;
          if (i > j) expect(Math.abs(r)).toBeLessThan(1e-12);
          if (i === j) expect(r).toBeGreaterThan(0);
        }
      }
    }
  });

  it('needs 2 dimensions and leaves empty variables alone', () => {
    expect(() => init.orthogonal(variable([4]))).toThrow(ShapeError);
    expect(init.orthogonal(variable([0, 3])).shape).toEqual([0, 3]);
  });
});

describe('reproducibility, untracked, memory', () => {
  const random = [
    (v: Variable, generator?: Generator) => init.uniform(v, { a: -1, generator }),
    (v: Variable, generator?: Generator) => init.normal(v, { generator }),
    (v: Variable, generator?: Generator) => init.truncNormal(v, { generator }),
    (v: Variable, generator?: Generator) => init.xavierUniform(v, { generator }),
    (v: Variable, generator?: Generator) => init.xavierNormal(v, { generator }),
    (v: Variable, generator?: Generator) => init.kaimingUniform(v, { generator }),
    (v: Variable, generator?: Generator) => init.kaimingNormal(v, { generator }),
    (v: Variable, generator?: Generator) => init.orthogonal(v, { generator }),
  ];

  it('a Generator seed (or manualSeed) fixes the values; another seed changes them', () => {
    for (const fill of random) {
      const a = values(fill(variable([5, 4]), new Generator(42)));
      const b = values(fill(variable([5, 4]), new Generator(42)));
      const c = values(fill(variable([5, 4]), new Generator(43)));
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
      manualSeed(42);
      const d = values(fill(variable([5, 4])));
      manualSeed(42);
      expect(values(fill(variable([5, 4])))).toEqual(d);
    }
  });

  it('the same seed gives the same values in float32 as in float64, rounded', () => {
    const f64 = values(init.kaimingUniform(variable([3, 5], 'float64'), { generator: new Generator(1) }));
    const f32 = values(init.kaimingUniform(variable([3, 5], 'float32'), { generator: new Generator(1) }));
    f32.forEach((x, i) => expect(Math.abs(x - f64[i]!)).toBeLessThan(1e-6));
  });

  it('updates the Variable in place: same object, name, shape, dtype; runs untracked; leaks nothing', () => {
    const all = [
      ...random,
      (v: Variable) => init.constant(v, 2),
      (v: Variable) => init.zeros(v),
      (v: Variable) => init.ones(v),
      (v: Variable) => init.eye(v),
    ];
    for (const fill of all) {
      const v = variable([4, 3], 'float64');
      const old = v.value;
      const before = getBackend().numDataIds();
      const ops: string[] = [];
      const stop = onOp((r) => ops.push(r.op));
      const out = fill(v);
      stop();
      expect(out).toBe(v);
      expect(v.name).toBe('w');
      expect(v.shape).toEqual([4, 3]);
      expect(v.dtype).toBe('float64');
      expect(old.isDisposed).toBe(true);
      expect(Variable.of(v.value)).toBe(v);
      expect(ops).toEqual([]);
      expect(getBackend().numDataIds()).toBe(before);
      v.dispose();
    }
  });

  it('random initialisers leave variables with no elements as they are', () => {
    for (const fill of random) {
      const v = variable([0, 3]);
      const old = v.value;
      fill(v);
      expect(v.value).toBe(old);
    }
  });
});

describe('validation', () => {
  it('rejects what is not a float Variable', () => {
    expect(() => init.uniform(zeros([2]) as never)).toThrow(ArgumentError);
    expect(() => init.zeros(null as never)).toThrow(ArgumentError);
    expect(() => init.normal(variable([2], 'int32'))).toThrow(DTypeError);
    expect(() => init.xavierUniform(variable([2, 2], 'bool'))).toThrow(DTypeError);
    expect(() => init.constant(variable([2]), '1' as never)).toThrow(ArgumentError);
    const dead = variable([2, 2]);
    dead.dispose();
    expect(() => init.ones(dead)).toThrow();
  });

  it('rejects bad options with ArgumentError naming the op and argument', () => {
    const v = variable([3, 3]);
    const bad: [() => unknown, string, string][] = [
      [() => init.uniform(v, { a: 2, b: 1 }), 'init.uniform', 'a, b'],
      [() => init.uniform(v, { a: NaN }), 'init.uniform', 'a'],
      [() => init.uniform(v, { b: Infinity }), 'init.uniform', 'b'],
      [() => init.uniform(v, { low: 0 } as never), 'init.uniform', 'options'],
      [() => init.uniform(v, { generator: 42 } as never), 'init.uniform', 'generator'],
      [() => init.uniform(v, 'fast' as never), 'init.uniform', 'options'],
      [() => init.normal(v, { std: -1 }), 'init.normal', 'std'],
      [() => init.normal(v, { mean: Infinity }), 'init.normal', 'mean'],
      [() => init.truncNormal(v, { a: 1, b: -1 }), 'init.truncNormal', 'a, b'],
      [() => init.truncNormal(v, { std: -0.1 }), 'init.truncNormal', 'std'],
      [() => init.xavierUniform(v, { gain: -1 }), 'init.xavierUniform', 'gain'],
      [() => init.xavierNormal(v, { gain: NaN }), 'init.xavierNormal', 'gain'],
      [() => init.kaimingUniform(v, { mode: 'fan_avg' as never }), 'init.kaimingUniform', 'mode'],
      [() => init.kaimingNormal(v, { nonlinearity: 'softmax' as never }), 'init.kaimingNormal', 'nonlinearity'],
      [() => init.kaimingNormal(v, { a: NaN }), 'init.kaimingNormal', 'a'],
      [() => init.orthogonal(v, { gain: Infinity }), 'init.orthogonal', 'gain'],
    ];
    for (const [fn, op, arg] of bad) {
      const error = thrownBy(fn);
      expect(error, `${op}(${arg})`).toBeInstanceOf(ArgumentError);
      expect((error as ArgumentError).op).toBe(op);
      expect((error as ArgumentError).arg).toBe(arg);
    }
  });

  it('needs at least 2 dimensions for fan-based initialisers', () => {
    expect(() => init.xavierUniform(variable([5]))).toThrow(ShapeError);
    expect(() => init.xavierNormal(variable([]))).toThrow(ShapeError);
    expect(() => init.kaimingUniform(variable([5]))).toThrow(ShapeError);
    expect(() => init.kaimingNormal(variable([5]))).toThrow(ShapeError);
  });
});
