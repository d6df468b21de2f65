// Turning what a constructor or addParamGroup receives into checked parameter groups.
import { ArgumentError, DTypeError, isFloat, Variable } from '@nn/tensor';
import type { HyperParams, ParamGroupInput } from './types.js';
import { show } from './validate.js';

function isIterable(x: unknown): x is Iterable<unknown> {
  return x !== null && typeof x === 'object' && typeof (x as Iterable<unknown>)[Symbol.iterator] === 'function';
}

/**
 * The parameter groups `params` describes: a list of Variables is one group, a list of
 * `{ params, ...hyper }` objects is one group each.
 * @throws ArgumentError for anything else, an empty list, or a mix of both.
 */
export function groupInputs<H extends HyperParams>(op: string, params: unknown): ParamGroupInput<H>[] {
  const expected = 'an iterable of Variables or of parameter groups ({ params, ...options })';
  if (params instanceof Variable || !isIterable(params) || typeof params === 'string') {
    throw new ArgumentError({
      op,
      arg: 'params',
      expected,
      got: params instanceof Variable ? 'a single Variable' : show(params),
    });
  }
  const items = [...params];
  if (items.length === 0) {
    throw new ArgumentError({ op, arg: 'params', expected: 'at least one parameter', got: 'an empty parameter list' });
  }
  const variables = items.filter((x) => x instanceof Variable).length;
  if (variables === items.length) return [{ params: items as Variable[] } as unknown as ParamGroupInput<H>];
  if (variables > 0)
    throw new ArgumentError({ op, arg: 'params', expected, got: 'a mix of Variables and other values' });
  items.forEach((g, i) => {
    if (g === null || typeof g !== 'object' || !('params' in g)) {
      throw new ArgumentError({
        op,
        arg: `params[${i}]`,
        expected: 'a Variable or a parameter group { params, ...options }',
        got: show(g),
      });
    }
  });
  return items as ParamGroupInput<H>[];
}

/**
 * The Variables of one group, checked: each a Variable of a float dtype, none repeated, none
 * already in another group (`taken`).
 */
export function groupParams(op: string, arg: string, params: unknown, taken: ReadonlySet<Variable>): Variable[] {
  const list = params instanceof Variable ? [params] : isIterable(params) ? [...params] : null;
  if (list === null) {
    throw new ArgumentError({ op, arg: `${arg}.params`, expected: 'an iterable of Variables', got: show(params) });
  }
  const seen = new Set<Variable>();
  list.forEach((v, i) => {
    const where = `${arg}.params[${i}]`;
    if (!(v instanceof Variable)) throw new ArgumentError({ op, arg: where, expected: 'a Variable', got: show(v) });
    if (!isFloat(v.dtype)) {
      throw new DTypeError({
        op,
        arg: where,
        expected: 'a float32 or float64 Variable',
        got: `${v.dtype} (variable '${v.name}')`,
      });
    }
    if (seen.has(v)) {
      throw new ArgumentError({
        op,
        arg: where,
        expected: 'each parameter once in a group',
        got: `variable '${v.name}' twice`,
        hint: 'Remove the duplicate (PyTorch warns and will make this an error)',
      });
    }
    if (taken.has(v)) {
      throw new ArgumentError({
        op,
        arg: where,
        expected: 'parameters that are in no other parameter group',
        got: `variable '${v.name}', which is already in a group`,
      });
    }
    seen.add(v);
  });
  return list as Variable[];
}

/** A copy of a group's hyper-parameters (arrays such as `betas` copied too; `params` and undefined values left out). */
export function copyHyper(group: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(group)) {
    if (k === 'params' || v === undefined) continue;
    out[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  return out;
}

/** `defaults` overridden by the options that are set (an option set to `undefined` keeps its default). */
export function withDefaults<H extends object>(defaults: H, options: Partial<H>): H {
  return { ...defaults, ...(copyHyper(options) as Partial<H>) };
}
