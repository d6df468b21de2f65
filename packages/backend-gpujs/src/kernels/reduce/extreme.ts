import type { DType } from '@nn/tensor';
import { foldKernel, type Fold } from './fold.js';
import { isNan } from './plan.js';

/**
 * The running maximum (or minimum) from the first element. Float folds also remember a NaN they
 * meet and return it: NaN propagates, whatever the mode's comparisons do with it.
 */
export function extremeFold(isMax: boolean, dtype: DType): Fold {
  const better = `if (v ${isMax ? '>' : '<'} acc) { acc = v; }`;
  const name = isMax ? 'max' : 'min';
  if (dtype !== 'float32') return { name, init: (first) => `let acc = ${first};`, step: better, result: 'acc' };
  return {
    name: `${name}-nan`,
    init: (first) => `let acc = ${first}; let nanSeen = 0; let nanValue = 0;`,
    step: `${better} if ${isNan('v')} { nanSeen = 1; nanValue = v; }`,
    result: 'nanSeen > 0 ? nanValue : acc',
  };
}

const keep = (dtype: DType): DType => dtype;

/** `Max` over sorted `axes`, keeping the dtype; NaN propagates; an empty reduction throws an `IndexError`. */
export const max = foldKernel('Max', (dtype) => extremeFold(true, dtype), keep, null);

/** `Min` over sorted `axes`, keeping the dtype; NaN propagates; an empty reduction throws an `IndexError`. */
export const min = foldKernel('Min', (dtype) => extremeFold(false, dtype), keep, null);
