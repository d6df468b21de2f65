import { stridesOf } from '@nn/tensor/backend';

/**
 * Helpers that write gpu.js kernel source. Kernels are generated as text per op, shapes and
 * attributes (like TF.js's WebGL shaders), so every shape constant is a literal, loops have
 * literal bounds, and no bundler or minifier can change the text gpu.js compiles.
 *
 * Index arithmetic is float32 (gpu.js's WebGL kernels see `this.thread.x` as a float): exact for
 * integers below 2^24, which `MAX_ELEMENTS` guarantees. Floor division is corrected after the
 * divide, so it stays exact where a backend's division is not correctly rounded (WGSL allows
 * 2.5 ulp).
 */

/** A number as a kernel literal; throws on NaN and ±∞, which have no literal in kernel source. */
export function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`kernel source: no literal for ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

/**
 * Statements declaring `quotient = floor(numerator / divisor)` and `remainder` (both floats) for
 * non-negative integral `numerator` and a positive integer `divisor`, exact below 2^24.
 */
export function divmod(quotient: string, remainder: string, numerator: string, divisor: number): string {
  if (divisor === 1) return `let ${quotient} = ${numerator}; let ${remainder} = 0;`;
  const d = literal(divisor);
  return (
    `let ${quotient} = Math.floor(${numerator} / ${d}); let ${remainder} = ${numerator} - ${quotient} * ${d}; ` +
    `if (${remainder} < 0) { ${quotient} = ${quotient} - 1; ${remainder} = ${remainder} + ${d}; } ` +
    `if (${remainder} >= ${d}) { ${quotient} = ${quotient} + 1; ${remainder} = ${remainder} - ${d}; }`
  );
}

/**
 * Statements declaring the coordinates `${prefix}0 … ${prefix}{rank-1}` of the row-major flat
 * index `flat` in `shape`.
 */
export function unravel(flat: string, shape: readonly number[], prefix: string): string {
  const rank = shape.length;
  if (rank === 0) return '';
  if (rank === 1) return `let ${prefix}0 = ${flat};`;
  const parts: string[] = [];
  let rest = flat;
  for (let d = rank - 1; d >= 1; d--) {
    const q = `${prefix}q${d}`;
    parts.push(divmod(q, `${prefix}${d}`, rest, shape[d]!));
    rest = q;
  }
  parts.push(`let ${prefix}0 = ${rest};`);
  return parts.join(' ');
}

/**
 * The expression for the flat offset into a tensor of `shape` at output coordinates `coords`
 * (the trailing `shape.length` of them, NumPy-broadcast: size-1 dims read index 0).
 */
export function broadcastOffset(coords: readonly string[], shape: readonly number[]): string {
  const strides = stridesOf(shape);
  const lead = coords.length - shape.length;
  const terms: string[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const c = coords[lead + d]!;
    terms.push(strides[d] === 1 ? c : `${c} * ${literal(strides[d]!)}`);
  }
  return terms.length === 0 ? '0' : terms.join(' + ');
}

/** The names `${prefix}0 … ${prefix}{rank-1}`. */
export function names(prefix: string, rank: number): string[] {
  return Array.from({ length: rank }, (_, d) => `${prefix}${d}`);
}

/** The key of a shape, for kernel cache keys. */
export function shapeKey(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}
