// PyTorch oracle of the activation modules (fixtures/activations.json, written by
// scripts/gen-fixtures/cases_layers_activations.py): outputs and gradients in float32 and float64.
import { describe, expect, it } from 'vitest';
import {
  ELU,
  GELU,
  GLU,
  Hardsigmoid,
  Hardswish,
  Hardtanh,
  LeakyReLU,
  LogSigmoid,
  LogSoftmax,
  Mish,
  PReLU,
  ReLU,
  ReLU6,
  SELU,
  Sigmoid,
  SiLU,
  Softmax,
  Softplus,
  Softsign,
  Tanh,
} from '../src/activations/index.js';
import { loadLayerFixture, type LayerSpec } from './oracle/layer-harness.js';
import { expectEveryLayer, oracleTests } from './support/oracle-suite.js';

type Args = Record<string, unknown>;
const num = (a: Args, key: string): number | undefined => a[key] as number | undefined;

/** Builds each layer from its camelCase args, passed positionally in PyTorch's order. */
const specs: Record<string, LayerSpec> = {
  ReLU: { build: () => new ReLU() },
  LeakyReLU: { build: (a) => new LeakyReLU(num(a, 'negativeSlope')) },
  ELU: { build: (a) => new ELU(num(a, 'alpha')) },
  GELU: { build: (a) => new GELU(a.approximate as 'none' | 'tanh' | undefined) },
  SiLU: { build: () => new SiLU() },
  Sigmoid: { build: () => new Sigmoid() },
  Tanh: { build: () => new Tanh() },
  Softplus: { build: (a) => new Softplus(num(a, 'beta'), num(a, 'threshold')) },
  Softmax: { build: (a) => new Softmax(num(a, 'dim')) },
  LogSoftmax: { build: (a) => new LogSoftmax(num(a, 'dim')) },
  LogSigmoid: { build: () => new LogSigmoid() },
  Hardtanh: { build: (a) => new Hardtanh(num(a, 'minVal'), num(a, 'maxVal')) },
  ReLU6: { build: () => new ReLU6() },
  Hardsigmoid: { build: () => new Hardsigmoid() },
  Hardswish: { build: () => new Hardswish() },
  SELU: { build: () => new SELU() },
  Mish: { build: () => new Mish() },
  Softsign: { build: () => new Softsign() },
  GLU: { build: (a) => new GLU(num(a, 'dim')) },
  PReLU: { build: (a) => new PReLU(num(a, 'numParameters'), num(a, 'init')) },
};

const fixture = loadLayerFixture('activations.json');

describe('activations vs PyTorch', () => {
  it('covers every activation module', () => {
    expectEveryLayer(fixture.entries, specs);
    expect(fixture.entries.length).toBeGreaterThanOrEqual(40);
  });

  oracleTests(fixture.entries, specs);
});
