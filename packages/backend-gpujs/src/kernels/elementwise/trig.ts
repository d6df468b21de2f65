import { unaryKernel } from './unary.js';

/**
 * `Sin` and `Cos` with their own argument reduction and polynomials: GLSL's and WGSL's `sin`
 * and `cos` reduce the argument in single precision, which is wrong by far more than the result
 * beyond a few thousand (and meaningless at 1e30).
 *
 * The reduction finds `|x| · 2/π = n + f`, `n` an integer (the quadrant is `n mod 4`) and
 * `|f| ≤ 1/2`, and evaluates sine or cosine of `r = f · π/2` by Cephes' single-precision
 * polynomials on `[-π/4, π/4]`:
 * - below 4096, Cody–Waite: `r = |x| - n·π/2` with π/2 split in three parts, the first two of 12
 *   bits so that their products with `n < 2^12` are exact;
 * - from 4096 on, Payne–Hanek in exact float arithmetic: `|x|` is cut into 12-bit digits
 *   `dᵢ·2^12i` (`i = -1…10`: float32 ends below 2^128, and from 4096 on has no bits below 2^-11),
 *   2/π into 12-bit chunks `cⱼ·2^-12(j+1)`; each product `dᵢ·cⱼ` is exact (24 bits), and only the
 *   pairs whose product lands between 2^-60 and 4 count (the rest are multiples of 4, or
 *   negligible). The bits from 2^-12 up are reduced modulo 4 and summed exactly; only the bits
 *   below are ever rounded.
 */

/** 2/π in hexadecimal, from the binary point on (3 digits per 12-bit chunk). */
const TWO_OVER_PI_HEX = 'a2f9836e4e441529fc2757d1f534ddc0db6295993c439041fe5163abdebb';
/** The 12-bit chunks `cⱼ` of 2/π: `2/π = Σ cⱼ · 2^-12(j+1)`. */
const CHUNKS = Array.from({ length: TWO_OVER_PI_HEX.length / 3 }, (_, j) =>
  parseInt(TWO_OVER_PI_HEX.slice(3 * j, 3 * j + 3), 16),
);
/** Float32 `|x|` ends below 2^128: digits `i = -1 … 10` (2^-12 … 2^131). */
const TOP_DIGIT = 10;
/** Products `dᵢ·cⱼ` weigh `2^12(i-j-1)`; those from 2^12·1 up are multiples of 4, those at 2^-60 are negligible. */
const LOWEST_WEIGHT = -4;

/** `value` rounded to `bits` significant bits. */
function roundToBits(value: number, bits: number): number {
  const scale = 2 ** (bits - 1 - Math.floor(Math.log2(Math.abs(value))));
  return Math.round(value * scale) / scale;
}

/** π/2 in three parts: two of 12 bits, the rest. */
const PIO2_1 = roundToBits(Math.PI / 2, 12);
const PIO2_2 = roundToBits(Math.PI / 2 - PIO2_1, 12);
const PIO2_3 = Math.PI / 2 - PIO2_1 - PIO2_2;

/**
 * Statements setting `m` (an integer, 0…4) and `f` (|f| ≤ 1/2) to `|x| · 2/π ≡ m + f (mod 4)` for
 * `ax = |x| ≥ 4096`, exact but for the last bits of `f`.
 */
