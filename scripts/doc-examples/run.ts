import { compare, formatValue } from './compare.js';
import { type Assertion, type CompiledExample, compileExample, HELPER_NAMES } from './compile.js';
import type { DocExample } from './extract.js';

/** What the runner needs from the library besides the names examples may use. */
export interface RunEnvironment {
  /** Every value export of the package, by name: the examples' scope. */
  readonly api: Readonly<Record<string, unknown>>;
  readonly tidy: <T>(fn: () => T) => T;
  readonly scope: () => Disposable;
  readonly manualSeed: (seed: number) => unknown;
  readonly getBackend: () => unknown;
  readonly setBackend: (backend: never) => void;
  /** Plain data for a value an example shows (a Tensor → `toArray()`), or `undefined`. */
  readonly toPlain: (value: unknown) => unknown;
}

type Body = (...args: unknown[]) => unknown;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => Body;

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/** Where a statement of `example` lives in its source file. */
export function sourceLocation(example: DocExample, codeLine: number): string {
  return `${example.file}:${example.codeLine + codeLine}`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : formatValue(error);
}

/**
 * Runs one example with every export of the package in scope, inside `tidy` (or a `scope()` for
 * examples that await) after `manualSeed(0)`, restoring the active backend afterwards. Throws an
 * Error listing every failed check (file:line, the statement, expected and actual values).
 */
export async function runExample(example: DocExample, env: RunEnvironment): Promise<CompiledExample> {
  const compiled = compileExample(example.code);
  const where = `${example.file}:${example.line} ${example.symbol}`;
  if (compiled.problems.length > 0) {
    const lines = compiled.problems.map((p) =>
      p.replace(/^line (\d+)/, (_, n: string) => sourceLocation(example, Number(n) - 1)),
    );
    throw new Error(`the example of ${where} cannot run:\n  ${lines.join('\n  ')}`);
  }
  const failures: string[] = [];
  const ran = new Set<number>();
  const byId = new Map(compiled.assertions.map((a) => [a.id, a]));
  const label = (a: Assertion): string => `${sourceLocation(example, a.codeLine)}: \`${a.statement}\` // ${a.comment}`;
  const assertion = (id: number): Assertion => {
    const a = byId.get(id);
    if (a === undefined) throw new Error(`unknown assertion ${id}`);
    ran.add(id);
    return a;
  };

  const check = (id: number, actual: unknown): unknown => {
    const a = assertion(id);
    if (a.claim.kind !== 'value') throw new Error(`assertion ${id} is not a value check`);
    const diff = compare(actual, a.claim.expected, {
      approx: a.claim.approx,
      typedArray: a.claim.typedArray,
      toPlain: env.toPlain,
    });
    if (diff !== null) failures.push(`${label(a)}\n    ${diff}`);
    return actual;
  };
  const checkThrown = (a: Assertion, threw: boolean, error: unknown): void => {
    if (a.claim.kind !== 'throws') throw new Error(`assertion ${a.id} is not a throws check`);
    const errorClass = env.api[a.claim.errorClass] ?? (globalThis as Record<string, unknown>)[a.claim.errorClass];
    if (typeof errorClass !== 'function') {
      failures.push(`${label(a)}\n    ${a.claim.errorClass} is not an error class in scope`);
    } else if (!threw) {
      failures.push(`${label(a)}\n    expected it to throw ${a.claim.errorClass}, but it returned`);
    } else if (!(error instanceof (errorClass as new () => unknown))) {
      failures.push(`${label(a)}\n    expected it to throw ${a.claim.errorClass}, got ${describeError(error)}`);
    }
  };
  const throws = (id: number, fn: () => unknown): void => {
    const a = assertion(id);
    try {
      fn();
    } catch (error) {
      checkThrown(a, true, error);
      return;
    }
    checkThrown(a, false, undefined);
  };
  const throwsAsync = async (id: number, fn: () => Promise<unknown>): Promise<void> => {
    const a = assertion(id);
    try {
      await fn();
    } catch (error) {
      checkThrown(a, true, error);
      return;
    }
    checkThrown(a, false, undefined);
  };

  const names = Object.keys(env.api).filter(isIdentifier);
  const params = [...names, ...HELPER_NAMES];
  const args = [...names.map((n) => env.api[n]), check, throws, throwsAsync];
  const body = `'use strict';\n${compiled.js}`;
  const previousBackend = env.getBackend();
  env.manualSeed(0);
  try {
    if (compiled.async) {
      const fn = new AsyncFunction(...params, body);
      const open = env.scope();
      try {
        await fn(...args);
      } finally {
        open[Symbol.dispose]();
      }
    } else {
      const fn = new Function(...params, body) as Body;
      env.tidy(() => {
        fn(...args);
      });
    }
  } catch (error) {
    const done = failures.length > 0 ? `\n  failed checks before that:\n  ${failures.join('\n  ')}` : '';
    throw new Error(`the example of ${where} threw ${describeError(error)}${done}`, { cause: error });
  } finally {
    env.setBackend(previousBackend as never);
  }
  for (const a of compiled.assertions) {
    if (!ran.has(a.id)) failures.push(`${label(a)}\n    this check never ran`);
  }
  if (failures.length > 0) throw new Error(`the example of ${where} is wrong:\n  ${failures.join('\n  ')}`);
  return compiled;
}
