// Synthetic sets: shapes, dtypes, class balance, geometry, seed reproducibility, validation, memory.
import { ArgumentError, Generator, manualSeed, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  blobs,
  circles,
  DataLoader,
  linearRegression,
  moons,
  sequenceTask,
  sineRegression,
  spirals,
  type SyntheticData,
  TensorDataset,
  xor,
} from '../src/index.js';
import { expectError } from './support/errors.js';
import { liveTensors } from './support/leaks.js';

function counts(y: Tensor, classes: number): number[] {
  const out = new Array<number>(classes).fill(0);
  for (const v of y.dataSync()) out[v]! += 1;
  return out;
}

function rows(x: Tensor): number[][] {
  return x.toArray() as number[][];
}

const sets: [string, (g: Generator) => SyntheticData][] = [
  ['xor', (g) => xor({ generator: g })],
  ['circles', (g) => circles({ noise: 0.1, generator: g })],
  ['moons', (g) => moons({ noise: 0.1, generator: g })],
  ['spirals', (g) => spirals({ generator: g })],
  ['blobs', (g) => blobs({ generator: g })],
  ['linearRegression', (g) => linearRegression({ generator: g })],
  ['sineRegression', (g) => sineRegression({ generator: g })],
  ['sequenceTask echo', (g) => sequenceTask({ kind: 'echo', generator: g })],
  ['sequenceTask parity', (g) => sequenceTask({ kind: 'parity', generator: g })],
  ['sequenceTask adding', (g) => sequenceTask({ kind: 'adding', generator: g })],
  ['sequenceTask sine', (g) => sequenceTask({ kind: 'sine', generator: g })],
];

describe('synthetic sets: common behaviour', () => {
  for (const [name, make] of sets) {
    it(`${name}: same seed → same data, other seed → other data; manualSeed works; no leaks`, () => {
      const a = make(new Generator(1));
      const b = make(new Generator(1));
      const c = make(new Generator(2));
      expect(a.x.toArray()).toEqual(b.x.toArray());
      expect(a.y.toArray()).toEqual(b.y.toArray());
      expect([a.x.toArray(), a.y.toArray()]).not.toEqual([c.x.toArray(), c.y.toArray()]);
      expect(a.x.dtype).toBe('float32');
      expect(['int32', 'float32']).toContain(a.y.dtype);
      expect(a.y.shape[0]).toBe(a.x.shape[0]);
      manualSeed(5);
      const d = make(undefined as unknown as Generator);
      manualSeed(5);
      expect(make(undefined as unknown as Generator).x.toArray()).toEqual(d.x.toArray());
      const before = liveTensors();
      const e = make(new Generator(3));
      const extra = 'centers' in e ? 3 : 2;
      expect(liveTensors()).toBe(before + extra);
    });
  }
});

