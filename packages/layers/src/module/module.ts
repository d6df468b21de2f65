import { ArgumentError, cast, isFloat, untracked, Variable, type DType, type Tensor } from '@nn/tensor';
import { loadState, type LoadStateDictOptions, type LoadStateDictResult, type StateDict } from './state-dict.js';
import { joinKey, stateKey } from './state-keys.js';
import { summarize, type ModuleSummary, type SummaryInput } from './summary.js';

/**
 * Called after a module's `forward` by `Module.call`, with the module, the arguments and the
 * output. Returning a value other than `undefined` replaces the output (as in PyTorch).
 * @category Modules
 */
export type ForwardHook = (module: Module<never[], unknown>, inputs: readonly unknown[], output: unknown) => unknown;

/** Removes the hook it was returned for. @category Modules */
export interface HookHandle {
  /** Unregisters the hook; calling it twice is harmless. */
  remove(): void;
}

/** Variables registered as buffers (state that is saved but not trained, e.g. running means). */
const buffers = new WeakSet<Variable>();

/**
 * Base class of every layer and model. A subclass creates its parameters (`Variable`s) and
 * sub-modules as ordinary properties in its constructor and implements `forward`; the base class
 * finds them by walking the instance's own enumerable properties in creation order (a property
 * holding a `Module`, a `Variable`, or an array of them; integer-named properties, as in
 * `Sequential`, come first).
 *
 * State-dict keys and `namedParameters()` paths are PyTorch's: the snake_case form of each
 * property name joined by dots (`this.fc1.weight` → `fc1.weight`, `this.norm.runningMean` →
 * `norm.running_mean`, `this.layers[0].selfAttn` → `layers.0.self_attn`), own parameters first,
 * then own buffers, then each child in order. So a model written with the same structure as a
 * PyTorch model has the same keys, and weights move between them through safetensors.
 *
 * Call a module with `call(...)`, which runs `forward` and then the forward hooks (a page that
 * shows what each layer sees registers one). A module owns its parameters: `dispose()` frees them.
 *
 * @example
 * ```ts
 * class TwoLayer extends Module {
 *   fc1 = new Linear(4, 8);
 *   fc2 = new Linear(8, 2);
 *   forward(x: Tensor): Tensor {
 *     return this.fc2.call(relu(this.fc1.call(x)));
 *   }
 * }
 * const model = new TwoLayer();
 * model.call(zeros([5, 4])).shape;                     // [5, 2]
 * model.namedParameters().map(([name]) => name);      // ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
 * model.parameters().length;                           // 4
 * ```
 * @category Modules
 */
export abstract class Module<Args extends unknown[] = [Tensor], Out = Tensor> {
  /** Whether the module is in training mode (dropout active, batch norm using batch statistics). */
  training = true;
  readonly #hooks = new Set<ForwardHook>();

  /** The computation of this module. Call it through `call` so that forward hooks run. */
  abstract forward(...args: Args): Out;

