// A second-order gradient check for tests, independent of the library's `gradgradcheck`.
import { mul, sum, tensor, type Tensor } from '@nn/tensor';
import { grad, GradientError } from '../../src/index.js';

/** Fixed, non-uniform cotangent weights for an output of `shape`. */
function cotangent(shape: readonly number[]): Tensor {
  let size = 1;
  for (const d of shape) size *= d;
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) w[i] = 0.5 + ((i * 7919) % 13) / 13;
  return tensor(w, { shape });
}

/** `xs ↦ [∂/∂x_i sum(f(xs)·w)]_i`, computed with `grad` (recorded when called inside another `grad`). */
function firstDerivatives<A extends Tensor[]>(f: (...xs: A) => Tensor, w: Tensor): (...xs: A) => Tensor[] {
  return (...xs: A) => {
    const g = grad((...ys: A) => sum(mul(f(...ys), w)))(...xs) as unknown;
    return xs.length === 1 ? [g as Tensor] : (g as Tensor[]);
  };
}

/**
 * Checks the second derivatives of `f` at `inputs` (float64): the analytic derivatives of
 * `G(x) = ∇ sum(f(x)·w)`, obtained by differentiating `G` with an outer `grad` (so through the
 * gradient rules themselves), against central differences of `G`, element by element.
 * Returns the number of Hessian entries compared; throws a `GradientError` on a mismatch.
 */
export function secondOrderCheck<A extends Tensor[]>(
  f: (...xs: A) => Tensor,
  inputs: A,
  { eps = 1e-6, atol = 1e-5, rtol = 1e-3 } = {},
): number {
  const w = cotangent(f(...inputs).shape);
  const G = firstDerivatives(f, w);
  // numeric[j][k][i] = G_i evaluated at inputs with x_j[k] ± eps, as a central difference.
  const numeric = inputs.map((x, j) => {
    const values = Float64Array.from(x.dataSync());
    return Array.from(values, (_, k) => {
      const at = (delta: number): Float64Array[] => {
        const v = values.slice();
        v[k] = v[k]! + delta;
        const args = inputs.map((t, jj) => (jj === j ? tensor(v, { shape: x.shape }) : t)) as A;
        return G(...args).map((g) => Float64Array.from(g.dataSync()));
      };
      const plus = at(eps);
      const minus = at(-eps);
      return plus.map((p, i) => p.map((pv, e) => (pv - minus[i]![e]!) / (2 * eps)));
    });
  });
  let compared = 0;
  inputs.forEach((xi, i) => {
    for (let e = 0; e < xi.size; e++) {
      const pick = new Float64Array(xi.size);
      pick[e] = 1;
      const selector = tensor(pick, { shape: xi.shape });
      const row = grad((...xs: A) => sum(mul(G(...xs)[i]!, selector)))(...inputs) as unknown;
      const rows = (inputs.length === 1 ? [row] : row) as Tensor[];
      rows.forEach((r, j) => {
        const analytic = r.dataSync();
        for (let k = 0; k < analytic.length; k++) {
          const n = numeric[j]![k]![i]![e]!;
          const a = analytic[k]!;
          compared++;
          if (Math.abs(a - n) <= atol + rtol * Math.abs(n)) continue;
          throw new GradientError({
            op: 'secondOrderCheck',
            arg: `inputs[${j}]`,
            expected: `d²/d in${i}[${e}] d in${j}[${k}] = ${n} (numeric)`,
            got: `${a} (analytic)`,
          });
        }
      });
    }
  });
  return compared;
}
