import { OP_NAMES } from '@nn/tensor/backend';
import { describe, expect, it } from 'vitest';
import { GRADIENTS, NON_DIFFERENTIABLE } from '../src/index.js';

describe('gradient table', () => {
  it('gives every primitive a rule or a reason why it has none', () => {
    const missing = OP_NAMES.filter((op) => GRADIENTS[op] === undefined && NON_DIFFERENTIABLE[op] === undefined);
    expect(missing, `primitives with neither a gradient rule nor a reason`).toEqual([]);
  });

  it('never gives a primitive both', () => {
    const both = OP_NAMES.filter((op) => GRADIENTS[op] !== undefined && NON_DIFFERENTIABLE[op] !== undefined);
    expect(both).toEqual([]);
  });

  it('states a real reason for each non-differentiable primitive', () => {
    for (const [op, reason] of Object.entries(NON_DIFFERENTIABLE)) {
      expect(reason?.length ?? 0, `${op}'s reason`).toBeGreaterThan(15);
    }
  });
});
