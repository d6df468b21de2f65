import { onOp, type OpRecord, type Tensor } from '@nn/tensor';
import { checkFinite } from './anomaly.js';
import { addNode } from './graph-lifetime.js';
import { GRADIENTS, NON_DIFFERENTIABLE } from './gradients/index.js';
import type { GradRule } from './gradients/types.js';
import { requiresGrad } from './requires-grad.js';
import { autogradState } from './state.js';

/** Whether ops run now are recorded. */
export function isRecording(): boolean {
  const state = autogradState();
  return state.enabled > 0 && state.paused === 0;
}

/** Flattens a record's named inputs (arrays become `name[i]`). */
function flatInputs(record: OpRecord): { names: string[]; tensors: Tensor[] } {
  const names: string[] = [];
  const tensors: Tensor[] = [];
  for (const [name, value] of Object.entries(record.inputs) as [string, Tensor | readonly Tensor[]][]) {
    if (Array.isArray(value)) {
      (value as readonly Tensor[]).forEach((t, i) => {
        names.push(`${name}[${i}]`);
        tensors.push(t);
      });
    } else {
      names.push(name);
      tensors.push(value as Tensor);
    }
  }
  return { names, tensors };
}

/** Turns a rule's named result back into the flat order of `flatInputs`. */
function flatGrads(record: OpRecord, grads: Record<string, unknown>): (Tensor | null | undefined)[] {
  const out: (Tensor | null | undefined)[] = [];
  for (const [name, value] of Object.entries(record.inputs)) {
    const g = grads[name] as Tensor | null | undefined | readonly (Tensor | null)[];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) out.push((g as readonly (Tensor | null)[] | undefined)?.[i] ?? null);
    } else {
      out.push(g as Tensor | null | undefined);
    }
  }
  return out;
}


function record(rec: OpRecord): void {
  if (!isRecording()) return;
  const { names, tensors } = flatInputs(rec);
  checkFinite(rec.output, rec.op, 'outputs');
  if (!tensors.some(requiresGrad) || rec.op in NON_DIFFERENTIABLE) return;
  const rule = GRADIENTS[rec.op] as GradRule<typeof rec.op> | undefined;
  if (rule === undefined) return; // unreachable once every op has a rule or a reason (tested)
  addNode({
    op: rec.op,
    inputNames: names,
    inputs: tensors,
    output: rec.output,
    backward: (dy) => flatGrads(rec, rule(dy, rec as never) as Record<string, unknown>),
    saved: [...tensors, rec.output],
  });
}

/** Opens one reason to record; the engine listener is installed with the first. */
export function openRecording(): void {
  const state = autogradState();
  state.enabled++;
  state.unsubscribe ??= onOp(record);
}

/** Closes one reason to record; the listener is removed with the last. */
export function closeRecording(): void {
  const state = autogradState();
  state.enabled = Math.max(0, state.enabled - 1);
  if (state.enabled === 0 && state.unsubscribe !== null) {
    state.unsubscribe();
    state.unsubscribe = null;
  }
}
