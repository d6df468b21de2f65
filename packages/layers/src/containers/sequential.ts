import { ArgumentError, tidy, type Tensor } from '@nn/tensor';
import { Module } from '../module/module.js';

/** A module that maps one tensor to one tensor: what `Sequential` chains. @category Containers */
export type TensorModule = Module<[Tensor], Tensor>;

/**
 * Runs its modules one after another, each on the previous one's output, like
 * `torch.nn.Sequential`. The modules are its children `'0'`, `'1'`, … (so state-dict keys are
 * `0.weight`, …) and can be read as `seq[i]`.
 *
 * `x: [N, *] → [N, *']` (whatever the chain maps it to)
 *
 * @example
 * ```ts
 * const mlp = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));
 * mlp.call(zeros([3, 4])).shape;   // [3, 2]
 * mlp.length;                      // 3
 * mlp.at(0) instanceof Linear;     // true
 * Object.keys(mlp.stateDict());    // ['0.weight', '0.bias', '2.weight', '2.bias']
 * ```
 * @category Containers
 */
export class Sequential extends Module<[Tensor], Tensor> {
  [index: number]: TensorModule;

  constructor(...modules: TensorModule[]) {
    super();
    modules.forEach((m, i) => {
      if (!(m instanceof Module)) {
        throw new ArgumentError({ op: 'new Sequential', arg: `modules[${i}]`, expected: 'a Module', got: String(m) });
      }
      this[i] = m;
    });
  }

  /** The number of modules. */
  get length(): number {
    return this.children().length;
  }

  /**
   * The module at `index` (negative counts from the end).
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3), new ReLU()).at(-1) instanceof ReLU; // true
   * ```
   */
  at(index: number): TensorModule {
    const n = this.length;
    const i = index < 0 ? index + n : index;
    const m = Number.isInteger(i) && i >= 0 && i < n ? this[i] : undefined;
    if (m === undefined) {
      throw new ArgumentError({ op: 'Sequential.at', arg: 'index', expected: `an integer in [-${n}, ${n - 1}]`, got: String(index) });
    }
    return m;
  }

  /**
   * Applies every module in order.
   * @param x - the input of the first module.
   */
  forward(x: Tensor): Tensor {
    return tidy(() => {
      let out = x;
      for (const m of this.children() as unknown as TensorModule[]) out = m.call(out);
      return out;
    });
  }
}
