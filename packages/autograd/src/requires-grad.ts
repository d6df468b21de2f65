import { isFloat, Variable, type Tensor } from '@nn/tensor';
import { autogradState } from './state.js';

/**
 * Whether gradients flow to `t`: it is a float tensor that is the value of a trainable Variable,
 * is being differentiated with respect to (`grad`, `valueAndGrad`, `watch`), or was computed from
 * such a tensor while recording.
 * @example
 * ```ts
 * const w = new Variable(ones([2]));
 * requiresGrad(w.value); // true
 * requiresGrad(ones([2])); // false
 * ```
 * @category Autograd
 */
export function requiresGrad(t: Tensor): boolean {
  if (!isFloat(t.dtype)) return false;
  const state = autogradState();
  if (state.nodes.has(t) || state.watched.has(t)) return true;
  return Variable.of(t)?.trainable ?? false;
}

/** Adds one watch on `t` (gradients are wanted for it); undone by `unwatch`. */
export function watch(t: Tensor): void {
  const { watched } = autogradState();
  watched.set(t, (watched.get(t) ?? 0) + 1);
}

/** Removes one watch added by `watch`. */
export function unwatch(t: Tensor): void {
  const { watched } = autogradState();
  const n = watched.get(t) ?? 0;
  if (n <= 1) watched.delete(t);
  else watched.set(t, n - 1);
}