describe('classification sets', () => {
  it('xor: corners of the unit square labelled by exclusive or, balanced', () => {
    const { x, y } = xor({ n: 8, noise: 0, shuffle: false });
    expect(rows(x)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(Array.from(y.dataSync())).toEqual([0, 1, 1, 0, 0, 1, 1, 0]);
    const big = xor({ n: 400, generator: new Generator(0) });
    expect(big.x.shape).toEqual([400, 2]);
    expect(counts(big.y, 2)).toEqual([200, 200]);
    // With noise 0.1 every point stays nearest its own corner.
    const points = rows(big.x);
    big.y.dataSync().forEach((label, i) => {
      const [a, b] = points[i]!.map((v) => (v > 0.5 ? 1 : 0));
      expect(a! ^ b!).toBe(label);
    });
  });

  it('circles: radii 1 and factor, split floor(n/2) / rest, evenly spaced angles', () => {
    const { x, y } = circles({ n: 9, factor: 0.3, shuffle: false });
    const radius = rows(x).map(([a, b]) => Math.hypot(a!, b!));
    radius.forEach((r, i) => expect(r).toBeCloseTo(i < 4 ? 1 : 0.3, 6));
    expect(counts(y, 2)).toEqual([4, 5]);
    expect(rows(x)[1]![0]).toBeCloseTo(0, 6); // outer: angles 0, π/2, π, 3π/2
    expect(rows(x)[1]![1]).toBeCloseTo(1, 6);
    const shuffled = circles({ n: 100, generator: new Generator(0) });
    expect(counts(shuffled.y, 2)).toEqual([50, 50]);
    expect(Array.from(shuffled.y.dataSync()).slice(0, 50)).not.toEqual(new Array(50).fill(0));
  });

  it('moons: scikit-learn’s half circles', () => {
    const { x, y } = moons({ n: 6, shuffle: false });
    const p = rows(x);
    const upper = [
      [1, 0],
      [0, 1],
      [-1, 0],
    ];
    const lower = [
      [0, 0.5],
      [1, -0.5],
      [2, 0.5],
    ];
    [...upper, ...lower].forEach(([a, b], i) => {
      expect(p[i]![0]).toBeCloseTo(a!, 6);
      expect(p[i]![1]).toBeCloseTo(b!, 6);
    });
    expect(Array.from(y.dataSync())).toEqual([0, 0, 0, 1, 1, 1]);
    expect(moons({ n: 1 }).x.shape).toEqual([1, 2]);
  });

  it('spirals: n points per class, radius k / (n − 1), angle 4j + 4r without noise', () => {
    const { x, y } = spirals({ n: 5, classes: 2, noise: 0, shuffle: false });
    expect(x.shape).toEqual([10, 2]);
    expect(counts(y, 2)).toEqual([5, 5]);
    const p = rows(x);
    for (let i = 0; i < 10; i++) {
      const j = Math.floor(i / 5);
      const r = (i % 5) / 4;
      const t = 4 * j + 4 * r;
      expect(p[i]![0]).toBeCloseTo(r * Math.sin(t), 6);
      expect(p[i]![1]).toBeCloseTo(r * Math.cos(t), 6);
    }
    expect(spirals({ n: 30, classes: 5, generator: new Generator(0) }).x.shape).toEqual([150, 2]);
  });

  it('blobs: centres in the box, points around them, sizes as scikit-learn splits them', () => {
    const { x, y, centers } = blobs({
      n: 10,
      centers: 3,
      features: 4,
      std: 0.01,
      box: [-2, 2],
      generator: new Generator(0),
    });
    expect(x.shape).toEqual([10, 4]);
    expect(centers.shape).toEqual([3, 4]);
    expect(counts(y, 3)).toEqual([4, 3, 3]);
    const c = rows(centers);
    for (const row of c) for (const v of row) expect(Math.abs(v)).toBeLessThanOrEqual(2);
    const labels = y.dataSync();
    rows(x).forEach((p, i) => p.forEach((v, f) => expect(Math.abs(v - c[labels[i]!]![f]!)).toBeLessThan(0.1)));
    const perCentre = blobs({ n: 2, centers: [[0], [100]], std: [0, 1], shuffle: false, generator: new Generator(0) });
    expect(rows(perCentre.x)[0]).toEqual([0]);
    expect(rows(perCentre.x)[1]![0]).not.toBe(100);
  });
});

describe('regression sets', () => {
  it('linearRegression: y = x·slope + intercept (+ noise), x in [−1, 1]', () => {
    const exact = linearRegression({ n: 50, slope: [2, -3], intercept: 0.5, noise: 0, generator: new Generator(0) });
    expect(exact.x.shape).toEqual([50, 2]);
    expect(exact.y.shape).toEqual([50, 1]);
    const xs = rows(exact.x);
    rows(exact.y).forEach(([v], i) => expect(v).toBeCloseTo(2 * xs[i]![0]! - 3 * xs[i]![1]! + 0.5, 5));
    for (const row of xs) for (const v of row) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    const noisy = linearRegression({ n: 20_000, noise: 0.2, generator: new Generator(1) });
    const nx = noisy.x.dataSync();
    const residuals = Array.from(noisy.y.dataSync(), (v, i) => v - (2 * nx[i]! + 1));
    const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
    const sd = Math.sqrt(residuals.reduce((a, b) => a + (b - mean) ** 2, 0) / residuals.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(sd - 0.2)).toBeLessThan(0.01);
  });

  it('sineRegression: y = sin(x), x in [−π, π]', () => {
    const { x, y } = sineRegression({ n: 200, noise: 0, generator: new Generator(0) });
    const xs = x.dataSync();
    y.dataSync().forEach((v, i) => expect(v).toBeCloseTo(Math.sin(xs[i]!), 6));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-Math.PI - 1e-6);
    expect(Math.max(...xs)).toBeLessThanOrEqual(Math.PI + 1e-6);
    expect(Math.min(...xs)).toBeLessThan(-2.5);
    expect(Math.max(...xs)).toBeGreaterThan(2.5);
  });
});

