// The composite models of the autograd fixtures, written with public @nn ops. Each mirrors the
// PyTorch function of the same name in scripts/gen-fixtures/cases_autograd.py; where @nn offers
// more than one natural way to write a model (cross-entropy through gather or oneHot, a causal
// mask through maskedFill or where), every way is a variant and each must match.
import {
  abs,
  add,
  adaptiveAvgPool2d,
  avgPool2d,
  chunk,
  clamp,
  concat,
  conv1d,
  conv2d,
  convTranspose2d,
  cos,
  cumsum,
  div,
  elu,
  erf,
  exp,
  expand,
  expm1,
  flatten,
  flip,
  gather,
  gelu,
  indexSelect,
  leakyRelu,
  log,
  log1p,
  logSoftmax,
  logsumexp,
  matmul,
  max,
  maxPool2d,
  maximum,
  maskedFill,
  mean,
  min,
  minimum,
  mul,
  neg,
  norm,
  oneHot,
  pad,
  permute,
  pow,
  prod,
  reciprocal,
  relu,
  repeat,
  reshape,
  rsqrt,
  scatterAdd,
  sigmoid,
  silu,
  sin,
  slice,
  softmax,
  softplus,
  split,
  sqrt,
  square,
  squeeze,
  stack,
  std,
  sub,
  sum,
  tanh,
  tensor,
  tile,
  transpose,
  unsqueeze,
  variance,
  where,
  type Tensor,
} from '@nn/tensor';
import { grad } from '../../src/index.js';

/** The model's inputs by name (fixture inputs; the differentiated ones are replaced by the traced ones). */
export type Inputs = Readonly<Record<string, Tensor>>;
/** One way of writing a model: its inputs to a 0-d loss. */
export type Model = (t: Inputs) => Tensor;

function at(t: Inputs, name: string): Tensor {
  const x = t[name];
  if (x === undefined) throw new Error(`model input ${name} is missing`);
  return x;
}

/**
 * The fixed cotangent `cot(shape, offset)` of the generator: flat element i is
 * ((i + offset)·37 mod 11 − 5) / 4, in `x`'s dtype.
 */
export function cotangent(shape: readonly number[], dtype: Tensor['dtype'], offset = 0): Tensor {
  let n = 1;
  for (const d of shape) n *= d;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = ((((i + offset) * 37) % 11) - 5) / 4;
  return tensor(values, { shape, dtype });
}

/** `sum(out · cot(out.shape, offset))`. */
export function weighted(out: Tensor, offset = 0): Tensor {
  return sum(mul(out, cotangent(out.shape, out.dtype, offset)));
}

const linear = (x: Tensor, w: Tensor, b: Tensor): Tensor => add(matmul(x, w), b);

/** Negative log-likelihood of integer targets: `−mean(logp[i, targets[i]])`, through gather or oneHot. */
function nll(logp: Tensor, targets: Tensor, how: 'gather' | 'oneHot'): Tensor {
  if (how === 'gather') return neg(mean(gather(logp, 1, reshape(targets, [-1, 1]))));
  const classes = logp.shape[1]!;
  return neg(mean(sum(mul(logp, oneHot(targets, classes, { dtype: logp.dtype })), 1)));
}

const mlp =
  (how: 'gather' | 'oneHot'): Model =>
  (t) => {
    const h = relu(linear(at(t, 'x'), at(t, 'w1'), at(t, 'b1')));
    return nll(logSoftmax(linear(h, at(t, 'w2'), at(t, 'b2')), -1), at(t, 'targets'), how);
  };

const cnnMaxPool =
  (how: 'gather' | 'oneHot'): Model =>
  (t) => {
    const y = maxPool2d(relu(conv2d(at(t, 'x'), at(t, 'cw'), at(t, 'cb'), { padding: 1 })), 2);
    return nll(logSoftmax(linear(flatten(y, 1), at(t, 'fw'), at(t, 'fb'))), at(t, 'targets'), how);
  };

