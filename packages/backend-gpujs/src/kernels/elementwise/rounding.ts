import { floatOnly, unaryKernel } from './unary.js';

/** `Floor`: the largest integer ≤ `x` (the identity on int32 and bool). */
export const floor = unaryKernel('Floor', floatOnly('Math.floor(v)'));

/** `Ceil`: the smallest integer ≥ `x` (the identity on int32 and bool). */
export const ceil = unaryKernel('Ceil', floatOnly('Math.ceil(v)'));

/**
 * `Round`: the nearest integer, ties to even (the identity on int32 and bool). From the floor
 * `f` and the exact fraction `d = x - f`; ±∞ and NaN come out unchanged (through `f + 1`).
 */
export const round = unaryKernel(
  'Round',
  floatOnly({
    statements:
      'const f = Math.floor(v); const d = v - f; const h = Math.floor(f * 0.5); ' +
      'let r = f + 1; if (d < 0.5) { r = f; } else if (d == 0.5 && f - 2 * h == 0) { r = f; }',
    result: 'r',
  }),
);
