/**
 * The workloads, each set up on one engine (already active) as a `Runner`: matmul of two square
 * float32 matrices with the product read back, and one training step of the MNIST MLP
 * 784 → 128 → 64 → 10 (ReLU, softmax cross-entropy on one-hot targets, Adam, batch 64) with the
 * loss read back.
 * The data are seeded (scripts/bench-kit/seeded-data.ts); every engine starts from the same
 * weights (@nn's Linear init from one seeded `Generator`, copied into TF.js's variables).
 */
import { createCpuBackend, Generator, getBackend, matmul, setBackend, tensor, tidy, type Tensor } from '@nn/tensor';
import { backward, enableGrad } from '@nn/autograd';
import { Linear, ReLU, Sequential } from '@nn/layers';
import { crossEntropy } from '@nn/layers/functional';
import { Adam } from '@nn/optim';
import { uniform } from '../../../../scripts/bench-kit/seeded-data.js';
import { tf, type Engine, type NNEngine } from './engines.js';

/** One workload on one engine. */
export interface Runner {
  /** One timed unit of work; settles once its result is read back. */
  run(): Promise<unknown>;
  /** Values compared with the same workload's on the @nn CPU backend (computed during set-up). */
  readonly check: ArrayLike<number>;
  dispose(): void;
}

export interface Workload {
  readonly id: string;
  readonly label: string;
  readonly unit: 'op' | 'step';
  /** What `check` holds, for the table. */
  readonly checked: string;
  /** Largest accepted `compare(reference, check)`. */
  readonly tolerance: number;
  /** How far `got` is from `reference` (0 = equal). */
  compare(reference: ArrayLike<number>, got: ArrayLike<number>): number;
  /** Sets the workload up on `engine`, which is active. */
  setup(engine: Engine): Promise<Runner>;
}

/** The values of an @nn tensor: read synchronously where the backend can, else awaited. */
async function readNN(engine: NNEngine, t: Tensor): Promise<ArrayLike<number>> {
  return engine.sync ? t.dataSync() : await t.data();
}

/** max |got − reference| / max |reference|: float32 sums in another order stay far below 1e-4. */
function maxRelativeToScale(reference: ArrayLike<number>, got: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < reference.length; i++) {
    diff = Math.max(diff, Math.abs(got[i]! - reference[i]!));
    scale = Math.max(scale, Math.abs(reference[i]!));
  }
  return got.length !== reference.length ? Infinity : diff / Math.max(scale, Number.MIN_VALUE);
}

/** C = A·B for two n×n float32 matrices in [−1, 1), and C read back to the host. */
function matmulWorkload(n: number): Workload {
  const a = uniform([n, n], 1);
  const b = uniform([n, n], 2);
  return {
    id: `matmul-${n}`,
    label: `matmul ${n}×${n} · ${n}×${n}`,
    unit: 'op',
    checked: 'product',
    tolerance: 1e-4,
    compare: maxRelativeToScale,
    async setup(engine) {
      let run: () => Promise<ArrayLike<number>>;
      let inputs: { dispose(): void }[];
      if (engine.kind === 'nn') {
        const x = tensor(a.values, { shape: [n, n] });
        const y = tensor(b.values, { shape: [n, n] });
        inputs = [x, y];
        run = async () => {
          const c = matmul(x, y);
          try {
            return await readNN(engine, c);
          } finally {
            c.dispose();
          }
        };
      } else {
        const x = tf.tensor2d(a.values, [n, n]);
        const y = tf.tensor2d(b.values, [n, n]);
        inputs = [x, y];
        run = async () => {
          const c = tf.matMul(x, y);
          try {
            return c.dataSync();
          } finally {
            c.dispose();
          }
        };
      }
      const check = await run();
      return { run, check, dispose: () => inputs.forEach((t) => t.dispose()) };
    },
  };
}

const BATCH = 64;
const SIZES = [784, 128, 64, 10] as const;
const SEED = 0;
/** Adam's hyper-parameters: @nn's defaults (PyTorch's), given to TF.js too (its ε default is 1e-7). */
const ADAM = { lr: 1e-3, betas: [0.9, 0.999] as [number, number], eps: 1e-8 };
/** Steps whose losses are compared across engines (run during set-up, so they are warm-up too). */
const CHECKED_STEPS = 3;

const images = uniform([BATCH, SIZES[0]], 3, 0, 1);
const labels = Int32Array.from(uniform([BATCH], 4, 0, SIZES[3]).values, Math.floor);
/** The labels as one-hot rows: the targets of every engine (the form TF.js's softmaxCrossEntropy takes). */
const oneHot = new Float32Array(BATCH * SIZES[3]);
labels.forEach((label, i) => (oneHot[i * SIZES[3] + label] = 1));