const cnnGrouped: Model = (t) => {
  const y = gelu(conv2d(at(t, 'x'), at(t, 'cw'), at(t, 'cb'), { stride: 2, padding: 1, groups: 2 }));
  const logits = linear(flatten(avgPool2d(y, 2), 1), at(t, 'fw'), at(t, 'fb'));
  return nll(logSoftmax(logits, -1), at(t, 'targets'), 'gather');
};

const layerNorm =
  (how: 'sqrt' | 'rsqrt'): Model =>
  (t) => {
    const x = at(t, 'x');
    const mu = mean(x, -1, true);
    const v = add(variance(x, -1, { correction: 0, keepDim: true }), 1e-5);
    const normed = how === 'sqrt' ? div(sub(x, mu), sqrt(v)) : mul(sub(x, mu), rsqrt(v));
    return weighted(add(mul(normed, at(t, 'gamma')), at(t, 'beta')));
  };

const attention =
  (how: 'maskedFill' | 'where'): Model =>
  (t) => {
    const x = at(t, 'x');
    const q = matmul(x, at(t, 'wq'));
    const k = matmul(x, at(t, 'wk'));
    const v = matmul(x, at(t, 'wv'));
    const scores = mul(matmul(q, transpose(k, -2, -1)), 1 / Math.sqrt(q.shape[q.rank - 1]!));
    const mask = at(t, 'mask');
    const masked = how === 'maskedFill' ? maskedFill(scores, mask, -Infinity) : where(mask, -Infinity, scores);
    return weighted(matmul(softmax(masked, -1), v));
  };

const logsumexpLarge: Model = (t) => weighted(logsumexp(at(t, 'x'), 1));

const activations: Model = (t) => {
  const x = at(t, 'x');
  const h1 = tanh(add(mul(x, at(t, 'a')), at(t, 'b')));
  const h2 = gelu(h1);
  const h3 = mul(sigmoid(x), gelu(x, 'tanh'));
  const h4 = [softplus(x), softplus(x, 2, 1), elu(x), leakyRelu(x, 0.1)].reduce(add, silu(sub(h2, h3)));
  return weighted(add(h4, mul(relu(x), erf(x))));
};

const mathChain: Model = (t) => {
  const x = at(t, 'x');
  const y = at(t, 'y');
  const a = add(mul(log(x), sqrt(x)), div(pow(x, 1.5), add(1, exp(neg(x)))));
  const b = [clamp(x, 0.7, 1.3), rsqrt(x), mul(mul(reciprocal(y), sin(x)), cos(y))].reduce(add, abs(sub(x, 1)));
  const c = add(
    add(sub(log1p(x), expm1(neg(y))), add(pow(x, y), pow(2, y))),
    sub(maximum(x, y), minimum(x, mul(y, 2))),
  );
  const d = sub(div(square(sub(x, y)), y), mul(neg(x), 3));
  return weighted(add(add(a, b), add(c, d)));
};

const residual: Model = (t) => {
  const x = at(t, 'x');
  const h = add(x, linear(relu(linear(x, at(t, 'w1'), at(t, 'b1'))), at(t, 'w2'), at(t, 'b2')));
  return mean(square(sub(h, at(t, 'target'))));
};

const movement: Model = (t) => {
  const x = at(t, 'x');
  const g = gather(x, 2, at(t, 'gidx'));
  const parts = [
    pad(x, [2, 1], { mode: 'reflect' }),
    pad(x, [1, 0, 0, 2], { mode: 'replicate' }),
    pad(x, [1, 1, 2, 0], { value: 0.5 }),
    concat([slice(x, [null, null, [1, 4]]), slice(flip(x, 2), [null, null, [null, 3]])], 1),
    slice(x, [null, null, [null, null, 2]]),
    slice(x, [1]),
    g,
    indexSelect(x, 1, at(t, 'sel')),
    cumsum(x, 2),
    tile(x, [1, 2, 1]),
    repeat(x, [2, 1, 1]),
    scatterAdd(x, 2, at(t, 'sidx'), mul(g, 2)),
    stack(split(x, 2, 2).slice(0, 2), 0),
    stack(chunk(x, 2, 1).slice(0, 1), 1),
    expand(slice(x, [null, [null, 1]]), [2, 3, 5]),
    permute(x, [2, 0, 1]),
    squeeze(unsqueeze(reshape(transpose(x, 0, 1), [3, 10]), 1), 1),
    flatten(x, 1),
  ];
  return parts.map((p, i) => weighted(p, i)).reduce((s, p) => add(s, p));
};

