// Host float64 QR by Householder reflections, for `orthogonal`. Internal to `init/`.

/**
 * The orthonormal factor Q of the thin QR decomposition `A = QR` of a row-major `m × n` matrix with
 * `m ≥ n`, sign-corrected so that R has a non-negative diagonal (what PyTorch obtains as
 * `Q · sign(diag R)`; a zero diagonal entry, which has probability 0 for Gaussian input, counts as
 * positive). Returns Q as a row-major `m × n` array. `a` is overwritten.
 * @internal
 */
export function householderQ(a: Float64Array, m: number, n: number): Float64Array {
  const reflectors: (Float64Array | null)[] = [];
  const diag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let norm2 = 0;
    for (let i = k; i < m; i++) norm2 += a[i * n + k]! ** 2;
    const norm = Math.sqrt(norm2);
    if (norm === 0) {
      reflectors.push(null);
      continue;
    }
    // Reflect x = A[k:, k] onto alpha·e1 with alpha of the opposite sign to x[0] (no cancellation).
    const x0 = a[k * n + k]!;
    const alpha = x0 >= 0 ? -norm : norm;
    const v = new Float64Array(m - k);
    for (let i = k; i < m; i++) v[i - k] = a[i * n + k]!;
    v[0] = x0 - alpha;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i]! * v[i]!;
    for (let i = 0; i < v.length; i++) v[i] = v[i]! * Math.sqrt(2 / vv); // now H = I − v vᵀ
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k]! * a[i * n + j]!;
      for (let i = k; i < m; i++) a[i * n + j] = a[i * n + j]! - s * v[i - k]!;
    }
    diag[k] = alpha;
    reflectors.push(v);
  }
  // Q = H_0 H_1 … H_{n−1} applied to the first n columns of the identity, innermost first.
  const q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) q[j * n + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = reflectors[k];
    if (v === null || v === undefined) continue;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k]! * q[i * n + j]!;
      if (s === 0) continue;
      for (let i = k; i < m; i++) q[i * n + j] = q[i * n + j]! - s * v[i - k]!;
    }
  }
  for (let j = 0; j < n; j++) {
    if (diag[j]! < 0) for (let i = 0; i < m; i++) q[i * n + j] = -q[i * n + j]!;
  }
  return q;
}
