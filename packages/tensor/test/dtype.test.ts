import { describe, expect, it } from 'vitest';
import { broadcastShapes, promoteTypes, scalarDType, ShapeError } from '../src/index.js';
import { normalizeAxes, normalizeAxis } from '../src/backend.js';

describe('dtype promotion', () => {
  it('follows bool < int32 < float32 < float64', () => {
    expect(promoteTypes('bool', 'int32')).toBe('int32');
    expect(promoteTypes('int32', 'float32')).toBe('float32');
    expect(promoteTypes('float64', 'float32')).toBe('float64');
    expect(promoteTypes('bool', 'bool')).toBe('bool');
  });

  it('treats JavaScript scalars as weak', () => {
    expect(scalarDType(2, 'int32')).toBe('int32');
    expect(scalarDType(2.5, 'int32')).toBe('float32');
    expect(scalarDType(2.5, 'float64')).toBe('float64');
    expect(scalarDType(1, 'bool')).toBe('int32');
  });
});

describe('shapes', () => {
  it('broadcasts both ways and names both shapes on failure', () => {
    expect(broadcastShapes('add', [3, 1], [4])).toEqual([3, 4]);
    expect(broadcastShapes('add', [4], [3, 1])).toEqual([3, 4]);
    expect(broadcastShapes('add', [0, 1], [1, 5])).toEqual([0, 5]);
    expect(() => broadcastShapes('add', [2, 3], [4])).toThrow(ShapeError);
    expect(() => broadcastShapes('add', [2, 3], [4])).toThrow('[2,3] and [4]');
  });

  it('normalises axes', () => {
    expect(normalizeAxis('sum', 'dim', -1, 3)).toBe(2);
    expect(normalizeAxes('sum', 'dim', [2, -3], 3)).toEqual([0, 2]);
    expect(() => normalizeAxis('sum', 'dim', 3, 3)).toThrow(/sum\(dim\)/);
    expect(() => normalizeAxes('sum', 'dim', [0, -3], 3)).toThrow(/distinct/);
  });
});
