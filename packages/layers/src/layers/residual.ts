import { add, ArgumentError, ShapeError, tidy, type Tensor } from '@nn/tensor';
import { Identity } from '../containers/identity.js';
import { Module } from '../module/module.js';
import { checkOptions, shapeText, show } from './checks.js';
import type { TensorModule } from '../containers/sequential.js';

/** Options of `Residual`. @category Containers */
export interface ResidualOptions {
  /** The skip path (default `Identity`); e.g. a 1×1 `Conv2d` or a `Linear` where the shapes change. */
  shortcut?: TensorModule;
}

/**
 * A residual connection, `x → inner(x) + shortcut(x)` (a ResNet block's skip connection; the
 * shortcut is the identity by default). PyTorch has no such module (one writes the addition in
 * `forward`); this is @nn's own container. State-dict keys are `inner.*` and `shortcut.*`.
 *
 * `x: [*] → [*']` where `inner(x)` and `shortcut(x)` have the same shape `[*']`.
 *
 * @param inner - the residual branch.
 * @param options - `shortcut`.
 * @throws `ArgumentError` when `inner` or `shortcut` is not a Module.
 * @example
 * ```ts
 * const block = new Residual(new Sequential(new Linear(4, 4), new ReLU(), new Linear(4, 4)));
 * block.call(zeros([2, 4])).shape;          // [2, 4]
 * Object.keys(block.stateDict())[0];         // 'inner.0.weight'
 * const proj = new Residual(new Linear(4, 8), { shortcut: new Linear(4, 8, { bias: false }) });
 * proj.call(zeros([2, 4])).shape;           // [2, 8]
 * new Residual(new Linear(4, 8)).call(zeros([2, 4])); // throws ShapeError
 * ```
 * @category Containers
 */
export class Residual extends Module<[Tensor], Tensor> {
  /** The residual branch. */
  inner: TensorModule;
  /** The skip path. */
  shortcut: TensorModule;

  constructor(inner: TensorModule, options: ResidualOptions = {}) {
    super();
    const op = 'new Residual';
    if (!(inner instanceof Module)) throw new ArgumentError({ op, arg: 'inner', expected: 'a Module', got: show(inner) });
    const o = checkOptions(op, options, ['shortcut']);
    const shortcut = o.shortcut ?? new Identity();
    if (!(shortcut instanceof Module)) throw new ArgumentError({ op, arg: 'shortcut', expected: 'a Module', got: show(shortcut) });
    this.inner = inner;
    this.shortcut = shortcut;
  }

  /**
   * `inner(x) + shortcut(x)`.
   * @param x - the input of both paths.
   * @throws `ShapeError` when the two paths give different shapes.
   */
  forward(x: Tensor): Tensor {
    return tidy(() => {
      const a = this.inner.call(x);
      const b = this.shortcut.call(x);
      if (a.rank !== b.rank || a.shape.some((d, i) => d !== b.shape[i])) {
        throw new ShapeError({
          op: 'Residual.forward',
          arg: 'x',
          expected: 'inner(x) and shortcut(x) of the same shape',
          got: `${shapeText(a.shape)} and ${shapeText(b.shape)}`,
        });
      }
      return add(a, b);
    });
  }
}
