// Loading the @nn/optim oracle fixtures (test/fixtures/*.json, written by
// scripts/gen-fixtures/gen_optim_fixtures.py, whose docstring describes the format) and building
// the optimizers and schedulers they name.
import { cast, tensor, type Tensor } from '@nn/tensor';
import {
  decodeNumber,
  decodeValues,
  readFixtureJson,
  type FixtureTensor,
} from '../../../../scripts/oracle/fixtures.js';
import {
  Adagrad,
  Adam,
  AdamW,
  CosineAnnealingLR,
  ExponentialLR,
  LinearLR,
  MultiStepLR,
  OneCycleLR,
  type Optimizer,
  ReduceLROnPlateau,
  RMSprop,
  SGD,
  StepLR,
} from '../../src/index.js';

export { decodeNumber, decodeValues, type FixtureTensor };

export type Float = 'float32' | 'float64';

export interface SchedulerSpec {
  type: string;
  args: unknown[];
  options: Record<string, unknown>;
}

export interface OptimizerEntry {
  name: string;
  optimizer: string;
  options: Record<string, unknown>;
  groups: { params: string[]; options: Record<string, unknown> }[] | null;
  objective: 'lsq' | 'negLsq';
  scheduler: SchedulerSpec | null;
  inputs: { X: FixtureTensor; Y: FixtureTensor };
  params: Record<string, FixtureTensor>;
  trajectory: Record<string, FixtureTensor>;
  lrs: number[][];
  momentum: number[][] | null;
  state: Record<string, Record<string, FixtureTensor | number>>;
}

export interface SchedulerEntry {
  name: string;
  scheduler: string;
  args: unknown[];
  options: Record<string, unknown>;
  optimizer: 'SGD' | 'Adam';
  lrs0: number[];
  lrs: number[][];
  momentum: number[][] | null;
  metrics: number[] | null;
}

export interface ClipEntry {
  name: string;
  fn: 'clipGradNorm' | 'clipGradValue';
  args: number[];
  options: Record<string, unknown>;
  grads: Record<string, FixtureTensor | null>;
  total: number | null;
  expected: Record<string, FixtureTensor | null>;
}

interface FixtureFile<E> {
  about: string;
  torch: string;
  entries: E[];
}

/** Reads `test/fixtures/<file>`. */
export function loadFixture<E>(file: string): FixtureFile<E> & Record<string, unknown> {
  return readFixtureJson<FixtureFile<E> & Record<string, unknown>>(new URL('../fixtures/', import.meta.url), file);
}

/** The tensor of a stored tensor, in `dtype`. */
export function decodeTensor(t: FixtureTensor, dtype: Float): Tensor {
  const x = tensor(decodeValues(t), { shape: t.shape, dtype: t.dtype });
  if (t.dtype === dtype) return x;
  const y = cast(x, dtype);
  x.dispose();
  return y;
}

type OptimizerClass = new (params: never, options: never) => Optimizer;
const OPTIMIZERS: Record<string, OptimizerClass> = { SGD, Adam, AdamW, RMSprop, Adagrad } as unknown as Record<
  string,
  OptimizerClass
>;

/** `new <name>(params, options)`. */
export function makeOptimizer(name: string, params: unknown, options: Record<string, unknown>): Optimizer {
  const cls = OPTIMIZERS[name];
  if (cls === undefined) throw new Error(`unknown optimizer ${name}`);
  return new cls(params as never, options as never);
}

type SchedulerClass = new (...args: never[]) => { step(metric?: number): void; getLastLr(): number[] };
const SCHEDULERS: Record<string, SchedulerClass> = {
  StepLR,
  MultiStepLR,
  ExponentialLR,
  CosineAnnealingLR,
  LinearLR,
  OneCycleLR,
  ReduceLROnPlateau,
} as unknown as Record<string, SchedulerClass>;

/** `new <type>(optimizer, ...args, options)`. */
export function makeScheduler(optimizer: Optimizer, spec: SchedulerSpec): InstanceType<SchedulerClass> {
  const cls = SCHEDULERS[spec.type];
  if (cls === undefined) throw new Error(`unknown scheduler ${spec.type}`);
  return new cls(...([optimizer, ...spec.args, spec.options] as never[]));
}

/** The momentum each group uses: Adam's β₁ or SGD's momentum. */
export function momentumOf(optimizer: Optimizer): number[] {
  return optimizer.paramGroups.map((g) => {
    const group = g as unknown as { betas?: number[]; momentum?: number };
    return group.betas !== undefined ? group.betas[0]! : (group.momentum ?? 0);
  });
}

/** Tolerances: float64 runs against float64 expectations, float32 runs at @nn's float32 tolerance. */
export const TOL: Record<Float, { atol: number; rtol: number }> = {
  float64: { atol: 1e-12, rtol: 1e-12 },
  float32: { atol: 1e-5, rtol: 1.3e-6 },
};

/** Where `got` and `want` differ by more than `atol + rtol·|want|` (the first few), or `[]`. */
export function mismatches(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tol: { atol: number; rtol: number },
  label: string,
): string[] {
  if (got.length !== want.length) return [`${label}: ${got.length} values, expected ${want.length}`];
  const out: string[] = [];
  for (let i = 0; i < want.length && out.length < 5; i++) {
    const g = got[i]!;
    const w = want[i]!;
    const ok = Number.isNaN(w) ? Number.isNaN(g) : Math.abs(g - w) <= tol.atol + tol.rtol * Math.abs(w);
    if (!ok) out.push(`${label}[${i}]: got ${g}, want ${w} (diff ${Math.abs(g - w)})`);
  }
  return out;
}
