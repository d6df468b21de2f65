// Transforms: exact identity cases, known rotations and shifts, bilinear weights, per-sample
// randomness on batches, statistics of the noise, validation and memory.
import { ArgumentError, DTypeError, Generator, ShapeError, type Tensor, rand, stack, tensor, zeros } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { compose, gaussianNoise, normalize, randomAffine, randomCrop, type Transform } from '../src/index.js';
import { expectError } from './support/errors.js';
import { liveTensors } from './support/leaks.js';

/** A generator stand-in whose `random()` returns the given values in turn (then repeats the last). */
function fixed(...values: number[]): Generator {
  let k = 0;
  return { random: () => values[Math.min(k++, values.length - 1)]!, normal: () => 0 } as unknown as Generator;
}

/** A [1, n, n] image whose pixel (r, c) is r·n + c + 1 (all distinct, asymmetric). */
function grid(n: number): Tensor {
  return tensor(
    Float32Array.from({ length: n * n }, (_, i) => i + 1),
    { shape: [1, n, n] },
  );
}

function plane(t: Tensor): number[][] {
  return (t.toArray() as number[][][])[0]!;
}

describe('normalize', () => {
  it('computes (x − mean[c]) / std[c] per channel, in float32 as the tensor ops do', () => {
    const x = rand([3, 4, 5], { generator: new Generator(0) });
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    const out = normalize({ mean, std })(x).dataSync();
    const xs = x.dataSync();
    const f = Math.fround;
    for (let i = 0; i < xs.length; i++) {
      const c = Math.floor(i / 20);
      expect(out[i]).toBe(f(f(xs[i]! - f(mean[c]!)) / f(std[c]!)));
    }
  });

  it('broadcasts one value to every channel, handles batches and keeps float64', () => {
    const x = rand([2, 3, 2, 2], { generator: new Generator(1) });
    const one = normalize({ mean: 0.5, std: 0.25 })(x);
    const three = normalize({ mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] })(x);
    expect(one.shape).toEqual([2, 3, 2, 2]);
    expect(one.toArray()).toEqual(three.toArray());
    expect(normalize({ mean: 0, std: 1 })(zeros([1, 2, 2], { dtype: 'float64' })).dtype).toBe('float64');
  });

  it('validates', () => {
    expectError(() => normalize({ mean: [0, 0], std: [1, 1] })(zeros([3, 2, 2])), ShapeError, 'normalize', 'image');
    expectError(() => normalize({ mean: 0, std: 1 })(zeros([2, 2])), ShapeError, 'normalize', 'image');
    expectError(
      () => normalize({ mean: 0, std: 1 })(zeros([1, 2, 2], { dtype: 'int32' })),
      DTypeError,
      'normalize',
      'image',
    );
    expectError(() => normalize({ mean: 0, std: [1, 0] }), ArgumentError, 'normalize', 'options.std');
    expectError(() => normalize({ mean: [0, 0, 0], std: [1, 1] }), ArgumentError, 'normalize', 'options.std');
    expectError(() => normalize({ mean: NaN, std: 1 }), ArgumentError, 'normalize', 'options.mean');
    expectError(() => normalize({ std: 1 } as never), ArgumentError, 'normalize', 'options.mean');
    expectError(
      () => normalize({ mean: 0, std: 1, inplace: true } as never),
      ArgumentError,
      'normalize',
      'options.inplace',
    );
  });
});

describe('compose', () => {
  it('applies the transforms first to last and frees the intermediates', () => {
    const order: string[] = [];
    const tag =
      (name: string, f: Transform): Transform =>
      (x) => (order.push(name), f(x));
    const t = compose([
      tag('norm', normalize({ mean: 1, std: 2 })),
      tag('crop', randomCrop(1, { generator: fixed(0) })),
    ]);
    const x = tensor([
      [
        [3, 5],
        [7, 9],
      ],
    ]);
    const before = liveTensors();
    const y = t(x);
    expect(order).toEqual(['norm', 'crop']);
    expect(y.shape).toEqual([1, 1, 1]);
    expect(y.item()).toBe(1); // (3 − 1) / 2
    expect(liveTensors()).toBe(before + 1);
    expect(compose([])(x)).toBe(x);
  });

  it('validates', () => {
    expectError(() => compose('x' as never), ArgumentError, 'compose', 'transforms');
    expectError(
      () => compose([normalize({ mean: 0, std: 1 }), null as never]),
      ArgumentError,
      'compose',
      'transforms[1]',
    );
  });
});

