// Keeps docs/autograd.md and this package's README true: the worked example's tape and numbers are
// recomputed, the second-order and non-differentiable tables are regenerated and compared, and the
// code examples run. `UPDATE_AUTOGRAD_DOC=1 npx vitest run test/tape-doc.test.ts` rewrites the
// generated tables instead of comparing them.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import * as tensorApi from '@nn/tensor';
import { add, mul, onOp, square, sum, tensor, tidy, Variable, type Tensor } from '@nn/tensor';
import { OP_NAMES } from '@nn/tensor/backend';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as autogradApi from '../src/index.js';
import { captureGraph, enableGrad, grad, GRADIENTS, gradgradcheck, NON_DIFFERENTIABLE } from '../src/index.js';
import { PRIMITIVE_SAMPLES } from './oracle/primitive-samples.js';

const DOC = fileURLToPath(new URL('../../../docs/autograd.md', import.meta.url));
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const UPDATE = process.env.UPDATE_AUTOGRAD_DOC === '1';

/** The text between `<!-- name:begin -->` and `<!-- name:end -->`. */
function section(text: string, name: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`section ${name} not found`);
  return text.slice(i + begin.length, j);
}

/** The first fenced code block of `text`, without its fences. */
function codeBlock(text: string): string {
  const m = /```\w*\n([\s\S]*?)```/.exec(text);
  if (m === null) throw new Error('no code block');
  return m[1]!;
}

