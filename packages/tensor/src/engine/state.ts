import type { Backend, DataId } from '../kernels/op-specs.js';
import type { OpListener } from './op-record.js';

/** Anything the engine tracks for disposal: a tensor, seen structurally to avoid an import cycle. */
interface Tracked {
  readonly dataId: DataId;
  readonly backend: Backend;
}

interface HeldStorage {
  readonly backend: Backend;
  readonly dataId: DataId;
}

/** The engine's process-wide state. */
export interface EngineState {
  backend: Backend | null;
  readonly listeners: Set<OpListener>;
  /** Open `untracked` scopes; while any is open, op listeners are not told. */
  untrackedDepth: number;
  /** Open `tidy`/`scope` frames, innermost last; each holds the tensors created inside it. */
  readonly scopes: Set<Tracked>[];
  /** Frees storage of tensors that were garbage-collected without `dispose()`. */
  readonly finalizer: FinalizationRegistry<HeldStorage>;
  /** How many holders (e.g. an autograd graph) still need each retained tensor. */
  readonly retainCounts: WeakMap<Tracked, number>;
  /** Retained tensors whose scope ended: disposed when their last holder releases them. */
  readonly pendingDispose: WeakSet<Tracked>;
  /** Told when a scope ends on a retained tensor (its holders may then let go of it early). */
  readonly deferredDisposeListeners: Set<(t: Tracked) => void>;
}

const KEY = Symbol.for('@nn/tensor/engine@0');

/**
 * The engine state, shared through `globalThis` so that two copies of this package in one bundle
 * still agree on the active backend and listeners.
 */
export function engineState(): EngineState {
  const g = globalThis as { [KEY]?: EngineState };
  let state = g[KEY];
  if (state === undefined) {
    state = {
      backend: null,
      listeners: new Set(),
      untrackedDepth: 0,
      scopes: [],
      finalizer: new FinalizationRegistry((held) => held.backend.disposeData(held.dataId)),
      retainCounts: new WeakMap(),
      pendingDispose: new WeakSet(),
      deferredDisposeListeners: new Set(),
    };
    g[KEY] = state;
  }
  return state;
}

/** Starts tracking a new tensor: in the innermost scope, and by the GC safety net. */
export function track(t: Tracked): void {
  const state = engineState();
  state.finalizer.register(t, { backend: t.backend, dataId: t.dataId }, t);
  state.scopes.at(-1)?.add(t);
}

/** Stops tracking a tensor that is being disposed explicitly. */
export function releaseTracking(t: Tracked): void {
  const state = engineState();
  state.finalizer.unregister(t);
  for (let i = state.scopes.length - 1; i >= 0; i--) {
    if (state.scopes[i]!.delete(t)) break;
  }
}
