import { describe, expect, it } from 'vitest';
import { ArgumentError, ones, ShapeError, tensor, tidy, Variable, zeros } from '../src/index.js';

describe('Variable', () => {
  it('holds a named value and a gradient slot', () => {
    const v = new Variable(zeros([2]), { name: 'w' });
    expect(v.name).toBe('w');
    expect(v.trainable).toBe(true);
    expect(v.grad).toBeNull();
    expect(v.shape).toEqual([2]);
  });

  it('assign replaces the value and disposes the old one', () => {
    const v = new Variable(zeros([2]));
    const old = v.value;
    v.assign(ones([2]));
    expect(v.value.toArray()).toEqual([1, 1]);
    expect(old.isDisposed).toBe(true);
  });

  it('assigned values survive the tidy they were made in', () => {
    const v = new Variable(zeros([2]));
    tidy(() => v.assign(tensor([3, 4])));
    expect(v.value.isDisposed).toBe(false);
    expect(v.value.toArray()).toEqual([3, 4]);
  });

  it('rejects another shape or dtype with named errors', () => {
    const v = new Variable(zeros([2]), { name: 'b' });
    expect(() => v.assign(zeros([3]))).toThrow(ShapeError);
    expect(() => v.assign(zeros([3]))).toThrow(/variable 'b'/);
    expect(() => v.assign(zeros([2], { dtype: 'int32' }))).toThrow(ArgumentError);
  });
});
