import { ArgumentError } from '@nn/tensor';
import { Module } from '../module/module.js';

/**
 * Holds sub-modules in a list so that their parameters are registered (keys `0.weight`, …),
 * like `torch.nn.ModuleList`. It has no `forward` of its own: the owner decides how to call them.
 * A plain array property of a module registers its modules the same way (`layers.0.weight`).
 *
 * @example
 * ```ts
 * const heads = new ModuleList([new Linear(4, 1), new Linear(4, 1)]);
 * heads.length;                     // 2
 * heads.parameters().length;        // 4
 * Object.keys(heads.stateDict())[0]; // '0.weight'
 * ```
 * @category Containers
 */
export class ModuleList<M extends Module<never[], unknown> = Module<never[], unknown>> extends Module<never[], never> {
  [index: number]: M;

  constructor(modules: readonly M[] = []) {
    super();
    modules.forEach((m, i) => {
      if (!(m instanceof Module)) {
        throw new ArgumentError({ op: 'new ModuleList', arg: `modules[${i}]`, expected: 'a Module', got: String(m) });
      }
      this[i] = m;
    });
  }

  /** The number of modules. */
  get length(): number {
    return this.children().length;
  }

  /** The modules in order. */
  [Symbol.iterator](): Iterator<M> {
    return (this.children() as M[])[Symbol.iterator]();
  }

  /** A ModuleList is a container; calling it is an error. */
  forward(): never {
    throw new ArgumentError({
      op: 'ModuleList.forward',
      expected: 'the owner to call the modules it holds',
      got: 'a call of the list itself',
    });
  }
}
