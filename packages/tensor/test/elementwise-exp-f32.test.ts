import { describe, expect, it } from 'vitest';
import { exp, expm1, Generator, relu, sigmoid, tanh, tensor } from '../src/index.js';

/** The distance in float32 units in the last place between two float32 values of the same sign. */
function ulps(a: number, b: number): number {
  const view = new Float32Array([a, b]);
  const bits = new Int32Array(view.buffer);
  return Math.abs(bits[0]! - bits[1]!);
}

describe('float32 exp family (our own exp, not Math.exp)', () => {
  const g = new Generator(11);
  const xs = Float32Array.from({ length: 200_000 }, () => (g.random() - 0.5) * 180);
  const cases: [string, (t: ReturnType<typeof tensor>) => ReturnType<typeof tensor>, (x: number) => number][] = [
    ['exp', exp, Math.exp],
    ['expm1', expm1, Math.expm1],
    ['sigmoid', sigmoid, (x) => 1 / (1 + Math.exp(-x))],
    ['tanh', tanh, Math.tanh],
  ];
  for (const [name, op, reference] of cases) {
    it(`${name} is within 1 ulp of the correctly rounded result on 200k samples`, () => {
      const got = op(tensor(xs)).dataSync();
      let worst = 0;
      for (let i = 0; i < xs.length; i++) worst = Math.max(worst, ulps(got[i]!, Math.fround(reference(xs[i]!))));
      expect(worst).toBeLessThanOrEqual(1);
    });
  }

  it('keeps special values', () => {
    expect(Array.from(exp(tensor([0, -0, Infinity, -Infinity, NaN, 89, -104])).dataSync())).toEqual([
      1, 1, Infinity, 0, NaN, Math.fround(Math.exp(89)), Math.fround(Math.exp(-104)),
    ]);
    expect(Object.is(tanh(tensor([-0])).dataSync()[0], -0)).toBe(true);
    expect(Array.from(relu(tensor([-0, -1, NaN, -NaN, -Infinity, 2])).dataSync())).toEqual([-0, 0, NaN, NaN, 0, 2]);
  });
});