/** Table rows as trimmed cells, header and separator left out. */
function tableRows(text: string): string[][] {
  const rows = text
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .map((l) =>
      l
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  return rows.slice(2);
}

const unquote = (cell: string): string => cell.replace(/^`|`$/g, '');

// ---------------------------------------------------------------------------------------------
// The worked example: y = sum((w·x + b)²)

describe('docs/autograd.md worked example', () => {
  const doc = readFileSync(DOC, 'utf8');

  /** Runs the example and returns every named quantity. */
  function compute(): Record<string, unknown> {
    return tidy(() => {
      const w = tensor([2, -1]);
      const x = tensor([3, 0.5]);
      const b = tensor(1);
      const m = mul(w, x);
      const z = add(m, b);
      const s = square(z);
      const y = sum(s);
      const f = (w: Tensor, x: Tensor, b: Tensor): Tensor => sum(square(add(mul(w, x), b)));
      const [dw, dx, db] = grad(f)(w, x, b);
      const values: Record<string, Tensor> = {
        w,
        x,
        b,
        m,
        z,
        s,
        y,
        ds: grad((s: Tensor) => sum(s))(s),
        dz: grad((z: Tensor) => sum(square(z)))(z),
        dm: grad((m: Tensor) => sum(square(add(m, b))))(m),
        db,
        dw,
        dx,
      };
      return Object.fromEntries(Object.entries(values).map(([k, t]) => [k, t.toArray()]));
    });
  }

  it('states every quantity the code computes, with the value it computes', () => {
    const rows = tableRows(section(doc, 'tape-example:values'));
    const stated = Object.fromEntries(rows.map((r) => [unquote(r[0]!), JSON.parse(unquote(r[2]!)) as unknown]));
    expect(stated).toEqual(compute());
  });

  it('lists the tape the forward pass records', () => {
    const listed = codeBlock(section(doc, 'tape-example:tape'))
      .trim()
      .split('\n')
      .map((line) => {
        const m = /^\d+\. (\w+)\(([^)]*)\) → (\w+)$/.exec(line.trim());
        if (m === null) throw new Error(`tape line not understood: ${line}`);
        return { op: m[1]!, args: m[2]!.split(',').map((a) => a.trim()), out: m[3]! };
      });
    const stop = enableGrad();
    const names = new Map<Tensor, string>();
    try {
      const recorded = tidy(() => {
        const w = new Variable(tensor([2, -1]), { name: 'w' });
        const x = new Variable(tensor([3, 0.5]), { name: 'x' });
        const b = new Variable(tensor(1), { name: 'b' });
        for (const v of [w, x, b]) names.set(v.value, v.name);
        const y = sum(square(add(mul(w.value, x.value), b.value)));
        const graph = captureGraph(y, undefined, names);
        for (const v of [w, x, b]) v.dispose();
        // Name each op's output after the doc's listing, in order, then read every node's inputs.
        const ops = graph.nodes.filter((n) => n.op !== 'input');
        const label = new Map<number, string>();
        for (const n of graph.nodes) if (n.label !== null) label.set(n.id, n.label);
        ops.forEach((n, i) => label.set(n.id, listed[i]?.out ?? `#${n.id}`));
        return ops.map((n) => ({
          op: n.op,
          args: graph.edges.filter(([, to]) => to === n.id).map(([from]) => label.get(from) ?? `#${from}`),
          out: label.get(n.id)!,
        }));
      });
      expect(recorded).toEqual(listed);
    } finally {
      stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Generated tables

const GROUPS: readonly [string, readonly string[]][] = [
  ['elementwise', OP_NAMES.slice(OP_NAMES.indexOf('Neg'), OP_NAMES.indexOf('Sum'))],
  ['reduction', OP_NAMES.slice(OP_NAMES.indexOf('Sum'), OP_NAMES.indexOf('Reshape'))],
  ['movement', OP_NAMES.slice(OP_NAMES.indexOf('Reshape'), OP_NAMES.indexOf('MatMul'))],
  ['linear algebra', OP_NAMES.slice(OP_NAMES.indexOf('MatMul'))],
];

/** The primitives a sample's forward pass records. */
function recordedOps(f: () => unknown): Set<string> {
  const seen = new Set<string>();
  const unsubscribe = onOp((r) => seen.add(r.op));
  try {
    tidy(() => void f());
  } finally {
    unsubscribe();
  }
  return seen;
}

function secondOrderTable(): string {
  const passed = new Set<string>();
  const failed = new Map<string, string>();
  for (const s of PRIMITIVE_SAMPLES) {
    try {
      tidy(() => gradgradcheck(s.f, s.inputs(), s.options));
      passed.add(s.op);
    } catch (e) {
      failed.set(s.op, e instanceof Error ? e.message.split('\n')[0]! : String(e));
    }
  }
  const lines = ['| group | second order verified by `gradgradcheck` | first order only |', '| --- | --- | --- |'];
  for (const [group, ops] of GROUPS) {
    const differentiable = ops.filter((op) => GRADIENTS[op as keyof typeof GRADIENTS] !== undefined);
    const yes = differentiable.filter((op) => passed.has(op));
    const no = differentiable.filter((op) => !passed.has(op));
    lines.push(`| ${group} | ${yes.join(', ') || '—'} | ${no.join(', ') || '—'} |`);
  }
  const total = PRIMITIVE_SAMPLES.length;
  lines.push('', `${passed.size} of ${total} differentiable primitives pass \`gradgradcheck\`.`);
  for (const [op, why] of failed) lines.push(`- ${op}: ${why}`);
  return lines.join('\n');
}

function nonDifferentiableTable(): string {
  const lines = ['| primitive | why it has no gradient |', '| --- | --- |'];
  for (const op of OP_NAMES) {
    const reason = NON_DIFFERENTIABLE[op];
    if (reason !== undefined) lines.push(`| \`${op}\` | ${reason} |`);
  }
  return lines.join('\n');
}

/** Normalises a markdown table for comparison (prettier may pad cells and separators). */
function normalise(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) =>
      l.trim().startsWith('|')
        ? l
            .trim()
            .split('|')
            .map((c) => (/^\s*:?-+:?\s*$/.test(c) ? '---' : c.trim()))
            .join('|')
        : l.trim(),
    )
    .join('\n');
}

describe('docs/autograd.md generated tables', () => {
  it('has a sample for every differentiable primitive, and each sample records its primitive', () => {
    const sampled = PRIMITIVE_SAMPLES.map((s) => s.op);
    const differentiable = OP_NAMES.filter((op) => GRADIENTS[op] !== undefined);
    expect([...sampled].sort()).toEqual([...differentiable].sort());
    for (const s of PRIMITIVE_SAMPLES) {
      expect(recordedOps(() => s.f(...s.inputs())).has(s.op), `${s.op}'s sample records ${s.op}`).toBe(true);
    }
  });

  const tables: [string, () => string][] = [
    ['generated:second-order', secondOrderTable],
    ['generated:non-differentiable', nonDifferentiableTable],
  ];
  for (const [name, make] of tables) {
    it(`${name} matches the code`, () => {
      const doc = readFileSync(DOC, 'utf8');
      const generated = make();
      if (UPDATE) {
        const begin = `<!-- ${name}:begin -->`;
        const end = `<!-- ${name}:end -->`;
        const next =
          doc.slice(0, doc.indexOf(begin) + begin.length) + `\n\n${generated}\n\n` + doc.slice(doc.indexOf(end));
        writeFileSync(DOC, next);
        return;
      }
      expect(normalise(section(doc, name))).toBe(normalise(generated));
    }, 60_000);
  }
});

// ---------------------------------------------------------------------------------------------
// Code examples run

/** Compiles a TypeScript example whose imports come from @nn/tensor and @nn/autograd, and runs it. */
function runExample(code: string): string[] {
  const modules: Record<string, Record<string, unknown>> = {
    '@nn/tensor': tensorApi as unknown as Record<string, unknown>,
    '@nn/autograd': autogradApi as unknown as Record<string, unknown>,
  };
  const body = code.replace(/^import\s*\{([^}]*)\}\s*from\s*'([^']+)';$/gm, (_all, names: string, from: string) => {
    if (modules[from] === undefined) throw new Error(`example imports ${from}`);
    const values = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0 && !n.startsWith('type '));
    for (const n of values) if (!(n in modules[from]!)) throw new Error(`${from} does not export ${n}`);
    return `const { ${values.join(', ')} } = __modules[${JSON.stringify(from)}];`;
  });
  const js = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const printed: string[] = [];
  const fakeConsole = { log: (...args: unknown[]) => printed.push(format(...args)) };
  const run = new Function('__modules', 'console', js) as (m: typeof modules, c: typeof fakeConsole) => void;
  tidy(() => run(modules, fakeConsole));
  return printed;
}

describe('code examples', () => {
  it('README: the example prints the output shown', () => {
    const readme = readFileSync(README, 'utf8');
    const printed = runExample(codeBlock(section(readme, 'readme-example:code')));
    expect(printed.join('\n')).toBe(codeBlock(section(readme, 'readme-example:output')).trim());
  });

  it('docs/autograd.md: the opening example runs and trains', () => {
    const doc = readFileSync(DOC, 'utf8');
    const code = codeBlock(doc.slice(doc.indexOf('```ts')));
    // The example leaves its Variable `w`; check the SGD step moved it against its gradient.
    const printed = runExample(`${code}\nconsole.log(JSON.stringify(w.value.toArray()));`);
    expect(printed).toHaveLength(1);
    expect(JSON.parse(printed[0]!)).not.toEqual([[0.5], [-0.25]]);
  });
});
