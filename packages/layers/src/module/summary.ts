import { ArgumentError, Tensor, tidy, untracked, zeros } from '@nn/tensor';
import type { HookHandle, Module } from './module.js';

/**
 * What `Module.summary` runs the model on to find output shapes: a tensor, a shape (filled with
 * zeros), or the array of `forward` arguments.
 * @category Modules
 */
export type SummaryInput = Tensor | readonly number[] | readonly unknown[];

/** One line of a `ModuleSummary`. @category Modules */
export interface SummaryRow {
  /** Dotted path (`''` for the model itself). */
  name: string;
  /** The class name, e.g. `'Linear'`. */
  type: string;
  /** Nesting depth (0 for the model). */
  depth: number;
  /** Shape of the output (the first tensor of a tuple output); `null` when no input was given or it was not run. */
  outputShape: number[] | null;
  /** Parameters in this module and its descendants. */
  params: number;
  /** Of those, the trainable ones. */
  trainableParams: number;
}

/** The result of `Module.summary`: data, and the printed table as `toString()`. @category Modules */
export interface ModuleSummary {
  /** Every module, depth first, the model first. */
  rows: SummaryRow[];
  /** Parameters of the whole model. */
  totalParams: number;
  /** Trainable parameters of the whole model. */
  trainableParams: number;
  /** The table as text. */
  toString(): string;
}

type AnyModule = Module<unknown[], unknown>;

function firstTensorShape(value: unknown): number[] | null {
  if (value instanceof Tensor) return [...value.shape];
  if (Array.isArray(value)) {
    for (const item of value) {
      const shape = firstTensorShape(item);
      if (shape !== null) return shape;
    }
  }
  return null;
}

function forwardArgs(input: SummaryInput): unknown[] {
  if (input instanceof Tensor) return [input];
  if (Array.isArray(input) && input.every((d) => typeof d === 'number')) return [zeros(input as number[])];
  if (Array.isArray(input)) return [...input];
  throw new ArgumentError({
    op: 'Module.summary',
    arg: 'input',
    expected: 'a Tensor, a shape, or an array of forward arguments',
    got: typeof input,
  });
}

/** Output shape of every module in one evaluation-mode forward pass on `input`. */
function outputShapes(model: AnyModule, input: SummaryInput): Map<AnyModule, number[] | null> {
  const shapes = new Map<AnyModule, number[] | null>();
  const modes = model.modules().map((m) => [m, m.training] as const);
  const handles: HookHandle[] = model.modules().map((m) =>
    m.registerForwardHook((module, _inputs, output) => {
      if (!shapes.has(module as AnyModule)) shapes.set(module as AnyModule, firstTensorShape(output));
    }),
  );
  try {
    model.eval();
    untracked(() => tidy(() => void model.call(...forwardArgs(input))));
  } finally {
    for (const h of handles) h.remove();
    for (const [m, training] of modes) m.training = training;
  }
  return shapes;
}

function countParams(module: AnyModule): { params: number; trainable: number } {
  let params = 0;
  let trainable = 0;
  for (const p of module.parameters()) {
    params += p.value.size;
    if (p.trainable) trainable += p.value.size;
  }
  return { params, trainable };
}

function formatTable(rows: readonly SummaryRow[], labels: readonly string[], total: number, trainable: number): string {
  const lines = rows.map((r, i) => [
    `${'  '.repeat(r.depth)}${r.depth === 0 ? r.type : `${labels[i]} (${r.type})`}`,
    r.outputShape === null ? '-' : `[${r.outputShape.join(', ')}]`,
    r.params.toLocaleString('en-US'),
  ]);
  const header = ['Layer (type)', 'Output shape', 'Params'];
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const row = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const rule = '─'.repeat(widths.reduce((a, b) => a + b, 0) + 4);
  return [
    row(header),
    rule,
    ...lines.map(row),
    rule,
    `Total params: ${total.toLocaleString('en-US')}`,
    `Trainable params: ${trainable.toLocaleString('en-US')}`,
    `Non-trainable params: ${(total - trainable).toLocaleString('en-US')}`,
  ].join('\n');
}

/** The summary of `model` (see `Module.summary`). */
export function summarize(model: AnyModule, input: SummaryInput | undefined): ModuleSummary {
  const shapes = input === undefined ? new Map<AnyModule, number[] | null>() : outputShapes(model, input);
  const rows: SummaryRow[] = [];
  const labels: string[] = [];
  const seen = new Set<AnyModule>();
  const visit = (name: string, label: string, m: AnyModule, depth: number) => {
    if (seen.has(m)) return;
    seen.add(m);
    const { params, trainable } = countParams(m);
    rows.push({ name, type: m.constructor.name, depth, outputShape: shapes.get(m) ?? null, params, trainableParams: trainable });
    labels.push(label);
    for (const [key, child] of m.namedChildren()) visit(name === '' ? key : `${name}.${key}`, key, child as AnyModule, depth + 1);
  };
  visit('', '', model, 0);
  const total = rows[0]?.params ?? 0;
  const trainable = rows[0]?.trainableParams ?? 0;
  return { rows, totalParams: total, trainableParams: trainable, toString: () => formatTable(rows, labels, total, trainable) };
}
