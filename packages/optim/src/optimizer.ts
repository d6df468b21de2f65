import {
  cast,
  clone,
  DTypeError,
  keep,
  ShapeError,
  square,
  sub,
  sum,
  Tensor,
  tidy,
  untracked,
  type Variable,
  zerosLike,
} from '@nn/tensor';
import { copyHyper, groupInputs, groupParams } from './param-groups.js';
import { checkStateDict } from './state-dict.js';
import type {
  GroupStats,
  HyperParams,
  OptimizerParams,
  OptimizerSpec,
  OptimizerStateDict,
  ParamGroup,
  ParamGroupInput,
  ParamState,
  ZeroGradOptions,
} from './types.js';
import { checkOptionKeys } from './validate.js';

/**
 * The base of every optimizer: parameter groups with their own hyper-parameters, per-parameter
 * state, `step()`, `zeroGrad()` and state dicts, as PyTorch's `torch.optim.Optimizer`. A subclass
 * supplies a pure update rule (`param, grad, state, hyper → value, state`); the base applies it to
 * every trainable parameter that has a gradient, inside `untracked` (nothing is recorded for
 * differentiation) and `tidy` (intermediates are freed).
 *
 * `zeroGrad()` sets gradients to `null` by default, as PyTorch 2.x does (PyTorch 1.13 zeroes
 * them): a null gradient costs no memory, the next `backward` creates it afresh, and the
 * optimizer skips parameters that got none, so a parameter unused by a loss is left untouched.
 *
 * @example
 * ```ts
 * const w = new Variable(tensor([1, 2]));
 * const opt = new SGD([w], { lr: 0.5 });
 * w.grad = tensor([1, -1]);
 * opt.step();
 * w.value.toArray(); // [0.5, 2.5]
 * opt.zeroGrad();
 * w.grad; // null
 * ```
 * @category Optimizers
 */
export abstract class Optimizer<H extends HyperParams = HyperParams> {
  /** The hyper-parameters a group gets unless it sets its own. */
  readonly defaults: Readonly<H>;
  /** The parameter groups, each with its own (mutable) hyper-parameters. */
  readonly paramGroups: ParamGroup<H>[] = [];
  /** Set to `true` to have `step()` fill `lastStats`; off by default (it costs a few reductions). */
  recordStats = false;
  /** Per-group statistics of the last `step()` while `recordStats` was on (else empty). */
  lastStats: GroupStats[] = [];
  readonly #spec: OptimizerSpec<H>;
  readonly #state = new Map<Variable, ParamState>();

  protected constructor(params: OptimizerParams<H>, defaults: H, spec: OptimizerSpec<H>) {
    const op = `new ${spec.name}`;
    this.#spec = spec;
    spec.check(defaults, op, 'options');
    this.defaults = Object.freeze(copyHyper(defaults) as unknown as H);
    groupInputs<H>(op, params).forEach((g, i) => this.#addGroup(op, g, `params[${i}]`));
  }

  /** The per-parameter state (moment estimates, step counts), by Variable. Read-only view. */
  get state(): ReadonlyMap<Variable, Readonly<ParamState>> {
    return this.#state;
  }

  /**
   * Adds a parameter group (PyTorch's `add_param_group`), e.g. to train new layers with their own
   * learning rate. Unset hyper-parameters take the optimizer's defaults.
   * @throws `ArgumentError` for a parameter already in a group, or a bad hyper-parameter.
   * @example
   * ```ts
   * const opt = new SGD([new Variable(zeros([2]))], { lr: 0.1 });
   * opt.addParamGroup({ params: [new Variable(zeros([3]))], lr: 0.01 });
   * opt.paramGroups.map((g) => g.lr); // [0.1, 0.01]
   * ```
   */
  addParamGroup(group: ParamGroupInput<H>): void {
    this.#addGroup(`${this.#spec.name}.addParamGroup`, group, 'group');
  }

  #addGroup(op: string, input: ParamGroupInput<H>, arg: string): void {
    checkOptionKeys(op, arg, input, ['params', ...Object.keys(this.defaults)]);
    const taken = new Set(this.paramGroups.flatMap((g) => g.params));
    const params = groupParams(op, arg, input.params, taken);
    const hyper = { ...copyHyper(this.defaults), ...copyHyper(input) } as unknown as H;
    this.#spec.check(hyper, op, arg);
    const group = { ...hyper, params } as ParamGroup<H>;
    const spec = this.#spec;
    if (spec.init !== undefined) {
      untracked(() => {
        for (const p of params) this.#state.set(p, keepAll(tidy(() => spec.init!(p.value, group))));
      });
    }
    this.paramGroups.push(group);
  }

