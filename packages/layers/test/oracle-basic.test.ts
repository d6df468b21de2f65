// PyTorch 1.13 oracle of the basic layers (test/fixtures/basic.json, written by
// scripts/gen-fixtures/cases_layers_basic.py): outputs, gradients wrt every float input and parameter, and
// buffers after the call, in float32 and float64, each run inside tidy with numDataIds back to its baseline.
import { tanh, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  AdaptiveAvgPool2d,
  AvgPool2d,
  BatchNorm1d,
  BatchNorm2d,
  Bilinear,
  Conv1d,
  Conv2d,
  ConvTranspose2d,
  Dropout,
  Embedding,
  Flatten,
  LayerNorm,
  Linear,
  MaxPool2d,
  Module,
  Residual,
  Sequential,
  Unflatten,
} from '../src/index.js';
import { loadLayerFixture, type AnyModule, type LayerSpec } from './oracle/layer-harness.js';
import { expectEveryLayer, oracleTests } from './support/oracle-suite.js';

const file = loadLayerFixture('basic.json');

type Args = Record<string, unknown>;
type Ctor = new (...args: never[]) => AnyModule;

/** `args` without the positional names and the non-constructor keys: the options object. */
function options(a: Args, positional: readonly string[]): Args {
  const skip = new Set([...positional, 'forward']);
  return Object.fromEntries(Object.entries(a).filter(([k]) => !skip.has(k)));
}

/** A spec building `new cls(...positional, options)` from the entry's named args. */
function ctor(cls: Ctor, positional: readonly string[], withOptions = true): LayerSpec {
  return {
    build: (a) => {
      const pos = positional.map((k) => a[k]);
      const Cls = cls as unknown as new (...args: unknown[]) => AnyModule;
      return withOptions ? new Cls(...pos, options(a, positional)) : new Cls(...pos);
    },
  };
}

/** PyTorch's nn.Tanh, kept local so that this test depends on the basic layers only. */
class TanhModule extends Module {
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/** The modules of a Residual entry's nested `{ layer, args }`. */
function buildNested(spec: { layer: string; args: Args }): Module {
  if (spec.layer === 'MLP') {
    const sizes = spec.args.sizes as number[];
    return new Sequential(new Linear(sizes[0]!, sizes[1]!), new TanhModule(), new Linear(sizes[1]!, sizes[2]!));
  }
  return specs[spec.layer]!.build(spec.args) as unknown as Module;
}

const specs: Record<string, LayerSpec> = {
  Linear: ctor(Linear as unknown as Ctor, ['inFeatures', 'outFeatures']),
  Bilinear: ctor(Bilinear as unknown as Ctor, ['in1Features', 'in2Features', 'outFeatures']),
  Conv1d: ctor(Conv1d as unknown as Ctor, ['inChannels', 'outChannels', 'kernelSize']),
  Conv2d: ctor(Conv2d as unknown as Ctor, ['inChannels', 'outChannels', 'kernelSize']),
  ConvTranspose2d: {
    ...ctor(ConvTranspose2d as unknown as Ctor, ['inChannels', 'outChannels', 'kernelSize']),
    run: (m, inputs, a) => {
      const outputSize = (a.forward as { outputSize?: number[] } | undefined)?.outputSize;
      return (m as unknown as ConvTranspose2d).call(inputs[0]!, outputSize);
    },
  },
  MaxPool2d: ctor(MaxPool2d as unknown as Ctor, ['kernelSize']),
  AvgPool2d: ctor(AvgPool2d as unknown as Ctor, ['kernelSize']),
  AdaptiveAvgPool2d: ctor(AdaptiveAvgPool2d as unknown as Ctor, ['outputSize'], false),
  Flatten: { build: (a) => new Flatten((a.startDim as number | undefined) ?? 1, (a.endDim as number | undefined) ?? -1) },
  Unflatten: ctor(Unflatten as unknown as Ctor, ['dim', 'unflattenedSize'], false),
  Dropout: ctor(Dropout as unknown as Ctor, ['p']),
  BatchNorm1d: ctor(BatchNorm1d as unknown as Ctor, ['numFeatures']),
  BatchNorm2d: ctor(BatchNorm2d as unknown as Ctor, ['numFeatures']),
  LayerNorm: ctor(LayerNorm as unknown as Ctor, ['normalizedShape']),
  Embedding: ctor(Embedding as unknown as Ctor, ['numEmbeddings', 'embeddingDim']),
  Residual: {
    build: (a) => {
      const inner = buildNested(a.inner as { layer: string; args: Args }) as Module<[Tensor], Tensor>;
      const shortcut = a.shortcut === undefined ? undefined : (buildNested(a.shortcut as { layer: string; args: Args }) as Module<[Tensor], Tensor>);
      return new Residual(inner, shortcut === undefined ? {} : { shortcut }) as unknown as AnyModule;
    },
  },
};

describe('basic layers oracle (PyTorch 1.13)', () => {
  it('has fixtures for every layer of the group', () => {
    expectEveryLayer(file.entries, specs);
    expect(file.entries.length).toBeGreaterThanOrEqual(70);
  });

  oracleTests(file.entries, specs);
});
