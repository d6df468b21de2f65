// A seeded stream of 32-bit integers for fuzzing, independent of @nn/tensor's generators.
import { mulberry32 } from '../../../../scripts/bench-kit/seeded-data.js';

/** Deterministic 32-bit unsigned integers (mulberry32, the benchmarks' generator, before its scaling to [0, 1)). */
export function rng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() * 4294967296;
}