/** The MLP on the active @nn backend, its weights drawn from `Generator(SEED)` (PyTorch's Linear init). */
function mlp(): Sequential {
  const o = { generator: new Generator(SEED) };
  return new Sequential(
    new Linear(SIZES[0], SIZES[1], o),
    new ReLU(),
    new Linear(SIZES[1], SIZES[2], o),
    new ReLU(),
    new Linear(SIZES[2], SIZES[3], o),
  );
}

/** The MLP's initial parameters (weight [out, in], bias [out], per layer), computed on @nn's CPU backend. */
function initialWeights(): Float32Array[] {
  const previous = getBackend();
  setBackend(createCpuBackend());
  try {
    const model = mlp();
    const weights = model.parameters().map((p) => Float32Array.from(p.value.dataSync()));
    model.dispose();
    return weights;
  } finally {
    setBackend(previous);
  }
}

async function setupNNStep(engine: NNEngine): Promise<Runner> {
  const model = mlp();
  const optimizer = new Adam(model.parameters(), ADAM);
  const x = tensor(images.values, { shape: [BATCH, SIZES[0]] });
  const y = tensor(oneHot, { shape: [BATCH, SIZES[3]] });
  const run = async (): Promise<number> => {
    const stop = enableGrad();
    let loss: Tensor;
    try {
      loss = tidy(() => {
        optimizer.zeroGrad();
        const l = crossEntropy(model.call(x), y);
        backward(l);
        return l;
      });
    } finally {
      stop();
    }
    optimizer.step();
    try {
      return (await readNN(engine, loss))[0]!;
    } finally {
      loss.dispose();
    }
  };
  const dispose = (): void => {
    optimizer.dispose();
    model.dispose();
    x.dispose();
    y.dispose();
  };
  try {
    const check: number[] = [];
    for (let k = 0; k < CHECKED_STEPS; k++) check.push(await run());
    return { run, check, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

/** The same step with TF.js ops: `optimizer.minimize(() => tf.losses.softmaxCrossEntropy(oneHot, logits))`. */
async function setupTFStep(): Promise<Runner> {
  const w = initialWeights();
  // @nn keeps Linear weights as [out, in] (PyTorch); x·W wants [in, out].
  const variable = (t: ReturnType<typeof tf.tensor>) => {
    const v = tf.variable(t); // shares t's data (refcounted)
    t.dispose();
    return v;
  };
  const layers = [0, 1, 2].map((k) => ({
    weight: variable(tf.tidy(() => tf.transpose(tf.tensor2d(w[2 * k]!, [SIZES[k + 1]!, SIZES[k]!])))),
    bias: variable(tf.tensor1d(w[2 * k + 1]!)),
  }));
  const vars = layers.flatMap((l) => [l.weight, l.bias]);
  const x = tf.tensor2d(images.values, [BATCH, SIZES[0]]);
  const y = tf.tensor2d(oneHot, [BATCH, SIZES[3]]);
  const optimizer = tf.train.adam(ADAM.lr, ADAM.betas[0], ADAM.betas[1], ADAM.eps);
  const forward = (): ReturnType<typeof tf.scalar> => {
    let h: ReturnType<typeof tf.tensor2d> = x;
    layers.forEach(({ weight, bias }, k) => {
      h = tf.add(tf.matMul(h, weight), bias);
      if (k < layers.length - 1) h = tf.relu(h);
    });
    return tf.losses.softmaxCrossEntropy(y, h) as ReturnType<typeof tf.scalar>;
  };
  const run = async (): Promise<number> => {
    const loss = optimizer.minimize(forward, true, vars)!;
    try {
      return loss.dataSync()[0]!;
    } finally {
      loss.dispose();
    }
  };
  const dispose = (): void => {
    optimizer.dispose();
    tf.dispose([...vars, x, y]);
  };
  const check: number[] = [];
  for (let k = 0; k < CHECKED_STEPS; k++) check.push(await run());
  return { run, check, dispose };
}

const mlpStep: Workload = {
  id: 'mlp-step',
  label: `MLP ${SIZES.join('→')} train step, batch ${BATCH}`,
  unit: 'step',
  checked: `losses of steps 1–${CHECKED_STEPS}`,
  tolerance: 1e-3,
  compare: (reference, got) => {
    let d = 0;
    for (let k = 0; k < reference.length; k++)
      d = Math.max(d, Math.abs(got[k]! - reference[k]!) / Math.max(1, Math.abs(reference[k]!)));
    return d;
  },
  setup: (engine) => (engine.kind === 'nn' ? setupNNStep(engine) : setupTFStep()),
};

/** Every workload, in table order. */
export const WORKLOADS: readonly Workload[] = [matmulWorkload(128), matmulWorkload(256), matmulWorkload(512), mlpStep];
