// Plain-JavaScript references for the elementwise cases: written independently of the CPU
// kernels (different algorithms where the kernel is not a single Math call).

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * erf by the Maclaurin-type series `(2/√π) e^(-x²) Σ x (2x²)ⁿ / (2n+1)!!` below 3 (all terms
 * positive), and by the continued fraction of erfc from 3 on.
 */
export function refErf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -refErf(-x);
  if (x === 0) return x;
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 500 && term > 1e-20 * sum; n++) {
      term = (term * 2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
  }
  if (x > 10) return 1;
  // erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
  let tail = x;
  for (let k = 200; k >= 1; k--) tail = x + k / 2 / tail;
  return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / tail;
}

/** Round half to even, by comparing with the floor. */
export function refRound(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const frac = x - f;
  const r = frac < 0.5 ? f : frac > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

/** The logistic function, straightforwardly (in double it never gives NaN for finite x). */
export function refSigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** C / PyTorch `pow` for doubles: like `Math.pow` except `1 ** y = 1` and `(-1) ** ±∞ = 1`. */
export function refPow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/** int32 power modulo 2³² (BigInt square-and-multiply); negative exponents as PyTorch. */
export function refIntPow(x: number, y: number): number {
  if (y < 0) return x === 1 ? 1 : x === -1 ? (Math.abs(y) % 2 === 1 ? -1 : 1) : 0;
  let result = 1n;
  for (let i = 0; i < y; i++) result = BigInt.asIntN(32, result * BigInt(x));
  return Number(result);
}

/** int32 product modulo 2³². */
export function refIntMul(x: number, y: number): number {
  return Number(BigInt.asIntN(32, BigInt(x) * BigInt(y)));
}

/** NaN-propagating maximum. */
export function refMax(x: number, y: number): number {
  return Number.isNaN(x) || Number.isNaN(y) ? NaN : x >= y ? x : y;
}

/** NaN-propagating minimum. */
export function refMin(x: number, y: number): number {
  return Number.isNaN(x) || Number.isNaN(y) ? NaN : x <= y ? x : y;
}

/** A JavaScript boolean as 0/1. */
export function bit(b: boolean): number {
  return b ? 1 : 0;
}