const convs: Model = (t) => {
  const y = tanh(convTranspose2d(at(t, 'x'), at(t, 'tw'), at(t, 'tb'), { stride: 2, padding: 1, outputPadding: 1 }));
  const a = weighted(adaptiveAvgPool2d(y, 3));
  const b = weighted(maxPool2d(y, 3, { stride: 2, padding: 1, ceilMode: true }), 1);
  const c = weighted(relu(conv1d(at(t, 's'), at(t, 'w1d'), at(t, 'b1d'), { padding: 'same', dilation: 2 })), 2);
  const d = weighted(avgPool2d(y, 3, { stride: 2, padding: 1, ceilMode: true, countIncludePad: false }), 3);
  return add(add(a, b), add(c, d));
};

const reductions: Model = (t) => {
  const a = at(t, 'a');
  const b = at(t, 'b');
  const cosine = div(sum(mul(a, b), 1), mul(norm(a, 2, 1), norm(b, 2, 1)));
  const terms = [
    mean(cosine),
    std(a),
    mul(norm(b), 0.1),
    mul(sum(prod(add(b, 2), 1)), 0.01),
    sum(max(a, 1)),
    neg(sum(min(b, 0))),
    mean(maximum(a, b)),
    sum(variance(b, 0)),
    mul(sum(norm(a, 1, 0)), 0.1),
    logsumexp(a, [0, 1]),
    weighted(logSoftmax(b, 0), 4),
    mean(a, [0, 1]),
  ];
  return terms.reduce((s, x) => add(s, x));
};

/** `sum(g²)` where g is the gradient of `f` with respect to its first argument (a gradient penalty). */
function penalty(f: (x: Tensor) => Tensor, x: Tensor): Tensor {
  return sum(square(grad(f)(x)));
}

const gradPenaltyMlp: Model = (t) => penalty((x) => sum(matmul(tanh(matmul(x, at(t, 'w1'))), at(t, 'w2'))), at(t, 'x'));

const gradPenaltySoftmax: Model = (t) =>
  penalty(
    (x) => {
      const z = matmul(x, at(t, 'w'));
      return add(add(weighted(softmax(z, -1)), weighted(logSoftmax(z, -1), 5)), sum(mul(sigmoid(z), z)));
    },
    at(t, 'x'),
  );

const gradPenaltyConv: Model = (t) =>
  penalty((x) => weighted(tanh(conv2d(x, at(t, 'w'), null, { padding: 1 }))), at(t, 'x'));

/** Every model of the fixtures, by id, with its variants. */
export const MODELS: Readonly<Record<string, Readonly<Record<string, Model>>>> = {
  mlp: { 'cross-entropy via gather': mlp('gather'), 'cross-entropy via oneHot': mlp('oneHot') },
  cnnMaxPool: { 'nll via gather': cnnMaxPool('gather'), 'nll via oneHot': cnnMaxPool('oneHot') },
  cnnGrouped: { default: cnnGrouped },
  layerNorm: { 'div by sqrt': layerNorm('sqrt'), 'mul by rsqrt': layerNorm('rsqrt') },
  attention: { 'maskedFill(-Infinity)': attention('maskedFill'), 'where(mask, -Infinity, scores)': attention('where') },
  logsumexpLarge: { default: logsumexpLarge },
  activations: { default: activations },
  mathChain: { default: mathChain },
  residual: { default: residual },
  movement: { default: movement },
  convs: { default: convs },
  reductions: { default: reductions },
  gradPenaltyMlp: { default: gradPenaltyMlp },
  gradPenaltySoftmax: { default: gradPenaltySoftmax },
  gradPenaltyConv: { default: gradPenaltyConv },
};
