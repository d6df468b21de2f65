import type { Variable } from '@nn/tensor';

/**
 * The L2 norm of each Variable's gradient (after `backward`), by name — what the vanishing-gradient
 * explainer plots per layer. Variables without a gradient are left out.
 * @example
 * ```ts
 * const stop = enableGrad();
 * const w = new Variable(tensor([3, 4]), { name: 'w' });
 * backward(sum(w.value));
 * gradNorms([w]); // { w: 1.4142135623730951 }
 * stop();
 * ```
 * @category Autograd
 */
export function gradNorms(variables: Iterable<Variable>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of variables) {
    if (v.grad === null) continue;
    let sq = 0;
    for (const g of v.grad.dataSync()) sq += g * g;
    out[v.name] = Math.sqrt(sq);
  }
  return out;
}