describe('randomAffine', () => {
  it('angle 0, no shift, scale 1 returns the image bit for bit (image and batch, any fill)', () => {
    const x = rand([2, 3, 7, 6], { generator: new Generator(2) });
    for (const t of [randomAffine(), randomAffine({ degrees: 0, translate: [0, 0], scale: [1, 1], fill: 0.7 })]) {
      expect(Array.from(t(x).dataSync())).toEqual(Array.from(x.dataSync()));
      const image = rand([3, 7, 6], { generator: new Generator(3) });
      expect(Array.from(t(image).dataSync())).toEqual(Array.from(image.dataSync()));
    }
    const one = tensor([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(randomAffine({ degrees: [0, 0] })(one).toArray()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
  });

  it('rotates by +90° clockwise, −90° counter-clockwise and 180° exactly (odd and even sizes)', () => {
    for (const n of [3, 4]) {
      const x = grid(n);
      const src = plane(x);
      const at = (r: number, c: number): number => src[r]![c]!;
      const expected = (f: (r: number, c: number) => number): number[][] =>
        Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => f(r, c)));
      expect(plane(randomAffine({ degrees: [90, 90] })(x))).toEqual(expected((r, c) => at(n - 1 - c, r)));
      expect(plane(randomAffine({ degrees: [-90, -90] })(x))).toEqual(expected((r, c) => at(c, n - 1 - r)));
      expect(plane(randomAffine({ degrees: [180, 180] })(x))).toEqual(expected((r, c) => at(n - 1 - r, n - 1 - c)));
    }
  });

  it('shifts right / down by whole pixels, filling the uncovered border', () => {
    // Draws per image: angle, tx, ty, scale. random() = 1 gives the largest shift, 0.5 none.
    const x = grid(4);
    const right = randomAffine({ translate: [0.25, 0.25], fill: -1, generator: fixed(0, 1, 0.5, 0) })(x);
    expect(plane(right)).toEqual(plane(x).map((row) => [-1, ...row.slice(0, 3)]));
    const up = randomAffine({ translate: [0.25, 0.5], fill: 0, generator: fixed(0, 0.5, 0, 0) })(x); // ty = −2
    expect(plane(up)).toEqual([...plane(x).slice(2), [0, 0, 0, 0], [0, 0, 0, 0]]);
  });

  it('samples bilinearly: a half-pixel shift averages neighbours, fill included', () => {
    const x = tensor([[[2, 4, 8, 16]]]); // [1, 1, 4]
    const half = randomAffine({ translate: [0.125, 0], fill: 10, generator: fixed(0, 1, 0.5, 0) })(x); // tx = 0.5
    expect(plane(half)).toEqual([[6, 3, 6, 12]]);
  });

  it('scales about the centre', () => {
    const x = grid(5);
    const out = plane(randomAffine({ scale: [2, 2] })(x));
    const src = plane(x);
    expect(out[2]![2]).toBe(src[2]![2]);
    expect(out[2]![4]).toBe(src[2]![3]); // 2 px right of centre comes from 1 px right
    expect(out[2]![3]).toBeCloseTo((src[2]![2]! + src[2]![3]!) / 2, 5);
    expect(out[0]![0]).toBe(src[1]![1]);
  });

  it('draws independent parameters per image of a batch, as applying it image by image', () => {
    const image = rand([1, 8, 8], { generator: new Generator(5) });
    const batch = stack([image, image, image]);
    const opts = { degrees: 30, translate: [0.2, 0.1] as [number, number], scale: [0.8, 1.2] as [number, number] };
    const out = randomAffine({ ...opts, generator: new Generator(9) })(batch);
    const oneByOne = randomAffine({ ...opts, generator: new Generator(9) });
    const expected = stack([oneByOne(image), oneByOne(image), oneByOne(image)]);
    expect(out.toArray()).toEqual(expected.toArray());
    const [a, b] = out.toArray() as number[][][][];
    expect(a).not.toEqual(b);
  });

  it('is reproducible from the seed', () => {
    const x = rand([2, 1, 6, 6], { generator: new Generator(0) });
    const run = (seed: number): unknown => randomAffine({ degrees: 45, generator: new Generator(seed) })(x).toArray();
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('keeps the dtype, rank and size; a 45° turn fills the corners', () => {
    const ones = tensor(new Float64Array(2 * 9 * 9).fill(1), { shape: [2, 9, 9], dtype: 'float64' });
    const out = randomAffine({ degrees: [45, 45], fill: 0 })(ones);
    expect(out.dtype).toBe('float64');
    expect(out.shape).toEqual([2, 9, 9]);
    const p = (out.toArray() as number[][][])[1]!;
    expect(p[0]![0]).toBe(0);
    expect(p[4]![4]).toBe(1);
  });

  it('validates', () => {
    const op = 'randomAffine';
    expectError(() => randomAffine({ degrees: -5 }), ArgumentError, op, 'options.degrees');
    expectError(() => randomAffine({ degrees: [10, -10] }), ArgumentError, op, 'options.degrees');
    expectError(() => randomAffine({ translate: [0.1, 1.5] }), ArgumentError, op, 'options.translate');
    expectError(() => randomAffine({ translate: [0.1] as never }), ArgumentError, op, 'options.translate');
    expectError(() => randomAffine({ scale: [0, 1] }), ArgumentError, op, 'options.scale');
    expectError(() => randomAffine({ fill: NaN }), ArgumentError, op, 'options.fill');
    expectError(() => randomAffine({ shear: 10 } as never), ArgumentError, op, 'options.shear');
    expectError(() => randomAffine({ generator: {} as never }), ArgumentError, op, 'options.generator');
    expectError(() => randomAffine()(zeros([4, 4])), ShapeError, op, 'image');
    expectError(() => randomAffine()(zeros([1, 4, 4], { dtype: 'int32' })), DTypeError, op, 'image');
  });
});

describe('randomCrop', () => {
  it('a window of the image size without padding is the identity', () => {
    const x = rand([3, 5, 4], { generator: new Generator(0) });
    expect(randomCrop([5, 4])(x).toArray()).toEqual(x.toArray());
  });

  it('with padding, the top-left window shifts the image down-right, filled with fill', () => {
    const x = grid(3);
    const out = randomCrop(3, { padding: 1, fill: 9, generator: fixed(0) })(x);
    expect(plane(out)).toEqual([
      [9, 9, 9],
      [9, 1, 2],
      [9, 4, 5],
    ]);
    const last = randomCrop(3, { padding: 1, generator: fixed(0.999) })(x); // bottom-right window
    expect(plane(last)).toEqual([
      [5, 6, 0],
      [8, 9, 0],
      [0, 0, 0],
    ]);
  });

  it('every shift within the padding occurs, and only those', () => {
    const x = grid(3);
    const t = randomCrop(3, { padding: 1, generator: new Generator(0) });
    const seen = new Set<string>();
    for (let k = 0; k < 200; k++) {
      const p = plane(t(x));
      const centre = p[1]![1]!; // the source pixel now at the centre tells the shift
      const r = Math.floor((centre - 1) / 3) - 1;
      const c = ((centre - 1) % 3) - 1;
      seen.add(`${r},${c}`);
    }
    expect(seen.size).toBe(9);
  });

  it('accepts torchvision padding forms and rectangular sizes', () => {
    const x = grid(2);
    expect(randomCrop([2, 4], { padding: [1, 0], generator: fixed(0) })(x).toArray()).toEqual([
      [
        [0, 1, 2, 0],
        [0, 3, 4, 0],
      ],
    ]);
    expect(randomCrop([3, 3], { padding: [1, 1, 0, 0], generator: fixed(0) })(x).toArray()).toEqual([
      [
        [0, 0, 0],
        [0, 1, 2],
        [0, 3, 4],
      ],
    ]);
  });

  it('crops each image of a batch at its own position', () => {
    const batch = stack([grid(6), grid(6), grid(6), grid(6)]);
    const out = randomCrop(2, { generator: new Generator(3) })(batch);
    expect(out.shape).toEqual([4, 1, 2, 2]);
    const corners = (out.toArray() as number[][][][]).map((img) => img[0]![0]![0]);
    expect(new Set(corners).size).toBeGreaterThan(1);
  });

  it('validates', () => {
    const op = 'randomCrop';
    expectError(() => randomCrop(0), ArgumentError, op, 'size');
    expectError(() => randomCrop([2, 2.5]), ArgumentError, op, 'size');
    expectError(() => randomCrop(2, { padding: -1 }), ArgumentError, op, 'options.padding');
    expectError(() => randomCrop(2, { padding: [1, 2, 3] as never }), ArgumentError, op, 'options.padding');
    expectError(() => randomCrop(2, { mode: 'reflect' } as never), ArgumentError, op, 'options.mode');
    expectError(() => randomCrop(5)(zeros([1, 4, 4])), ShapeError, op, 'image');
    expectError(() => randomCrop(2)(zeros([4, 4])), ShapeError, op, 'image');
    expectError(() => randomCrop(2)([[[1, 2]]] as never), ArgumentError, op, 'image');
  });
});

describe('gaussianNoise', () => {
  it('std 0 leaves the image unchanged', () => {
    const x = rand([2, 1, 3, 3], { generator: new Generator(0) });
    expect(gaussianNoise({ std: 0 })(x).toArray()).toEqual(x.toArray());
  });

  it('has the requested mean and standard deviation (no clipping)', () => {
    const n = 100_000;
    const out = gaussianNoise({ std: 0.3, mean: 0.1, clip: false, generator: new Generator(7) })(
      zeros([1, 1, n]),
    ).dataSync();
    let s = 0;
    let s2 = 0;
    for (const v of out) {
      s += v;
      s2 += v * v;
    }
    const mean = s / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    expect(Math.abs(mean - 0.1)).toBeLessThan(0.005); // 5 standard errors (0.3 / √n ≈ 0.001)
    expect(Math.abs(sd - 0.3)).toBeLessThan(0.005);
  });

  it('clips to [0, 1] by default', () => {
    const out = gaussianNoise({ std: 1, generator: new Generator(1) })(
      tensor(new Float32Array(1000).fill(0.5), { shape: [1, 10, 100] }),
    ).dataSync();
    expect(Math.min(...out)).toBe(0);
    expect(Math.max(...out)).toBe(1);
  });

  it('is seeded and independent across the images of a batch', () => {
    const batch = zeros([2, 1, 4, 4]);
    const run = (): number[][] =>
      (gaussianNoise({ clip: false, generator: new Generator(2) })(batch).toArray() as number[][][][]).map((i) =>
        i.flat(2),
      );
    const [a, b] = run();
    expect(run()).toEqual([a, b]);
    expect(a).not.toEqual(b);
  });

  it('validates', () => {
    expectError(() => gaussianNoise({ std: -0.1 }), ArgumentError, 'gaussianNoise', 'options.std');
    expectError(() => gaussianNoise({ mean: Infinity }), ArgumentError, 'gaussianNoise', 'options.mean');
    expectError(() => gaussianNoise({ clip: 1 as never }), ArgumentError, 'gaussianNoise', 'options.clip');
    expectError(() => gaussianNoise({ sigma: 1 } as never), ArgumentError, 'gaussianNoise', 'options.sigma');
    expectError(() => gaussianNoise()(zeros([3], { dtype: 'float32' })), ShapeError, 'gaussianNoise', 'image');
  });
});

describe('transforms: memory', () => {
  it('each transform leaves only its result behind', () => {
    const x = rand([2, 1, 6, 6], { generator: new Generator(0) });
    const all: Transform[] = [
      normalize({ mean: 0.5, std: 0.5 }),
      randomAffine({ degrees: 10, translate: [0.1, 0.1], scale: [0.9, 1.1] }),
      randomCrop(6, { padding: 2 }),
      gaussianNoise(),
      compose([randomCrop(4), normalize({ mean: 0, std: 2 }), gaussianNoise({ clip: false })]),
    ];
    for (const t of all) {
      const before = liveTensors();
      const y = t(x);
      expect(liveTensors()).toBe(before + 1);
      y.dispose();
    }
  });
});
