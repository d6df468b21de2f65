// PyTorch oracle of the loss modules (fixtures/losses.json, written by
// scripts/gen-fixtures/cases_layers_losses.py): the loss and its gradients wrt the input and float targets,
// in float32 and float64.
import { tensor, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import type { Reduction } from '../src/functional/losses/index.js';
import {
  BCELoss,
  BCEWithLogitsLoss,
  CrossEntropyLoss,
  HuberLoss,
  L1Loss,
  MSELoss,
  NLLLoss,
  SmoothL1Loss,
} from '../src/losses/index.js';
import { loadLayerFixture, type AnyModule, type LayerSpec } from './oracle/layer-harness.js';
import { expectEveryLayer, oracleTests } from './support/oracle-suite.js';

type Args = Record<string, unknown>;

/** Runs `make` with the args' weight lists as tensors (the module copies them; these are freed). */
function withWeights(a: Args, make: (w: { weight?: Tensor; posWeight?: Tensor }) => AnyModule): AnyModule {
  const made: Tensor[] = [];
  const as = (key: string): Tensor | undefined => {
    const v = a[key];
    if (v === undefined) return undefined;
    const t = tensor(v as number[]);
    made.push(t);
    return t;
  };
  try {
    return make({ weight: as('weight'), posWeight: as('posWeight') });
  } finally {
    for (const t of made) t.dispose();
  }
}

const reduction = (a: Args): Reduction | undefined => a.reduction as Reduction | undefined;
const num = (a: Args, key: string): number | undefined => a[key] as number | undefined;

const specs: Record<string, LayerSpec> = {
  MSELoss: { build: (a) => new MSELoss({ reduction: reduction(a) }) },
  L1Loss: { build: (a) => new L1Loss({ reduction: reduction(a) }) },
  HuberLoss: { build: (a) => new HuberLoss({ reduction: reduction(a), delta: num(a, 'delta') }) },
  SmoothL1Loss: { build: (a) => new SmoothL1Loss({ reduction: reduction(a), beta: num(a, 'beta') }) },
  NLLLoss: {
    build: (a) =>
      withWeights(
        a,
        ({ weight }) => new NLLLoss({ reduction: reduction(a), weight, ignoreIndex: num(a, 'ignoreIndex') }),
      ),
  },
  CrossEntropyLoss: {
    build: (a) =>
      withWeights(
        a,
        ({ weight }) =>
          new CrossEntropyLoss({
            reduction: reduction(a),
            weight,
            ignoreIndex: num(a, 'ignoreIndex'),
            labelSmoothing: num(a, 'labelSmoothing'),
          }),
      ),
  },
  BCELoss: { build: (a) => withWeights(a, ({ weight }) => new BCELoss({ reduction: reduction(a), weight })) },
  BCEWithLogitsLoss: {
    build: (a) =>
      withWeights(a, ({ weight, posWeight }) => new BCEWithLogitsLoss({ reduction: reduction(a), weight, posWeight })),
  },
};

const fixture = loadLayerFixture('losses.json');

describe('losses vs PyTorch', () => {
  it('covers every loss module with every reduction', () => {
    const seen = new Set(fixture.entries.map((e) => `${e.layer} ${String(e.args.reduction ?? 'mean')}`));
    const want = Object.keys(specs).flatMap((l) => ['mean', 'sum', 'none'].map((r) => `${l} ${r}`));
    expect(want.filter((w) => !seen.has(w))).toEqual([]);
    expectEveryLayer(fixture.entries, specs);
  });

  oracleTests(fixture.entries, specs);
});
