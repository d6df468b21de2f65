import { keep } from './engine/scope.js';
import { ArgumentError, ShapeError } from './errors.js';
import { formatShape, shapesEqual } from './shape.js';
import { Tensor } from './tensor.js';

let nextVariableId = 0;

/** Which Variable currently holds each tensor as its value. */
const owners = new WeakMap<Tensor, Variable>();

/** Options of a new `Variable`. @category Tensors */
export interface VariableOptions {
  /** A readable name (layers use the parameter path, e.g. `fc1.weight`). */
  name?: string;
  /** Whether optimizers and autograd treat it as a parameter (default `true`). */
  trainable?: boolean;
}

/**
 * A named, mutable slot holding a tensor: the meeting point of the packages. Layers create
 * Variables, autograd fills `grad`, optimizers read `grad` and `assign` a new `value`.
 *
 * @example
 * ```ts
 * const w = new Variable(zeros([2]), { name: 'w' });
 * w.assign(ones([2]));
 * w.value.toArray(); // [1, 1]
 * ```
 * @category Tensors
 */
export class Variable {
  /** A process-unique id. */
  readonly id: number;
  /** A readable name. */
  name: string;
  /** Whether it is a trainable parameter. */
  trainable: boolean;
  /** The gradient of the last backward pass (same shape as `value`), or `null`. */
  grad: Tensor | null = null;
  #value: Tensor;

  constructor(value: Tensor, options: VariableOptions = {}) {
    if (!(value instanceof Tensor)) {
      throw new ArgumentError({ op: 'new Variable', arg: 'value', expected: 'a Tensor', got: typeof value });
    }
    value.assertAlive('new Variable', 'value');
    this.id = nextVariableId++;
    this.name = options.name ?? `variable_${this.id}`;
    this.trainable = options.trainable ?? true;
    this.#value = keep(value);
    owners.set(value, this);
  }

  /**
   * The Variable whose current value is `t`, if any. Autograd uses it to route gradients of a
   * parameter's value to `Variable.grad`.
   * @example
   * ```ts
   * const v = new Variable(zeros([2]));
   * Variable.of(v.value) === v; // true
   * Variable.of(zeros([2]));    // undefined
   * ```
   */
  static of(t: Tensor): Variable | undefined {
    return owners.get(t);
  }

  /** The current value. Replaced (never mutated) by `assign`. */
  get value(): Tensor {
    return this.#value;
  }

  /** Shape of the value. */
  get shape(): readonly number[] {
    return this.#value.shape;
  }

  /** Dtype of the value. */
  get dtype(): Tensor['dtype'] {
    return this.#value.dtype;
  }

  /**
   * Replaces the value with `next` (same shape and dtype) and disposes the old value, like an
   * in-place update. `next` is kept out of any open `tidy` scope.
   * @param next - the new value.
   * @param options - `allowDTypeChange: true` accepts another dtype (how `Module.to('float64')`
   *   converts a model while every holder of the Variable keeps it).
   * @throws {@link "@nn/tensor".index.ShapeError | ShapeError} when the shape differs; {@link "@nn/tensor".index.ArgumentError | ArgumentError} when the dtype differs
   *   (unless allowed).
   * @example
   * ```ts
   * const v = new Variable(zeros([2]));
   * v.assign(ones([2], { dtype: 'float64' }));                              // throws ArgumentError
   * v.assign(ones([2], { dtype: 'float64' }), { allowDTypeChange: true });
   * v.dtype; // 'float64'
   * ```
   */
  assign(next: Tensor, options: { allowDTypeChange?: boolean } = {}): void {
    if (!(next instanceof Tensor)) {
      throw new ArgumentError({ op: 'Variable.assign', arg: 'next', expected: 'a Tensor', got: typeof next });
    }
    next.assertAlive('Variable.assign', 'next');
    if (!shapesEqual(next.shape, this.#value.shape)) {
      throw new ShapeError({
        op: 'Variable.assign',
        arg: 'next',
        expected: `shape ${formatShape(this.#value.shape)} (variable '${this.name}')`,
        got: formatShape(next.shape),
      });
    }
    if (next.dtype !== this.#value.dtype && options.allowDTypeChange !== true) {
      throw new ArgumentError({ op: 'Variable.assign', arg: 'next', expected: `dtype ${this.#value.dtype}`, got: next.dtype });
    }
    if (next === this.#value) return;
    const old = this.#value;
    this.#value = keep(next);
    owners.delete(old);
    owners.set(next, this);
    old.dispose();
  }

  /** Disposes the value and the gradient. */
  dispose(): void {
    this.#value.dispose();
    this.grad?.dispose();
    this.grad = null;
  }
}