function payneHanek(): string {
  const parts: string[] = [];
  // Integer digits: T_i = floor(X · 2^-12i), d_i = T_i - 4096 · T_{i+1}; the fraction digit from ax - X.
  parts.push('const X = Math.floor(ax); const dm1 = (ax - X) * 4096;');
  for (let i = 0; i <= TOP_DIGIT; i++) parts.push(`const T${i} = Math.floor(X * ${2 ** (-12 * i)});`);
  for (let i = 0; i < TOP_DIGIT; i++) parts.push(`const d${i} = T${i} - 4096 * T${i + 1};`);
  parts.push(`const d${TOP_DIGIT} = T${TOP_DIGIT};`);
  // Two accumulators: A takes every product's bits from 2^-12 up, each product reduced modulo 4
  // first, so A stays below 2^7 with 12 fraction bits: exact. C takes the bits below 2^-12 (a
  // product of weight 2^-24 is split at 2^-12), whose sum stays below 2^-8: rounded far below
  // float32's resolution of the result.
  parts.push('let A = 0; let C = 0;');
  let count = 0;
  for (let i = -1; i <= TOP_DIGIT; i++) {
    const digit = i < 0 ? 'dm1' : `d${i}`;
    for (let j = Math.max(0, i - 1); j <= i - 1 - LOWEST_WEIGHT; j++) {
      const weight = i - j - 1; // in units of 12 bits, 0 … LOWEST_WEIGHT
      const p = `p${count++}`;
      const product = `${digit} * ${CHUNKS[j]}`;
      if (weight === 0) {
        parts.push(`const ${p} = ${product}; const ${p}k = Math.floor(${p} * 0.25); A = A + (${p} - 4 * ${p}k);`);
      } else if (weight === -1) {
        parts.push(
          `const ${p} = ${product} * ${2 ** -12}; const ${p}k = Math.floor(${p} * 0.25); A = A + (${p} - 4 * ${p}k);`,
        );
      } else if (weight === -2) {
        parts.push(
          `const ${p} = ${product}; const ${p}h = Math.floor(${p} * ${2 ** -12}); ` +
            `A = A + ${p}h * ${2 ** -12}; C = C + (${p} - 4096 * ${p}h) * ${2 ** -24};`,
        );
      } else {
        parts.push(`C = C + ${product} * ${2 ** (12 * weight)};`);
      }
    }
  }
  // |x| · 2/π ≡ A + C (mod 4): `m` is the nearest integer, `f` the rest (A - m is exact).
  parts.push(
    'const Ak = Math.floor(A * 0.25); const A4 = A - 4 * Ak; const m = Math.floor(A4 + C + 0.5); const f = (A4 - m) + C;',
  );
  return parts.join(' ');
}

/**
 * Statements setting `r` (the reduced argument, radians, |r| ≤ π/4 up to rounding) and `q` (the
 * quadrant, 0…3) for `ax = |v|`.
 */
function reduction(): string {
  return (
    `const ax = Math.abs(v); let r = 0; let q = 0; ` +
    `if (ax < 4096) { const n = Math.floor(ax * ${2 / Math.PI} + 0.5); ` +
    `r = ((ax - n * ${PIO2_1}) - n * ${PIO2_2}) - n * ${PIO2_3}; const n4 = Math.floor(n * 0.25); q = n - 4 * n4; } ` +
    `else { ${payneHanek()} r = f * ${Math.PI / 2}; ` +
    `const m4 = Math.floor(m * 0.25); q = m - 4 * m4; }`
  );
}

/** Statements setting `s` and `c` to sin(r) and cos(r) for |r| ≤ π/4 (Cephes `sinf`/`cosf`). */
const POLYNOMIALS =
  'const z = r * r; ' +
  'const s = r + r * z * (-0.16666654611 + z * (0.0083321608736 + z * -0.00019515295891)); ' +
  'const c = 1 - 0.5 * z + z * z * (0.04166664568298827 + z * (-0.001388731625493765 + z * 0.00002443315711809948));';

/** `Sin`: sine (radians), accurate over the whole float32 range; NaN at ±∞. */
export const sin = unaryKernel('Sin', {
  statements:
    `${reduction()} ${POLYNOMIALS} ` +
    'let y = s; if (q == 1) { y = c; } else if (q == 2) { y = -s; } else if (q == 3) { y = -c; }',
  result: 'v - v == 0 ? (v < 0 ? -y : y) : v - v',
});

/** `Cos`: cosine (radians), accurate over the whole float32 range; NaN at ±∞. */
export const cos = unaryKernel('Cos', {
  statements:
    `${reduction()} ${POLYNOMIALS} ` +
    'let y = c; if (q == 1) { y = -s; } else if (q == 2) { y = -c; } else if (q == 3) { y = s; }',
  result: 'v - v == 0 ? y : v - v',
});