  /**
   * Runs `forward(...args)`, then every forward hook in registration order.
   * @example
   * ```ts
   * new Linear(3, 2).call(zeros([4, 3])).shape; // [4, 2]
   * ```
   */
  call(...args: Args): Out {
    let output = this.forward(...args);
    for (const hook of [...this.#hooks]) {
      const replaced = hook(this as unknown as Module<never[], unknown>, args, output);
      if (replaced !== undefined) output = replaced as Out;
    }
    return output;
  }

  /**
   * Registers `hook` to run after every `call` of this module (not of its children).
   * @returns a handle whose `remove()` unregisters it.
   * @example
   * ```ts
   * const layer = new Linear(3, 2);
   * const seen: number[][] = [];
   * const handle = layer.registerForwardHook((_m, _inputs, out) => { seen.push([...(out as Tensor).shape]); });
   * layer.call(zeros([4, 3]));
   * handle.remove();
   * layer.call(zeros([1, 3]));
   * seen; // [[4, 2]]
   * ```
   */
  registerForwardHook(hook: ForwardHook): HookHandle {
    if (typeof hook !== 'function') {
      throw new ArgumentError({ op: 'Module.registerForwardHook', arg: 'hook', expected: 'a function', got: typeof hook });
    }
    const wrapped: ForwardHook = (m, i, o) => hook(m, i, o);
    this.#hooks.add(wrapped);
    return { remove: () => void this.#hooks.delete(wrapped) };
  }

  /**
   * Creates a buffer: a non-trainable Variable that is saved in the state dict and moved by `to`,
   * but is not a parameter (batch norm's running statistics). Assign it to a property.
   * @example
   * ```ts
   * class Counter extends Module {
   *   count = this.registerBuffer(zeros([1]));
   *   forward(x: Tensor): Tensor { return x; }
   * }
   * const c = new Counter();
   * c.parameters().length;                  // 0
   * Object.keys(c.stateDict());             // ['count']
   * ```
   */
  protected registerBuffer(value: Tensor, name = 'buffer'): Variable {
    const v = new Variable(value, { name, trainable: false });
    buffers.add(v);
    return v;
  }

  /**
   * The direct sub-modules with their keys (`'fc1'`, `'0'`, `'layers.0'` for arrays).
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3), new ReLU()).namedChildren().map(([k]) => k); // ['0', '1']
   * ```
   */
  namedChildren(): [string, Module<never[], unknown>][] {
    return this.#ownEntries().filter((e): e is [string, Module<never[], unknown>] => e[1] instanceof Module);
  }

  /**
   * The direct sub-modules.
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3), new ReLU()).children().length; // 2
   * ```
   */
  children(): Module<never[], unknown>[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /**
   * This module (key `''`) and every descendant, depth first, with its dotted path.
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3), new ReLU()).namedModules().map(([k]) => k); // ['', '0', '1']
   * ```
   */
  namedModules(prefix = ''): [string, Module<never[], unknown>][] {
    const out: [string, Module<never[], unknown>][] = [];
    const seen = new Set<Module<never[], unknown>>();
    const visit = (path: string, m: Module<never[], unknown>) => {
      if (seen.has(m)) return;
      seen.add(m);
      out.push([path, m]);
      for (const [key, child] of m.namedChildren()) visit(joinKey(path, key), child);
    };
    visit(prefix, this as unknown as Module<never[], unknown>);
    return out;
  }

  /**
   * This module and every descendant, depth first.
   * @example
   * ```ts
   * new Sequential(new Linear(2, 3), new ReLU()).modules().length; // 3
   * ```
   */
  modules(): Module<never[], unknown>[] {
    return this.namedModules().map(([, m]) => m);
  }

  /**
   * Every parameter with its state-dict path, own parameters first, then each child's. A
   * Variable shared by two modules is listed once. Frozen parameters (`trainable = false`) are
   * included; optimizers skip them.
   * @example
   * ```ts
   * new Linear(3, 2).namedParameters().map(([k, v]) => [k, v.shape]); // [['weight', [2, 3]], ['bias', [2]]]
   * ```
   */
  namedParameters(): [string, Variable][] {
    return this.#collect((v) => !buffers.has(v));
  }

  /**
   * Every parameter (see `namedParameters`): what an optimizer is given.
   * @example
   * ```ts
   * new Linear(3, 2).parameters().length; // 2
   * ```
   */
  parameters(): Variable[] {
    return this.namedParameters().map(([, v]) => v);
  }

  /**
   * Every buffer (see `registerBuffer`) with its state-dict path.
   * @example
   * ```ts
   * new BatchNorm1d(3).namedBuffers().map(([k]) => k); // ['running_mean', 'running_var', 'num_batches_tracked']
   * ```
   */
  namedBuffers(): [string, Variable][] {
    return this.#collect((v) => buffers.has(v));
  }

  /**
   * Every buffer.
   * @example
   * ```ts
   * new BatchNorm1d(3).buffers().length; // 3
   * ```
   */
  buffers(): Variable[] {
    return this.namedBuffers().map(([, v]) => v);
  }

  /**
   * The parameters and buffers by key, in PyTorch's order (per module: parameters, buffers,
   * then children). The values are the live tensors the module holds, not copies: read or save
   * them, but do not dispose them.
   * @example
   * ```ts
   * Object.keys(new Linear(3, 2).stateDict()); // ['weight', 'bias']
   * ```
   */
  stateDict(): StateDict {
    return Object.fromEntries(this.#collect(() => true).map(([k, v]) => [k, v.value]));
  }

  /**
   * Copies tensors into the parameters and buffers of the same keys. Every key and shape is
   * checked before anything changes, so a failed load leaves the module as it was. Values are
   * copied (the caller keeps ownership of `state`) and cast to each parameter's dtype.
   * @param state - tensors by key, e.g. from `stateDict()` or `loadSafetensors`.
   * @param options - `strict` (default `true`): missing or unexpected keys are an error; with
   *   `strict: false` they are returned instead. A shape mismatch is always an error.
   * @throws `ArgumentError` naming the missing and unexpected keys (strict);
   *   `ShapeError` naming the key whose shape differs.
   * @example
   * ```ts
   * const a = new Linear(3, 2);
   * const b = new Linear(3, 2);
   * b.loadStateDict(a.stateDict());
   * b.weight.value.toArray().flat().join() === a.weight.value.toArray().flat().join(); // true
   * b.loadStateDict({ weight: zeros([2, 3]) });   // throws ArgumentError (bias is missing)
   * b.loadStateDict({ weight: zeros([2, 3]) }, { strict: false }).missingKeys; // ['bias']
   * ```
   */
  loadStateDict(state: StateDict, options: LoadStateDictOptions = {}): LoadStateDictResult {
    return loadState(this.#collect(() => true), state, options);
  }

  /**
   * Sets training mode on this module and every descendant (dropout on, batch norm using and
   * updating batch statistics).
   * @returns this module.
   * @example
   * ```ts
   * const m = new Sequential(new Dropout(0.5)).eval();
   * m.train().training; // true
   * ```
   */
  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }

  /**
   * Sets evaluation mode on this module and every descendant: same as `train(false)`.
   * @returns this module.
   * @example
   * ```ts
   * new Dropout(0.5).eval().training; // false
   * ```
   */
  eval(): this {
    return this.train(false);
  }

  /**
   * Calls `fn` on every descendant (children first, depth first) and then on this module, as
   * PyTorch's `Module.apply`: the way to re-initialise a model's weights.
   * @returns this module.
   * @example
   * ```ts
   * const model = new Sequential(new Linear(2, 2), new Linear(2, 1));
   * model.apply((m) => { if (m instanceof Linear) init.zeros(m.weight); });
   * model.parameters().filter((p) => p.name === 'weight').every((p) => p.value.toArray().flat().every((v) => v === 0)); // true
   * ```
   */
  apply(fn: (module: Module<never[], unknown>) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this as unknown as Module<never[], unknown>);
    return this;
  }

  /**
   * Converts every floating-point parameter and buffer to `dtype` (`'float64'` for gradcheck).
   * @returns this module.
   * @example
   * ```ts
   * new Linear(2, 2).to('float64').weight.dtype; // 'float64'
   * ```
   */
  to(dtype: DType): this {
    if (!isFloat(dtype)) {
      throw new ArgumentError({ op: 'Module.to', arg: 'dtype', expected: 'float32 | float64', got: String(dtype) });
    }
    untracked(() => {
      for (const [, v] of this.#collect(() => true)) {
        if (isFloat(v.dtype) && v.dtype !== dtype) v.assign(cast(v.value, dtype), { allowDTypeChange: true });
      }
    });
    return this;
  }

  /**
   * Clears the gradient of every parameter (`grad = null`, disposing it).
   * @example
   * ```ts
   * const layer = new Linear(2, 1);
   * layer.weight.grad = ones([1, 2]);
   * layer.zeroGrad();
   * layer.weight.grad; // null
   * ```
   */
  zeroGrad(): void {
    for (const p of this.parameters()) {
      p.grad?.dispose();
      p.grad = null;
    }
  }

  /**
   * A table of every sub-module: its path, type, parameter count and, given an example input
   * (a tensor, a shape to fill with zeros, or an array of arguments), its output shape. Returns
   * data (`rows`, totals) whose `toString()` is the printed table.
   * @example
   * ```ts
   * const s = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10)).summary([1, 784]);
   * s.totalParams;                        // 101770
   * s.rows.map((r) => r.outputShape);    // [[1, 10], [1, 128], [1, 128], [1, 10]]
   * ```
   */
  summary(input?: SummaryInput): ModuleSummary {
    return summarize(this as unknown as Module<unknown[], unknown>, input);
  }

  /**
   * Frees every parameter and buffer (and their gradients). The module is unusable afterwards.
   * @example
   * ```ts
   * const layer = new Linear(2, 2);
   * layer.dispose();
   * layer.weight.value.isDisposed; // true
   * ```
   */
  dispose(): void {
    for (const [, v] of this.#collect(() => true)) {
      v.grad?.dispose();
      v.grad = null;
      v.value.dispose();
    }
  }

  /** Own `[key, Module | Variable]` entries, arrays expanded to `key.i`, keys in snake_case. */
  #ownEntries(): [string, Module<never[], unknown> | Variable][] {
    const out: [string, Module<never[], unknown> | Variable][] = [];
    for (const property of Object.keys(this)) {
      const value = (this as Record<string, unknown>)[property];
      const key = stateKey(property);
      if (value instanceof Module || value instanceof Variable) out.push([key, value]);
      else if (Array.isArray(value)) {
        value.forEach((item: unknown, i) => {
          if (item instanceof Module || item instanceof Variable) out.push([`${key}.${i}`, item]);
        });
      }
    }
    return out;
  }

  /** Variables passing `keep`, by key: per module its parameters, then its buffers, then children. */
  #collect(keep: (v: Variable) => boolean): [string, Variable][] {
    const out: [string, Variable][] = [];
    const seen = new Set<Variable>();
    for (const [path, m] of this.namedModules()) {
      const own = m.#ownEntries().filter((e): e is [string, Variable] => e[1] instanceof Variable);
      const ordered = [...own.filter(([, v]) => !buffers.has(v)), ...own.filter(([, v]) => buffers.has(v))];
      for (const [key, v] of ordered) {
        if (seen.has(v) || !keep(v)) continue;
        seen.add(v);
        out.push([joinKey(path, key), v]);
      }
    }
    return out;
  }
}
