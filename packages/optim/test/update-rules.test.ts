// The per-parameter update rules are pure: they neither dispose nor change their inputs, and the
// same inputs give the same outputs.
import { getBackend, type Tensor, tensor, tidy } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import {
  adagradUpdate,
  adamUpdate,
  adamwUpdate,
  type ParamState,
  rmspropUpdate,
  sgdUpdate,
  type UpdateResult,
} from '../src/index.js';

const RULES: [string, (p: Tensor, g: Tensor, s: Readonly<ParamState>) => UpdateResult][] = [
  [
    'sgdUpdate',
    (p, g, s) =>
      sgdUpdate(p, g, s, {
        lr: 0.1,
        momentum: 0.9,
        dampening: 0.1,
        weightDecay: 0.01,
        nesterov: false,
        maximize: false,
      }),
  ],
  [
    'adamUpdate',
    (p, g, s) =>
      adamUpdate(p, g, s, {
        lr: 0.1,
        betas: [0.9, 0.999],
        eps: 1e-8,
        weightDecay: 0.1,
        amsgrad: true,
        maximize: false,
      }),
  ],
  [
    'adamwUpdate',
    (p, g, s) =>
      adamwUpdate(p, g, s, {
        lr: 0.1,
        betas: [0.9, 0.999],
        eps: 1e-8,
        weightDecay: 0.1,
        amsgrad: false,
        maximize: true,
      }),
  ],
  [
    'rmspropUpdate',
    (p, g, s) =>
      rmspropUpdate(p, g, s, {
        lr: 0.01,
        alpha: 0.99,
        eps: 1e-8,
        weightDecay: 0,
        momentum: 0.9,
        centered: true,
        maximize: false,
      }),
  ],
  [
    'adagradUpdate',
    (p, g, s) =>
      adagradUpdate(p, g, s, {
        lr: 0.1,
        lrDecay: 0.1,
        weightDecay: 0,
        initialAccumulatorValue: 0.1,
        eps: 1e-10,
        maximize: false,
      }),
  ],
];

function plain(state: Readonly<ParamState>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, typeof v === 'number' ? v : v.toArray()]));
}

describe('update rules', () => {
  it.each(RULES)('%s is pure', (_, rule) => {
    tidy(() => {
      const p = tensor([0.5, -1, 2]);
      const g = tensor([0.1, 0.2, -0.3]);
      const first = rule(p, g, {});
      const frozen = { ...first.state };
      const snapshot = plain(frozen);
      const ids = getBackend().numDataIds();
      const a = rule(first.value, g, frozen);
      const b = rule(first.value, g, frozen);
      expect(getBackend().numDataIds()).toBeGreaterThan(ids);
      for (const t of [p, g, first.value]) expect(t.isDisposed).toBe(false);
      expect(plain(frozen)).toEqual(snapshot);
      expect(frozen).toEqual(first.state);
      expect(a.value.toArray()).toEqual(b.value.toArray());
      expect(plain(a.state)).toEqual(plain(b.state));
      expect(a.value.toArray()).not.toEqual(first.value.toArray());
    });
  });
});
