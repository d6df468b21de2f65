import { ArgumentError, cast, clone, ShapeError, Tensor, untracked, type Variable } from '@nn/tensor';

/**
 * Tensors by state-dict key (`'fc1.weight'`, `'norm.running_mean'`): what `Module.stateDict`
 * returns, `Module.loadStateDict` takes, and safetensors files hold.
 * @category Modules
 */
export type StateDict = Record<string, Tensor>;

/** Options of `Module.loadStateDict`. @category Modules */
export interface LoadStateDictOptions {
  /** Whether missing or unexpected keys are an error (default `true`, as in PyTorch). */
  strict?: boolean;
}

/** What `Module.loadStateDict` did not match. @category Modules */
export interface LoadStateDictResult {
  /** Keys of the module absent from the given state (those parameters kept their values). */
  missingKeys: string[];
  /** Keys of the given state the module does not have (ignored). */
  unexpectedKeys: string[];
}

const OP = 'Module.loadStateDict';

function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 10).join(', ');
  return keys.length > 10 ? `${shown}, … (${keys.length} in all)` : shown;
}

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Checks `state` against the module's `slots` (key → Variable) and, when every check passes,
 * assigns a copy of each given tensor, cast to the slot's dtype.
 */
export function loadState(
  slots: readonly [string, Variable][],
  state: StateDict,
  options: LoadStateDictOptions,
): LoadStateDictResult {
  if (state === null || typeof state !== 'object') {
    throw new ArgumentError({ op: OP, arg: 'state', expected: 'an object of tensors by key', got: String(state) });
  }
  const strict = options.strict ?? true;
  const known = new Set(slots.map(([k]) => k));
  const missingKeys = slots.map(([k]) => k).filter((k) => !Object.hasOwn(state, k));
  const unexpectedKeys = Object.keys(state).filter((k) => !known.has(k));
  if (strict && (missingKeys.length > 0 || unexpectedKeys.length > 0)) {
    const parts = [];
    if (missingKeys.length > 0) parts.push(`missing keys: ${listKeys(missingKeys)}`);
    if (unexpectedKeys.length > 0) parts.push(`unexpected keys: ${listKeys(unexpectedKeys)}`);
    throw new ArgumentError({
      op: OP,
      arg: 'state',
      expected: 'exactly the keys of the module',
      got: parts.join('; '),
      hint: 'Pass { strict: false } to load the keys that match',
    });
  }
  const updates: [Variable, Tensor][] = [];
  for (const [key, slot] of slots) {
    if (!Object.hasOwn(state, key)) continue;
    const value = state[key];
    if (!(value instanceof Tensor)) {
      throw new ArgumentError({ op: OP, arg: key, expected: 'a Tensor', got: typeof value });
    }
    value.assertAlive(OP, key);
    if (value.shape.length !== slot.shape.length || value.shape.some((d, i) => d !== slot.shape[i])) {
      throw new ShapeError({ op: OP, arg: key, expected: `shape ${shapeText(slot.shape)}`, got: shapeText(value.shape) });
    }
    updates.push([slot, value]);
  }
  untracked(() => {
    for (const [slot, value] of updates) slot.assign(value.dtype === slot.dtype ? clone(value) : cast(value, slot.dtype));
  });
  return { missingKeys, unexpectedKeys };
}