describe('sequenceTask', () => {
  it('echo: y is x delayed, zero before the delay', () => {
    const { x, y } = sequenceTask({ kind: 'echo', n: 6, length: 7, delay: 3, generator: new Generator(0) });
    expect(x.shape).toEqual([6, 7, 1]);
    expect(y.shape).toEqual([6, 7, 1]);
    const xs = x.toArray() as number[][][];
    (y.toArray() as number[][][]).forEach((seq, i) =>
      seq.forEach(([v], t) => expect(v).toBe(t < 3 ? 0 : xs[i]![t - 3]![0])),
    );
    const bits = new Set(x.dataSync());
    expect([...bits].sort()).toEqual([0, 1]);
  });

  it('parity: int32 labels, 1 for an odd number of ones, roughly balanced', () => {
    const { x, y } = sequenceTask({ n: 400, length: 6, generator: new Generator(0) });
    expect(y.dtype).toBe('int32');
    expect(y.shape).toEqual([400]);
    const xs = x.toArray() as number[][][];
    y.dataSync().forEach((label, i) => expect(label).toBe(xs[i]!.reduce((a, [b]) => a + b!, 0) % 2));
    const ones = counts(y, 2)[1]!;
    expect(ones).toBeGreaterThan(150);
    expect(ones).toBeLessThan(250);
  });

  it('adding: two markers (one per half), y the sum of the marked values', () => {
    const { x, y } = sequenceTask({ kind: 'adding', n: 50, length: 9, generator: new Generator(0) });
    expect(x.shape).toEqual([50, 9, 2]);
    expect(y.shape).toEqual([50, 1]);
    const ys = y.dataSync();
    (x.toArray() as number[][][]).forEach((seq, i) => {
      const marked = seq.map(([, m], t) => (m === 1 ? t : -1)).filter((t) => t >= 0);
      expect(marked.length).toBe(2);
      expect(marked[0]!).toBeLessThan(4);
      expect(marked[1]!).toBeGreaterThanOrEqual(4);
      expect(ys[i]).toBeCloseTo(seq[marked[0]!]![0]! + seq[marked[1]!]![0]!, 6);
    });
  });

  it('sine: y is the next value of each wave', () => {
    const { x, y } = sequenceTask({ kind: 'sine', n: 20, length: 12, generator: new Generator(0) });
    expect(x.shape).toEqual([20, 12, 1]);
    const xs = x.toArray() as number[][][];
    const ys = y.dataSync();
    xs.forEach((seq, i) => {
      // sin(ω(t+1) + φ) = 2cos(ω)·sin(ωt + φ) − sin(ω(t−1) + φ): recover cos(ω) from the sequence.
      const [a, b, c] = [seq[0]![0]!, seq[1]![0]!, seq[2]![0]!];
      const twoCos = (a + c) / b;
      const next = twoCos * seq[11]![0]! - seq[10]![0]!;
      if (Math.abs(b) > 0.2) expect(ys[i]).toBeCloseTo(next, 3);
      for (const [v] of seq) expect(Math.abs(v!)).toBeLessThanOrEqual(1);
    });
  });

  it('feeds a DataLoader batch-first', () => {
    const { x, y } = sequenceTask({ n: 10, length: 4, generator: new Generator(0) });
    const [bx, by] = [...new DataLoader(new TensorDataset(x, y), { batchSize: 4 })][0]!;
    expect(bx!.shape).toEqual([4, 4, 1]);
    expect(by!.shape).toEqual([4]);
  });
});

describe('synthetic sets: validation', () => {
  it('names the option at fault', () => {
    expectError(() => xor({ n: 0 }), ArgumentError, 'xor', 'options.n');
    expectError(() => xor({ noise: -1 }), ArgumentError, 'xor', 'options.noise');
    expectError(() => xor({ shuffle: 'no' as never }), ArgumentError, 'xor', 'options.shuffle');
    expectError(() => xor({ samples: 3 } as never), ArgumentError, 'xor', 'options.samples');
    expectError(() => circles({ factor: 1 }), ArgumentError, 'circles', 'options.factor');
    expectError(() => circles({ factor: -0.1 }), ArgumentError, 'circles', 'options.factor');
    expectError(() => moons({ n: 2.5 }), ArgumentError, 'moons', 'options.n');
    expectError(() => spirals({ classes: 0 }), ArgumentError, 'spirals', 'options.classes');
    expectError(() => blobs({ centers: 0 }), ArgumentError, 'blobs', 'options.centers');
    expectError(() => blobs({ centers: [[0, 0], [1]] }), ArgumentError, 'blobs', 'options.centers');
    expectError(() => blobs({ centers: [[0, 0]], features: 3 }), ArgumentError, 'blobs', 'options.features');
    expectError(() => blobs({ centers: 2, std: [1, 2, 3] }), ArgumentError, 'blobs', 'options.std');
    expectError(() => blobs({ box: [1, -1] }), ArgumentError, 'blobs', 'options.box');
    expectError(() => linearRegression({ slope: [] }), ArgumentError, 'linearRegression', 'options.slope');
    expectError(() => linearRegression({ intercept: NaN }), ArgumentError, 'linearRegression', 'options.intercept');
    expectError(
      () => linearRegression({ shuffle: true } as never),
      ArgumentError,
      'linearRegression',
      'options.shuffle',
    );
    expectError(() => sineRegression({ noise: Infinity }), ArgumentError, 'sineRegression', 'options.noise');
    expectError(() => sequenceTask({ kind: 'copy' as never }), ArgumentError, 'sequenceTask', 'options.kind');
    expectError(
      () => sequenceTask({ kind: 'echo', length: 3, delay: 3 }),
      ArgumentError,
      'sequenceTask',
      'options.delay',
    );
    expectError(() => sequenceTask({ kind: 'adding', length: 1 }), ArgumentError, 'sequenceTask', 'options.length');
    expectError(() => sequenceTask({ length: 0 }), ArgumentError, 'sequenceTask', 'options.length');
    expectError(() => xor({ generator: Math as never }), ArgumentError, 'xor', 'options.generator');
  });
});
