// Checking an optimizer state dict before it is loaded, so that a load either succeeds whole or
// changes nothing.
import { ArgumentError, DTypeError, isFloat, ShapeError, Tensor, type Variable } from '@nn/tensor';
import { copyHyper } from './param-groups.js';
import type { HyperParams, OptimizerSpec, ParamGroup, ParamState } from './types.js';
import { checkNonNegative, show } from './validate.js';

/** A checked state dict: each group's hyper-parameters and each parameter's state (not yet copied). */
export interface CheckedStateDict {
  hypers: Record<string, unknown>[];
  states: Map<Variable, ParamState>;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * Checks `sd` against the optimizer's groups: the same number of groups, the same number of
 * parameters in each, hyper-parameters the optimizer accepts, known state entries of the right
 * kind, and state tensors with their parameter's shape.
 */
export function checkStateDict<H extends HyperParams>(
  op: string,
  sd: unknown,
  groups: readonly ParamGroup<H>[],
  spec: OptimizerSpec<H>,
): CheckedStateDict {
  if (!isObject(sd) || !isObject(sd.state) || !Array.isArray(sd.paramGroups)) {
    throw new ArgumentError({
      op,
      arg: 'stateDict',
      expected: 'an object { state, paramGroups } from stateDict()',
      got: show(sd),
    });
  }
  const saved = sd.paramGroups as unknown[];
  if (saved.length !== groups.length) {
    throw new ArgumentError({
      op,
      arg: 'stateDict.paramGroups',
      expected: `${groups.length} parameter group(s), as the optimizer has`,
      got: `${saved.length}`,
    });
  }
  const byIndex = new Map<number, Variable>();
  const hypers = groups.map((group, i) => {
    const arg = `stateDict.paramGroups[${i}]`;
    const g = saved[i];
    if (!isObject(g) || !Array.isArray(g.params)) {
      throw new ArgumentError({ op, arg, expected: 'a group { params: number[], ...hyper }', got: show(g) });
    }
    const ids = g.params as unknown[];
    if (ids.length !== group.params.length) {
      throw new ArgumentError({
        op,
        arg: `${arg}.params`,
        expected: `${group.params.length} parameter(s), as the optimizer's group ${i}`,
        got: `${ids.length}`,
      });
    }
    ids.forEach((id, k) => {
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || byIndex.has(id)) {
        throw new ArgumentError({
          op,
          arg: `${arg}.params[${k}]`,
          expected: 'a parameter index used once',
          got: show(id),
        });
      }
      byIndex.set(id, group.params[k]!);
    });
    const current = copyHyper(group);
    const allowed = new Set([...Object.keys(current), 'initialLr']);
    const hyper: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(copyHyper(g))) {
      if (!allowed.has(key)) {
        throw new ArgumentError({
          op,
          arg: `${arg}.${key}`,
          expected: `a hyper-parameter of ${spec.name}`,
          got: `an unknown key '${key}'`,
        });
      }
      hyper[key] = value;
    }
    spec.check(hyper as unknown as H, op, arg);
    if (hyper.initialLr !== undefined) checkNonNegative(op, `${arg}.initialLr`, hyper.initialLr);
    return hyper;
  });

  const states = new Map<Variable, ParamState>();
  for (const [key, entry] of Object.entries(sd.state)) {
    const arg = `stateDict.state[${key}]`;
    const v = byIndex.get(Number(key));
    if (v === undefined || !/^\d+$/.test(key)) {
      throw new ArgumentError({
        op,
        arg,
        expected: 'state for a parameter index listed in paramGroups',
        got: `index ${key}`,
      });
    }
    if (!isObject(entry))
      throw new ArgumentError({ op, arg, expected: 'an object of state entries', got: show(entry) });
    for (const [name, value] of Object.entries(entry)) {
      const kind = spec.stateKeys[name];
      const where = `${arg}.${name}`;
      if (kind === undefined) {
        const known = Object.keys(spec.stateKeys).map((k) => `'${k}'`);
        throw new ArgumentError({
          op,
          arg: where,
          expected: `a state entry of ${spec.name} (${known.join(', ')})`,
          got: `'${name}'`,
        });
      }
      if (kind === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new ArgumentError({ op, arg: where, expected: 'a finite number', got: show(value) });
        }
        continue;
      }
      if (!(value instanceof Tensor))
        throw new ArgumentError({ op, arg: where, expected: 'a Tensor', got: show(value) });
      value.assertAlive(op, where);
      if (!isFloat(value.dtype))
        throw new DTypeError({ op, arg: where, expected: 'a float32 or float64 tensor', got: value.dtype });
      if (value.shape.length !== v.shape.length || value.shape.some((d, j) => d !== v.shape[j])) {
        throw new ShapeError({
          op,
          arg: where,
          expected: `shape [${v.shape.join(', ')}] (variable '${v.name}')`,
          got: `[${value.shape.join(', ')}]`,
        });
      }
    }
    states.set(v, entry as ParamState);
  }
  return { hypers, states };
}