  /**
   * Updates every trainable parameter that has a gradient, once. With a `closure` (which
   * recomputes the loss: zero the gradients, forward, backward), calls it first and returns what
   * it returns, as PyTorch.
   * @throws `ShapeError` or `DTypeError` when a gradient's shape or dtype differs from its parameter's.
   * @example
   * ```ts
   * const w = new Variable(tensor([3]));
   * const opt = new Adam([w], { lr: 0.1 });
   * const stop = enableGrad();
   * const loss = opt.step(() => {
   *   opt.zeroGrad();
   *   const l = sum(square(w.value));
   *   backward(l);
   *   return l.item();
   * });
   * stop();
   * loss; // 9
   * w.value.toArray(); // ≈ [2.9]
   * ```
   */
  step(): void;
  step<T>(closure: () => T): T;
  step<T>(closure?: () => T): T | undefined {
    const result = closure === undefined ? undefined : closure();
    // Every gradient is checked before anything changes: a bad one leaves all parameters as they were.
    for (const group of this.paramGroups) for (const p of group.params) this.#checkGrad(p);
    const stats = untracked(() => this.paramGroups.map((group) => tidy(() => this.#stepGroup(group))));
    this.lastStats = this.recordStats ? stats : [];
    return result;
  }

  #checkGrad(p: Variable): void {
    const grad = p.grad;
    if (grad === null || !p.trainable) return;
    const op = `${this.#spec.name}.step`;
    grad.assertAlive(op, `${p.name}.grad`);
    if (grad.shape.length !== p.shape.length || grad.shape.some((d, i) => d !== p.shape[i])) {
      const expected = `shape [${p.shape.join(', ')}]`;
      throw new ShapeError({ op, arg: `${p.name}.grad`, expected, got: `[${grad.shape.join(', ')}]` });
    }
    if (grad.dtype !== p.dtype) throw new DTypeError({ op, arg: `${p.name}.grad`, expected: p.dtype, got: grad.dtype });
  }

  #stepGroup(group: ParamGroup<H>): GroupStats {
    const sums = { grad: 0, update: 0, param: 0 };
    let updated = 0;
    for (const p of group.params) {
      const grad = p.grad;
      if (grad === null || !p.trainable) continue;
      const old = this.#state.get(p) ?? {};
      const { value, state } = this.#spec.update(p.value, grad, old, group);
      if (this.recordStats) {
        sums.grad += sum(square(grad)).item() as number;
        sums.update += sum(square(sub(value, p.value))).item() as number;
        sums.param += sum(square(value)).item() as number;
      }
      const next = keepAll(state);
      const live = new Set(Object.values(next));
      for (const t of Object.values(old)) if (t instanceof Tensor && !live.has(t)) t.dispose();
      this.#state.set(p, next);
      p.assign(value);
      updated++;
    }
    return {
      lr: group.lr,
      updated,
      gradNorm: Math.sqrt(sums.grad),
      updateNorm: Math.sqrt(sums.update),
      paramNorm: Math.sqrt(sums.param),
    };
  }

  /**
   * Clears the gradient of every parameter in every group: sets it to `null` and frees it
   * (default), or replaces it with zeros (`{ setToNone: false }`).
   * @example
   * ```ts
   * const w = new Variable(tensor([1, 2]));
   * const opt = new SGD([w]);
   * w.grad = tensor([3, 4]);
   * opt.zeroGrad({ setToNone: false });
   * w.grad?.toArray(); // [0, 0]
   * opt.zeroGrad();
   * w.grad; // null
   * ```
   */
  zeroGrad(options: ZeroGradOptions = {}): void {
    checkOptionKeys(`${this.#spec.name}.zeroGrad`, 'options', options, ['setToNone']);
    const setToNone = options.setToNone ?? true;
    untracked(() => {
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          const g = p.grad;
          if (g === null) continue;
          p.grad = setToNone ? null : keep(zerosLike(g));
          g.dispose();
        }
      }
    });
  }

  /**
   * A snapshot of the optimizer (PyTorch's `state_dict()`): the state of each parameter by its
   * index (counted across groups in order) and each group's hyper-parameters with its parameters'
   * indices. Tensors are copies, owned by the caller.
   * @example
   * ```ts
   * const w = new Variable(tensor([1, 2]));
   * const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
   * w.grad = tensor([1, 1]);
   * opt.step();
   * const sd = opt.stateDict();
   * sd.paramGroups[0].params; // [0]
   * sd.paramGroups[0].momentum; // 0.9
   * (sd.state[0].momentum_buffer as Tensor).toArray(); // [1, 1]
   * ```
   */
  stateDict(): OptimizerStateDict {
    return untracked(() => {
      const index = new Map<Variable, number>();
      const paramGroups = this.paramGroups.map((g) => ({
        ...copyHyper(g),
        params: g.params.map((p) => {
          index.set(p, index.size);
          return index.size - 1;
        }),
      }));
      const state: Record<number, ParamState> = {};
      for (const [p, s] of [...this.#state].sort((a, b) => index.get(a[0])! - index.get(b[0])!)) {
        const copy: ParamState = {};
        for (const [k, v] of Object.entries(s)) copy[k] = v instanceof Tensor ? clone(v) : v;
        state[index.get(p)!] = copy;
      }
      return { state, paramGroups };
    });
  }

  /**
   * Restores a snapshot from `stateDict()` (of an optimizer of the same class over parameters
   * in the same order and groups): hyper-parameters and per-parameter state. The snapshot is
   * copied (state tensors are cast to their parameter's dtype); it stays the caller's.
   * Everything is checked first: on an error nothing changes.
   * @throws `ArgumentError` when the number of groups or of parameters in a group differs,
   *   or for an unknown state entry or bad hyper-parameter; `ShapeError` when a state tensor's
   *   shape is not its parameter's.
   * @example
   * ```ts
   * const w = new Variable(tensor([1, 2]));
   * const opt = new Adam([w]);
   * w.grad = tensor([1, 1]);
   * opt.step();
   * const copy = new Adam([new Variable(tensor([1, 2]))]);
   * copy.loadStateDict(opt.stateDict());
   * copy.stateDict().state[0].step; // 1
   * copy.loadStateDict({ state: {}, paramGroups: [] }); // throws ArgumentError
   * ```
   */
  loadStateDict(stateDict: OptimizerStateDict): void {
    const op = `${this.#spec.name}.loadStateDict`;
    const { hypers, states } = checkStateDict(op, stateDict, this.paramGroups, this.#spec);
    untracked(() => {
      this.#disposeState();
      for (const [p, s] of states) {
        const copy: ParamState = {};
        for (const [k, v] of Object.entries(s))
          copy[k] = v instanceof Tensor ? keep(v.dtype === p.dtype ? clone(v) : cast(v, p.dtype)) : v;
        this.#state.set(p, copy);
      }
    });
    this.paramGroups.forEach((g, i) => Object.assign(g, hypers[i]));
  }

  /**
   * Frees every state tensor (the optimizer can go on: state restarts from scratch).
   * @example
   * ```ts
   * const w = new Variable(tensor([1]));
   * const opt = new Adam([w]);
   * w.grad = tensor([1]);
   * opt.step();
   * opt.dispose();
   * opt.state.size; // 0
   * ```
   */
  dispose(): void {
    this.#disposeState();
  }

  #disposeState(): void {
    for (const s of this.#state.values()) for (const v of Object.values(s)) if (v instanceof Tensor) v.dispose();
    this.#state.clear();
  }
}

/** Keeps every tensor of `state` out of the enclosing tidy scopes; returns `state`. */
function keepAll(state: ParamState): ParamState {
  for (const v of Object.values(state)) if (v instanceof Tensor) keep(v);
  return state;
}
