/**
 * One training step of the benchmark MLP (784-128-64-10, ReLU, softmax cross-entropy) per engine:
 * forward, backward, and a plain SGD update `w ← w − lr·g` of every parameter, with the loss read
 * back. Every engine computes the loss the same way:
 * `−mean(sum(logSoftmax(x·W1+b1 → relu → ·W2+b2 → relu → ·W3+b3) ⊙ oneHot, 1))`.
 */
import {
  add,
  matmul,
  mean,
  mul,
  neg,
  logSoftmax,
  relu,
  sub,
  sum,
  tensor,
  tidy,
  Variable,
  type Tensor,
} from '@nn/tensor';
import { backward, enableGrad, noGrad, valueAndGrad } from '../../src/index.js';
import { PARAM_NAMES, type Batch, type Params } from './data.js';
import type { TF } from './engines.js';

/** A live model on one engine. */
export interface Trainer {
  /** One SGD step on the next batch (cycled); returns the loss before the update. */
  step(): number;
  dispose(): void;
}

function nnForward(p: readonly Tensor[], x: Tensor, oneHot: Tensor): Tensor {
  const [w1, b1, w2, b2, w3, b3] = p as [Tensor, Tensor, Tensor, Tensor, Tensor, Tensor];
  const h1 = relu(add(matmul(x, w1), b1));
  const h2 = relu(add(matmul(h1, w2), b2));
  const logits = add(matmul(h2, w3), b3);
  return neg(mean(sum(mul(logSoftmax(logits, -1), oneHot), 1)));
}

function nnSetup(params: Params, data: readonly Batch[]) {
  const vars = params.map((p, k) => new Variable(tensor(p.values, { shape: p.shape }), { name: PARAM_NAMES[k] }));
  const batches = data.map((b) => ({
    x: tensor(b.x.values, { shape: b.x.shape }),
    oneHot: tensor(b.oneHot.values, { shape: b.oneHot.shape }),
  }));
  const dispose = (): void => {
    for (const v of vars) v.dispose();
    for (const b of batches) {
      b.x.dispose();
      b.oneHot.dispose();
    }
  };
  return { vars, batches, dispose };
}

/** @nn, the PyTorch way: record with enableGrad, `backward(loss)` fills `Variable.grad`, update under noGrad. */
export function nnBackwardTrainer(params: Params, data: readonly Batch[], lr: number): Trainer {
  const { vars, batches, dispose } = nnSetup(params, data);
  let i = 0;
  return {
    step() {
      const b = batches[i++ % batches.length]!;
      const stop = enableGrad();
      let loss: number;
      try {
        loss = tidy(() => {
          const l = nnForward(
            vars.map((v) => v.value),
            b.x,
            b.oneHot,
          );
          backward(l);
          return l.dataSync()[0]!;
        });
      } finally {
        stop();
      }
      noGrad(() =>
        tidy(() => {
          for (const v of vars) v.assign(sub(v.value, mul(v.grad!, lr)));
        }),
      );
      for (const v of vars) {
        v.grad?.dispose();
        v.grad = null;
      }
      return loss;
    },
    dispose,
  };
}

/** @nn, the functional way: `valueAndGrad` over the Variables, update under noGrad. */
export function nnValueAndGradTrainer(params: Params, data: readonly Batch[], lr: number): Trainer {
  const { vars, batches, dispose } = nnSetup(params, data);
  let i = 0;
  return {
    step() {
      const b = batches[i++ % batches.length]!;
      const f = (vs: Variable[]): Tensor =>
        nnForward(
          vs.map((v) => v.value),
          b.x,
          b.oneHot,
        );
      return tidy(() => {
        const { value, grads } = valueAndGrad(f)(vars);
        noGrad(() => vars.forEach((v, k) => v.assign(sub(v.value, mul(grads[k]!, lr)))));
        return value.dataSync()[0]!;
      });
    },
    dispose,
  };
}

let tfModels = 0;

/** TF.js on its active backend: `tf.variableGrads` and `Variable.assign`. */
export function tfTrainer(tf: TF, params: Params, data: readonly Batch[], lr: number): Trainer {
  const prefix = `nn_bench_${tfModels++}_`;
  const vars = params.map((p, k) => tf.variable(tf.tensor(p.values, [...p.shape]), true, prefix + PARAM_NAMES[k]));
  const batches = data.map((b) => ({
    x: tf.tensor(b.x.values, [...b.x.shape]),
    oneHot: tf.tensor(b.oneHot.values, [...b.oneHot.shape]),
  }));
  let i = 0;
  const forward = (x: ReturnType<TF['tensor']>, oneHot: ReturnType<TF['tensor']>) => {
    const [w1, b1, w2, b2, w3, b3] = vars as [ReturnType<TF['variable']>, ...ReturnType<TF['variable']>[]];
    const h1 = tf.relu(tf.add(tf.matMul(x, w1), b1!));
    const h2 = tf.relu(tf.add(tf.matMul(h1, w2!), b2!));
    const logits = tf.add(tf.matMul(h2, w3!), b3!);
    return tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits, -1), oneHot), 1))) as ReturnType<TF['scalar']>;
  };
  return {
    step() {
      const b = batches[i++ % batches.length]!;
      return tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => forward(b.x, b.oneHot), vars);
        for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name]!, lr)));
        return value.dataSync()[0]!;
      });
    },
    dispose() {
      for (const v of vars) v.dispose();
      for (const b of batches) {
        b.x.dispose();
        b.oneHot.dispose();
      }
    },
  };
}
