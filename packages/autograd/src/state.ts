import type { Tensor } from '@nn/tensor';

/**
 * One recorded step of the computation: the tensors it read, the tensor it produced, and how to
 * turn the gradient of its output into gradients of its inputs.
 */
export interface GradNode {
  /** The primitive op (or `customGrad` name) that produced `output`. */
  readonly op: string;
  /** Input names, aligned with `inputs` (e.g. `a`, `b`, `xs[1]`), for error messages. */
  readonly inputNames: readonly string[];
  /** The tensors the op read, in a fixed order. */
  readonly inputs: readonly Tensor[];
  /** The tensor the op produced. */
  readonly output: Tensor;
  /** Gradients of `inputs` given the gradient `dy` of `output` (null where none flows). */
  readonly backward: (dy: Tensor) => readonly (Tensor | null | undefined)[];
  /** Tensors this node holds with `retain` until the graph is released. */
  readonly saved: readonly Tensor[];
}

/** Process-wide autograd state, shared through `globalThis` like the engine's. */
export interface AutogradState {
  /** Open reasons to record (enableGrad calls and running grad/valueAndGrad scopes). */
  enabled: number;
  /** Running `grad`/`valueAndGrad` calls; an inner one records its backward pass for the outer. */
  gradScopes: number;
  /** Nodes recorded inside each running `grad`/`valueAndGrad`/`gradcheck` call, innermost last. */
  readonly nodeFrames: Set<GradNode>[];
  /** Open `noGrad` scopes; recording is off while any is open. */
  paused: number;
  /** Unsubscribes the engine listener; set while `enabled > 0`. */
  unsubscribe: (() => void) | null;
  /** Throw at the first NaN/Inf in forward or backward. */
  anomaly: boolean;
  /** Tensors explicitly differentiated with respect to, with a count per open scope. */
  readonly watched: Map<Tensor, number>;
  /** The node that produced each recorded tensor. */
  readonly nodes: WeakMap<Tensor, GradNode>;
  /** How many live nodes read each tensor. A dead tensor with none lets its own node go. */
  readonly consumers: WeakMap<Tensor, number>;
  /** Tensors whose scope ended while the graph held them: no code can start a backward pass from them. */
  readonly dead: WeakSet<Tensor>;
  /** Unsubscribes from the engine's deferred disposals; set once recording was first used. */
  deferredUnsubscribe: (() => void) | null;
}

const KEY = Symbol.for('@nn/autograd/state@0');

/** The autograd state (created on first use). */
export function autogradState(): AutogradState {
  const g = globalThis as { [KEY]?: AutogradState };
  g[KEY] ??= { enabled: 0, gradScopes: 0, nodeFrames: [], paused: 0, unsubscribe: null, anomaly: false, watched: new Map(), nodes: new WeakMap(),
    consumers: new WeakMap(), dead: new WeakSet(), deferredUnsubscribe: null };
  return g[KEY];
}
