// PyTorch 1.13 oracle of the attention group (test/fixtures/attention.json, written by
// scripts/gen-fixtures/cases_layers_attention.py): MultiheadAttention, TransformerEncoderLayer and
// TransformerEncoder outputs and the gradients wrt every float input and parameter, in float32 and
// float64, each run inside tidy with numDataIds back to its baseline.
import type { Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  LayerNorm,
  MultiheadAttention,
  TransformerEncoder,
  TransformerEncoderLayer,
  type TransformerEncoderLayerOptions,
} from '../src/index.js';
import { loadLayerFixture, type AnyModule, type LayerSpec } from './oracle/layer-harness.js';
import { expectEveryLayer, oracleTests } from './support/oracle-suite.js';

const file = loadLayerFixture('attention.json');

interface CallArgs {
  inputNames: string[];
  call: Record<string, string>;
  forward: Record<string, unknown>;
}

/** The entry's tensors by role: `call` maps a role (query, attnMask, …) to an input name. */
function roles(inputs: Tensor[], args: Record<string, unknown>): Record<string, Tensor> {
  const { inputNames, call } = args as unknown as CallArgs;
  const byName = new Map(inputNames.map((n, i) => [n, inputs[i]!]));
  return Object.fromEntries(Object.entries(call).map(([role, name]) => [role, byName.get(name)!]));
}

function layerOptions(cfg: Record<string, unknown>): TransformerEncoderLayerOptions {
  return {
    dimFeedforward: cfg.dimFeedforward as number,
    dropout: cfg.dropout as number,
    activation: cfg.activation as 'relu' | 'gelu',
    layerNormEps: cfg.layerNormEps as number,
    batchFirst: cfg.batchFirst as boolean,
    normFirst: cfg.normFirst as boolean,
  };
}

const specs: Record<string, LayerSpec> = {
  MultiheadAttention: {
    build: (a) =>
      new MultiheadAttention(a.embedDim as number, a.numHeads as number, {
        dropout: a.dropout as number,
        bias: a.bias as boolean,
        batchFirst: a.batchFirst as boolean,
        kdim: a.kdim as number | undefined,
        vdim: a.vdim as number | undefined,
      }) as unknown as AnyModule,
    run: (m, inputs, args) => {
      const r = roles(inputs, args);
      const fwd = (args as unknown as CallArgs).forward;
      return (m as unknown as MultiheadAttention).call(r.query!, r.key!, r.value!, {
        ...fwd,
        attnMask: r.attnMask ?? null,
        keyPaddingMask: r.keyPaddingMask ?? null,
      });
    },
  },
  TransformerEncoderLayer: {
    build: (a) =>
      new TransformerEncoderLayer(a.dModel as number, a.nhead as number, layerOptions(a)) as unknown as AnyModule,
    run: (m, inputs, args) => {
      const r = roles(inputs, args);
      const fwd = (args as unknown as CallArgs).forward;
      return (m as unknown as TransformerEncoderLayer).call(r.src!, {
        ...fwd,
        srcMask: r.srcMask ?? null,
        srcKeyPaddingMask: r.srcKeyPaddingMask ?? null,
      });
    },
  },
  TransformerEncoder: {
    build: (a) => {
      const cfg = a.layer as Record<string, unknown>;
      const layer = new TransformerEncoderLayer(cfg.dModel as number, cfg.nhead as number, layerOptions(cfg));
      const norm = a.norm === true ? new LayerNorm(cfg.dModel as number, { eps: cfg.layerNormEps as number }) : null;
      const encoder = new TransformerEncoder(layer, a.numLayers as number, { norm });
      layer.dispose(); // the encoder holds copies
      return encoder as unknown as AnyModule;
    },
    run: (m, inputs, args) => {
      const r = roles(inputs, args);
      const fwd = (args as unknown as CallArgs).forward;
      return (m as unknown as TransformerEncoder).call(r.src!, {
        ...fwd,
        mask: r.mask ?? null,
        srcKeyPaddingMask: r.srcKeyPaddingMask ?? null,
      });
    },
  },
};

describe('attention oracle (PyTorch 1.13)', () => {
  it('has fixtures for every layer of the group', () => {
    expectEveryLayer(file.entries, specs);
    expect(file.entries.length).toBeGreaterThanOrEqual(30);
  });

  oracleTests(file.entries, specs);
});
