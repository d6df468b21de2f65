import { ArgumentError, keep, onesLike, ShapeError, Tensor, Variable, zerosLike } from '@nn/tensor';
import { runKernel } from '@nn/tensor/backend';
import { reversePass } from './backward-pass.js';
import { withNodeFrame } from './node-frame.js';
import { GradientError } from './errors.js';
import { closeRecording, isRecording, openRecording } from './recorder.js';
import { requiresGrad, unwatch, watch } from './requires-grad.js';
import { autogradState } from './state.js';
import { add } from './tensor-ops.js';

/**
 * Turns gradient recording on for the whole program (until the returned function is called):
 * every op on a trainable Variable's value, or on a tensor computed from one, is recorded so that
 * `backward(loss)` can run. Call it once before a training loop; use `noGrad` for evaluation.
 *
 * @returns a function that turns this `enableGrad` off again.
 * @example
 * ```ts
 * const stop = enableGrad();
 * const w = new Variable(tensor([1, 2]));
 * backward(sum(mul(w.value, w.value)));
 * w.grad?.toArray(); // [2, 4]
 * stop();
 * ```
 * @category Autograd
 */
export function enableGrad(): () => void {
  openRecording();
  let open = true;
  return () => {
    if (open) closeRecording();
    open = false;
  };
}

/**
 * Whether ops run now are being recorded for differentiation.
 * @example
 * ```ts
 * isGradEnabled(); // false
 * ```
 * @category Autograd
 */
export function isGradEnabled(): boolean {
  return isRecording();
}

/**
 * Runs `fn` without recording anything for differentiation (evaluation, weight updates).
 * @example
 * ```ts
 * const stop = enableGrad();
 * const w = new Variable(tensor([3]));
 * const y = noGrad(() => mul(w.value, 2));
 * requiresGrad(y); // false
 * stop();
 * ```
 * @category Autograd
 */
export function noGrad<T>(fn: () => T): T {
  const state = autogradState();
  state.paused++;
  try {
    return fn();
  } finally {
    state.paused--;
  }
}

/**
 * A copy of `t` cut from the graph: gradients do not flow through it.
 * @example
 * ```ts
 * const stop = enableGrad();
 * const w = new Variable(tensor([3]));
 * requiresGrad(detach(w.value)); // false
 * stop();
 * ```
 * @category Autograd
 */
export function detach(t: Tensor): Tensor {
  return noGrad(() => runKernel('Reshape', { x: t }, { shape: t.shape }));
}

/** Options of `backward`. @category Autograd */
export interface BackwardOptions {
  /** The gradient of `loss` itself; required when `loss` has more than one element. */
  gradient?: Tensor;
  /** Keep the graph so `backward` can run through it again (default `false`). */
  retainGraph?: boolean;
  /** Record the backward pass so gradients can be differentiated again (default `false`). */
  createGraph?: boolean;
}

function seedFor(op: string, root: Tensor, gradient: Tensor | undefined): Tensor {
  if (gradient === undefined) {
    if (root.size !== 1) {
      throw new ShapeError({
        op,
        arg: 'loss',
        expected: 'a one-element loss, or options.gradient with its shape',
        got: `shape [${root.shape.join(',')}]`,
      });
    }
    return onesLike(root);
  }
  const same = gradient.shape.length === root.shape.length && gradient.shape.every((d, i) => d === root.shape[i]);
  if (!same) {
    throw new ShapeError({ op, arg: 'gradient', expected: `shape [${root.shape.join(',')}]`, got: `[${gradient.shape.join(',')}]` });
  }
  return gradient;
}

/**
 * Computes the gradient of `loss` with respect to every trainable Variable it was computed from,
 * and adds it to `Variable.grad` (gradients accumulate across calls, as in PyTorch: clear them
 * with the optimizer's `zeroGrad()`). The forward pass must have run while recording
 * (`enableGrad()`). The graph is released afterwards unless `retainGraph`.
 *
 * Shapes: `loss: []` (or any shape with `options.gradient` of that shape); each `v.grad` has
 * `v.value`'s shape.
 * @throws A {@link GradientError} when `loss` was not recorded from any trainable Variable.
 * @example
 * ```ts
 * const stop = enableGrad();
 * const w = new Variable(tensor([1, -2]));
 * backward(sum(square(w.value)));
 * w.grad?.toArray(); // [2, -4]
 * stop();
 * ```
 * @category Autograd
 */
