import type { DType } from '@nn/tensor';
import type { BackendCapabilities } from '@nn/tensor/backend';
import type { Tolerance } from './case-types.js';

/**
 * The default tolerance for an output dtype on a backend: exact for integers and booleans,
 * PyTorch's float32 bounds (rtol 1.3e-6, atol 1e-5) when the backend computes in double and
 * rounds once, and looser bounds for backends that compute in single precision throughout.
 * @category Conformance
 */
export function defaultTolerance(dtype: DType, capabilities: BackendCapabilities): Tolerance {
  if (dtype === 'int32' || dtype === 'bool') return { atol: 0, rtol: 0 };
  if (dtype === 'float64') return { atol: 1e-12, rtol: 1e-10 };
  return capabilities.floatPrecision === 64 ? { atol: 1e-5, rtol: 1.3e-6 } : { atol: 1e-4, rtol: 1e-4 };
}

/** Index and values of the first element outside tolerance, or null. NaN matches NaN; infinities must be equal. */
export function firstMismatch(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tol: Tolerance,
): { index: number; got: number; want: number } | null {
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (Number.isNaN(w) ? Number.isNaN(g) : !Number.isFinite(w) ? g === w : Math.abs(g - w) <= tol.atol + tol.rtol * Math.abs(w)) {
      continue;
    }
    return { index: i, got: g, want: w };
  }
  return null;
}
