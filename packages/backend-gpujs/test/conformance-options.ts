// The conformance options of every gpu.js mode, shared by the Node and the Chromium runs.
import type { ConformanceOptions } from '@nn/conformance';
import type { OpName } from '@nn/tensor/backend';
import { createGpuJsBackend, UNSUPPORTED_OPS, type GpuJsMode } from '@nn/backend-gpujs';

/**
 * Why the int32 cases below are not run: their inputs go beyond ±2^24, which float32 storage
 * cannot hold exactly, so the backend refuses to store them (an `ArgumentError` from `write`).
 */
const BEYOND_2_24 = 'int32 inputs beyond ±2^24: the backend stores int32 as float32 and refuses them';

const EXTREME_PAIRS = 'all pairs of extreme values (int32)';
const BINARY_WITH_EXTREMES: readonly OpName[] = [
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Pow',
  'Maximum',
  'Minimum',
  'Equal',
  'NotEqual',
  'Less',
  'LessEqual',
  'Greater',
  'GreaterEqual',
  'LogicalAnd',
  'LogicalOr',
];

/** Cases with int32 inputs beyond ±2^24 (wrap-around and extreme-value tests), by op. */
const INT32_EXTREMES: Partial<Record<OpName, Record<string, string>>> = {
  ...Object.fromEntries(BINARY_WITH_EXTREMES.map((op) => [op, { [EXTREME_PAIRS]: BEYOND_2_24 }])),
  Cast: { 'int32 → bool': BEYOND_2_24, 'int32 → float32': BEYOND_2_24, 'int32 → int32': BEYOND_2_24 },
  Sum: { 'sum int32 wraps like int32': BEYOND_2_24, 'sum int32 [2,3] last dim wraps': BEYOND_2_24 },
  Prod: { 'prod int32 overflow wraps (imul)': BEYOND_2_24 },
  Cumsum: { 'cumsum int32 wraps like int32': BEYOND_2_24 },
  Max: { 'max int32 extremes': BEYOND_2_24 },
  Min: { 'min int32 extremes': BEYOND_2_24 },
  ArgMax: { 'argmax int32 extremes': BEYOND_2_24 },
  ArgMin: { 'argmin int32 extremes': BEYOND_2_24 },
  MatMul: { 'int32 wraps around on overflow': BEYOND_2_24 },
};

/** The suite for one mode: the run proves the mode, and every skip says why. */
export function gpujsConformance(mode: GpuJsMode): ConformanceOptions {
  return {
    name: `gpujs-${mode}`,
    create: () => createGpuJsBackend({ mode }),
    assertBackend: (backend) => {
      if (backend.capabilities.mode !== mode)
        throw new Error(`expected mode ${mode}, got ${backend.capabilities.mode}`);
    },
    skip: UNSUPPORTED_OPS,
    skipCases: INT32_EXTREMES,
  };
}
