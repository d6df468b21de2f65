/**
 * The two benchmarked networks, described once for both engines: how @nn builds them, how
 * tfjs-layers builds the same network, and how each @nn parameter maps onto the TF.js weight in
 * the same position (TF.js keeps Dense kernels as [in, out], Conv2D kernels as [kh, kw, in, out]
 * and works channels-last, so its flatten order is (h, w, c) where ours is (c, h, w)). The @nn
 * models are the CLI's own (src/models.ts).
 */
import type { Generator } from '@nn/tensor';
import type { Sequential } from '@nn/layers';
import type { ModelKind } from '../../src/args.js';
import { buildModel } from '../../src/models.js';
import type { TFLayers } from './engines.js';

export type { ModelKind };

/** Where one @nn parameter goes in TF.js: view its values as `view`, then permute the axes by `perm`. */
export interface ParamMapping {
  /** The @nn parameter's shape (checked). */
  readonly shape: readonly number[];
  /** The shape its values are read as before permuting (same element count). */
  readonly view: readonly number[];
  /** Output axis i is input axis perm[i]. */
  readonly perm: readonly number[];
}

export interface ModelSpec {
  readonly kind: ModelKind;
  /** For tables and logs. */
  readonly description: string;
  /** Builds the @nn model, the CLI's (input `[N, 1, 28, 28]` float32 → logits `[N, 10]`), initialised from `generator`. */
  readonly nn: (generator: Generator) => Sequential;
  /** Builds the same network with tfjs-layers (input `[N, 28, 28, 1]` → logits `[N, 10]`). */
  readonly tf: (tfl: TFLayers) => ReturnType<TFLayers['sequential']>;
  /** One mapping per @nn parameter, in `model.parameters()` order (= TF.js `getWeights()` order). */
  readonly params: readonly ParamMapping[];
}

const dense = (out: number, inp: number): ParamMapping[] => [
  { shape: [out, inp], view: [out, inp], perm: [1, 0] },
  { shape: [out], view: [out], perm: [0] },
];
const conv = (out: number, inp: number, k: number): ParamMapping[] => [
  { shape: [out, inp, k, k], view: [out, inp, k, k], perm: [2, 3, 1, 0] },
  { shape: [out], view: [out], perm: [0] },
];

/** 784 → 128 → 64 → 10, ReLU: the guide's network. */
const MLP: ModelSpec = {
  kind: 'mlp',
  description: 'MLP 784-128-64-10, ReLU',
  nn: (generator) => buildModel('mlp', generator),
  tf: (tfl) =>
    tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [28, 28, 1] }),
        tfl.layers.dense({ units: 128, activation: 'relu' }),
        tfl.layers.dense({ units: 64, activation: 'relu' }),
        tfl.layers.dense({ units: 10 }),
      ],
    }),
  params: [...dense(128, 784), ...dense(64, 128), ...dense(10, 64)],
};

/** conv 1→8 3×3 pad 1 → ReLU → maxpool 2 → conv 8→16 → ReLU → maxpool 2 → flatten → fc 784 → 10. */
const CNN: ModelSpec = {
  kind: 'cnn',
  description: 'CNN conv8-pool-conv16-pool-fc10 (3×3, pad 1), ReLU',
  nn: (generator) => buildModel('cnn', generator),
  tf: (tfl) =>
    tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 10 }),
      ],
    }),
  params: [
    ...conv(8, 1, 3),
    ...conv(16, 8, 3),
    // Our flatten reads [16, 7, 7] as (c, h, w); TF.js's reads [7, 7, 16] as (h, w, c).
    { shape: [10, 784], view: [10, 16, 7, 7], perm: [2, 3, 1, 0] },
    { shape: [10], view: [10], perm: [0] },
  ],
};

export const MODELS: Readonly<Record<ModelKind, ModelSpec>> = { mlp: MLP, cnn: CNN };

/** `values` viewed as `shape`, with its axes permuted by `perm` (output axis i = input axis perm[i]). */
export function permute(values: Float32Array, shape: readonly number[], perm: readonly number[]): Float32Array {
  const rank = shape.length;
  const strides = new Array<number>(rank).fill(1);
  for (let i = rank - 2; i >= 0; i--) strides[i] = strides[i + 1]! * shape[i + 1]!;
  const outShape = perm.map((p) => shape[p]!);
  const outStrides = perm.map((p) => strides[p]!);
  const out = new Float32Array(values.length);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let i = 0; i < rank; i++) src += index[i]! * outStrides[i]!;
    out[o] = values[src]!;
    for (let i = rank - 1; i >= 0; i--) {
      if (++index[i]! < outShape[i]!) break;
      index[i] = 0;
    }
  }
  return out;
}