export function backward(loss: Tensor, options: BackwardOptions = {}): void {
  if (!(loss instanceof Tensor)) {
    throw new ArgumentError({ op: 'backward', arg: 'loss', expected: 'a Tensor', got: typeof loss });
  }
  loss.assertAlive('backward', 'loss');
  if (!requiresGrad(loss)) {
    throw new GradientError({
      op: 'backward',
      arg: 'loss',
      expected: 'a tensor computed, while recording, from a trainable Variable',
      got: 'a tensor with no graph',
      hint: 'Call enableGrad() before the forward pass, or use valueAndGrad(f)',
    });
  }
  const createGraph = options.createGraph ?? false;
  const seed = seedFor('backward', loss, options.gradient);
  const leaves = reversePass(loss, seed, { createGraph, retainGraph: options.retainGraph ?? createGraph });
  // The seed we made is ours to free, unless a recorded backward op still reads it or it is a result.
  if (options.gradient === undefined && !createGraph && ![...leaves.values()].includes(seed)) seed.dispose();
  for (const [t, g] of leaves) {
    const v = Variable.of(t);
    if (v === undefined || !v.trainable) {
      if (g !== seed) g.dispose();
      continue;
    }
    const previous = v.grad;
    v.grad = keep(previous === null ? g : add(previous, g));
    if (previous !== null) {
      previous.dispose();
      g.dispose();
    }
  }
}

/** What `grad` and `valueAndGrad` differentiate with respect to. @category Autograd */
export type Differentiable = Tensor | Variable | readonly Differentiable[] | { readonly [key: string]: Differentiable };

/** The gradients of a `Differentiable`, in the same structure (Variables become tensors). @category Autograd */
export type GradsOf<T> = T extends Tensor | Variable
  ? Tensor
  : { [K in keyof T]: GradsOf<T[K]> };

/** The gradients `grad(f)` returns: one argument's own structure, or an array with one entry per argument. @category Autograd */
export type GradsOfArgs<A extends readonly unknown[]> = A extends readonly [infer Only] ? GradsOf<Only> : GradsOf<A>;

function leavesOf(value: Differentiable, out: Tensor[]): void {
  if (value instanceof Tensor) out.push(value);
  else if (value instanceof Variable) out.push(value.value);
  else if (Array.isArray(value)) for (const v of value) leavesOf(v as Differentiable, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) leavesOf(v, out);
  else throw new ArgumentError({ op: 'grad', arg: 'args', expected: 'Tensors, Variables, or arrays/records of them', got: String(value) });
}

function mapStructure(value: Differentiable, grads: Map<Tensor, Tensor>): unknown {
  if (value instanceof Tensor || value instanceof Variable) {
    const t = value instanceof Variable ? value.value : value;
    return grads.get(t) ?? zerosLike(t);
  }
  if (Array.isArray(value)) return value.map((v) => mapStructure(v as Differentiable, grads));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStructure(v, grads)]));
}

/**
 * Returns a function computing both `f(...args)` and its gradient with respect to every tensor or
 * Variable in `args` (in the same structure: arrays and records work). `f` must return a
 * one-element tensor. Nested calls (`grad(grad(f))`) record the inner gradient so the outer one
 * can differentiate it.
 *
 * @example
 * ```ts
 * const f = (x: Tensor) => sum(mul(x, x));
 * const { value, grads } = valueAndGrad(f)(tensor([1, 2, 3]));
 * value.item();      // 14
 * grads.toArray();   // [2, 4, 6]
 * ```
 * @category Autograd
 */
export function valueAndGrad<A extends Differentiable[]>(
  f: (...args: A) => Tensor,
): (...args: A) => { value: Tensor; grads: GradsOfArgs<A> } {
  return (...args: A) => {
    const leaves: Tensor[] = [];
    for (const a of args) leavesOf(a, leaves);
    const state = autogradState();
    const nested = state.gradScopes > 0 && isRecording();
    for (const t of leaves) watch(t);
    openRecording();
    state.gradScopes++;
    try {
      return withNodeFrame(nested, () => {
        const value = f(...args);
        if (!(value instanceof Tensor)) {
          throw new ArgumentError({ op: 'valueAndGrad', arg: 'f', expected: 'a function returning a Tensor', got: typeof value });
        }
        const seed = seedFor('valueAndGrad', value, undefined);
        const grads = requiresGrad(value)
          ? reversePass(value, seed, { createGraph: nested, retainGraph: nested })
          : new Map<Tensor, Tensor>();
        const mapped = args.length === 1 ? mapStructure(args[0]!, grads) : args.map((a) => mapStructure(a, grads));
        if (!nested && ![...grads.values()].includes(seed)) seed.dispose();
        return { value, grads: mapped as never };
      });
    } finally {
      state.gradScopes--;
      closeRecording();
      for (const t of leaves) unwatch(t);
    }
  };
}

/**
 * Returns a function computing the gradient of `f` (which returns a one-element tensor) with
 * respect to its arguments, in the same structure. `grad(grad(f))` gives second derivatives
 * wherever the gradient rules are themselves differentiable.
 * @example
 * ```ts
 * const cube = (x: Tensor) => sum(pow(x, 3));
 * grad(cube)(tensor([2])).toArray();                                // [12]
 * grad((x: Tensor) => sum(grad(cube)(x)))(tensor([2])).toArray();   // [12]
 * ```
 * @category Autograd
 */
export function grad<A extends Differentiable[]>(
  f: (...args: A) => Tensor,
): (...args: A) => GradsOfArgs<A> {
  const vg = valueAndGrad(f);
  return (...args: A): GradsOfArgs<A> => {
    const { grads } = vg(...args) as { grads: unknown };
    return grads as GradsOfArgs<A>;
  };
}
