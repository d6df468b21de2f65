// Small 2-D classification data sets for the learning tests, generated from a seeded Generator so
// that every run sees the same points.
import { Generator, tensor, type Tensor } from '@nn/tensor';

/** Points `x: [N, 2]` (float32) with class labels `y: [N]` (int32). */
export interface Dataset2d {
  readonly x: Tensor;
  readonly y: Tensor;
  /** The labels as numbers, for accuracy on the host. */
  readonly labels: readonly number[];
}

function dataset(points: number[][], labels: number[]): Dataset2d {
  return { x: tensor(points), y: tensor(labels, { dtype: 'int32' }), labels };
}

/** The four XOR points: class 1 when exactly one coordinate is 1. */
export function xor(): Dataset2d {
  return dataset(
    [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
    [0, 1, 1, 0],
  );
}

/**
 * The classic `classes`-arm spiral (CS231n): class k has `perClass` points at radius r ∈ [0, 1]
 * and angle `4k + 4r` plus Gaussian noise of standard deviation `noise` radians.
 */
export function spiral(perClass: number, classes: number, seed: number, noise = 0.2): Dataset2d {
  const g = new Generator(seed);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let k = 0; k < classes; k++) {
    for (let i = 0; i < perClass; i++) {
      const r = i / (perClass - 1);
      const t = 4 * k + 4 * r + noise * g.normal();
      points.push([r * Math.sin(t), r * Math.cos(t)]);
      labels.push(k);
    }
  }
  return dataset(points, labels);
}

/**
 * Two overlapping Gaussian blobs of standard deviation 1 centred at (±`separation` / 2, 0), `n`
 * points alternating between the classes: a task where a flexible model that memorises a small
 * training set generalises worse than a smooth one (the Bayes boundary is the line x₀ = 0).
 */
export function blobs(n: number, seed: number, separation = 2): Dataset2d {
  const g = new Generator(seed);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const cx = (label === 0 ? -0.5 : 0.5) * separation;
    points.push([cx + g.normal(), g.normal()]);
    labels.push(label);
  }
  return dataset(points, labels);
}
