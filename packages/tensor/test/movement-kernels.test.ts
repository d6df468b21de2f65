import { describe, expect, it } from 'vitest';
import { runKernel } from '../src/backend.js';
import { broadcastTo, concat, permute, slice, tensor, tile, type DType, type Tensor } from '../src/index.js';

/** A small deterministic generator so every run checks the same shapes. */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const stridesOf = (shape: readonly number[]) => {
  const st: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= shape[i]!;
  }
  return st;
};
const unravel = (i: number, shape: readonly number[]) => {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = i % shape[d]!;
    i = Math.floor(i / shape[d]!);
  }
  return idx;
};
const at = (values: ArrayLike<number>, shape: readonly number[], idx: readonly number[]) =>
  values[idx.reduce((acc, v, d) => acc + v * stridesOf(shape)[d]!, 0)]!;

function randomTensor(rand: (n: number) => number, shape: number[], dtype: DType): Tensor {
  const n = size(shape);
  const v = Array.from({ length: n }, () => (dtype === 'bool' ? rand(2) : rand(1000) - 500));
  return tensor(Float64Array.from(v), { shape, dtype });
}

const DTYPES: DType[] = ['float32', 'float64', 'int32', 'bool'];

describe('movement kernels against index-by-index references', () => {
  it('Transpose: random shapes and permutations, every dtype', () => {
    const rand = lcg(1);
    for (let trial = 0; trial < 150; trial++) {
      const rank = 1 + rand(5);
      const shape = Array.from({ length: rank }, () => (rand(4) === 0 ? 1 : 1 + rand(rank <= 2 ? 70 : 6)));
      const perm = Array.from({ length: rank }, (_, i) => i);
      for (let i = rank - 1; i > 0; i--) {
        const j = rand(i + 1);
        [perm[i], perm[j]] = [perm[j]!, perm[i]!];
      }
      const x = randomTensor(rand, shape, DTYPES[trial % 4]!);
      const xs = x.dataSync();
      const y = permute(x, perm);
      const ys = y.dataSync();
      const outShape = perm.map((p) => shape[p]!);
      expect(y.shape).toEqual(outShape);
      for (let i = 0; i < ys.length; i++) {
        const o = unravel(i, outShape);
        const src: number[] = [];
        perm.forEach((p, k) => (src[p] = o[k]!));
        if (ys[i] !== at(xs, shape, src)) expect.fail(`shape [${shape}] perm [${perm}] element ${i}`);
      }
    }
  });

  it('Slice: random strided slices, every dtype', () => {
    const rand = lcg(2);
    for (let trial = 0; trial < 150; trial++) {
      const rank = 1 + rand(4);
      const shape = Array.from({ length: rank }, () => rand(9));
      const x = randomTensor(rand, shape, DTYPES[trial % 4]!);
      const xs = x.dataSync();
      const picks: number[][] = [];
      const ranges = shape.map((n) => {
        const step = (1 + rand(3)) * (rand(2) === 0 ? 1 : -1);
        const start = rand(3) === 0 ? null : rand(2 * n + 5) - n - 2;
        const stop = rand(3) === 0 ? null : rand(2 * n + 5) - n - 2;
        // Python semantics, written independently of the op.
        const list: number[] = [];
        for (let i = 0; i < n; i++) list.push(i);
        const norm = (v: number) => (v < 0 ? v + n : v);
        const lo = step > 0 ? 0 : -1;
        const hi = step > 0 ? n : n - 1;
        const s = start === null ? (step > 0 ? 0 : n - 1) : Math.min(Math.max(norm(start), lo), hi);
        const e = stop === null ? (step > 0 ? n : -1) : Math.min(Math.max(norm(stop), lo), hi);
        const p: number[] = [];
        for (let i = s; step > 0 ? i < e : i > e; i += step) p.push(list[i]!);
        picks.push(p);
        return [start, stop, step] as const;
      });
      const y = slice(x, ranges);
      const outShape = picks.map((p) => p.length);
      expect(y.shape).toEqual(outShape);
      const ys = y.dataSync();
      for (let i = 0; i < ys.length; i++) {
        const o = unravel(i, outShape);
        if (
          ys[i] !==
          at(
            xs,
            shape,
            o.map((v, d) => picks[d]![v]!),
          )
        )
          expect.fail(`shape [${shape}] ranges ${JSON.stringify(ranges)}`);
      }
    }
  });

  it('BroadcastTo and Tile: random shapes', () => {
    const rand = lcg(3);
    for (let trial = 0; trial < 100; trial++) {
      const rank = 1 + rand(4);
      const shape = Array.from({ length: rank }, () => (rand(2) === 0 ? 1 : 1 + rand(5)));
      const lead = Array.from({ length: rand(3) }, () => 1 + rand(3));
      const target = [...lead, ...shape.map((n) => (n === 1 ? 1 + rand(30) : n))];
      const x = randomTensor(rand, shape, DTYPES[trial % 4]!);
      const xs = x.dataSync();
      const y = broadcastTo(x, target).dataSync();
      for (let i = 0; i < y.length; i++) {
        const o = unravel(i, target).slice(lead.length);
        if (
          y[i] !==
          at(
            xs,
            shape,
            o.map((v, d) => (shape[d] === 1 ? 0 : v)),
          )
        )
          expect.fail(`[${shape}] → [${target}]`);
      }
      const reps = shape.map(() => rand(4));
      const t = tile(x, reps);
      const tShape = shape.map((n, d) => n * reps[d]!);
      expect(t.shape).toEqual(tShape);
      const ts = t.dataSync();
      for (let i = 0; i < ts.length; i++) {
        if (
          ts[i] !==
          at(
            xs,
            shape,
            unravel(i, tShape).map((v, d) => v % shape[d]!),
          )
        )
          expect.fail(`tile [${shape}] by [${reps}]`);
      }
    }
  });

  it('Concat: random pieces along a random axis', () => {
    const rand = lcg(4);
    for (let trial = 0; trial < 80; trial++) {
      const rank = 1 + rand(4);
      const axis = rand(rank);
      const base = Array.from({ length: rank }, () => 1 + rand(4));
      const dtype = DTYPES[trial % 4]!;
      const parts = Array.from({ length: 1 + rand(4) }, () => {
        const s = [...base];
        s[axis] = rand(rank === 1 ? 40 : 4);
        return randomTensor(rand, s, dtype);
      });
      const y = concat(parts, axis);
      const ys = y.dataSync();
      for (let i = 0; i < ys.length; i++) {
        const o = unravel(i, y.shape);
        let k = 0;
        let pos = o[axis]!;
        while (pos >= parts[k]!.shape[axis]!) pos -= parts[k++]!.shape[axis]!;
        o[axis] = pos;
        if (ys[i] !== at(parts[k]!.dataSync(), parts[k]!.shape, o)) expect.fail(`concat axis ${axis}`);
      }
    }
  });

  it('Reshape copies the storage', () => {
    const x = tensor([1, 2, 3, 4]);
    const y = runKernel('Reshape', { x }, { shape: [2, 2] });
    const cpu = x.backend.readSync!(x.dataId);
    expect(x.backend.readSync!(y.dataId)).not.toBe(cpu);
    expect(y.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('Pad writes the fill value in the input dtype', () => {
    const x = tensor([1, 0], { dtype: 'bool' });
    expect(runKernel('Pad', { x }, { paddings: [[1, 1]], value: 5 }).toArray()).toEqual([true, true, false, true]);
    const i = tensor([1], { dtype: 'int32' });
    expect(runKernel('Pad', { x: i }, { paddings: [[0, 1]], value: -2.7 }).toArray()).toEqual([1, -2]);
  });
});
