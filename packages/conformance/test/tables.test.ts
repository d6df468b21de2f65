import { OP_NAMES } from '@nn/tensor/backend';
import { describe, expect, it } from 'vitest';
import { ALL_CASES } from '../src/index.js';

describe('the case tables', () => {
  it('cover every primitive exactly once', () => {
    const ops = ALL_CASES.map((t) => t.op);
    expect([...ops].sort()).toEqual([...OP_NAMES].sort());
  });

  it('give every primitive at least one case and one error case', () => {
    for (const table of ALL_CASES) {
      expect(table.cases.length, `${table.op} cases`).toBeGreaterThan(0);
      expect(table.errors.length, `${table.op} error cases`).toBeGreaterThan(0);
    }
  });
});
