import type { Tensor } from '@nn/tensor';
import { onDeferredDispose, release, retain } from '@nn/tensor/backend';
import { autogradState, type GradNode } from './state.js';

/** Adds `node` to the graph: holds its tensors and counts it as a consumer of its inputs. */
export function addNode(node: GradNode): void {
  const state = autogradState();
  for (const t of node.saved) retain(t);
  for (const input of new Set(node.inputs)) state.consumers.set(input, (state.consumers.get(input) ?? 0) + 1);
  state.nodes.set(node.output, node);
  state.nodeFrames.at(-1)?.add(node);
  state.deferredUnsubscribe ??= onDeferredDispose(onDead);
}

/**
 * Releases the tensors a node holds and forgets it (once; later calls do nothing). With `cascade`,
 * inputs left dead and unread by any other node let their own nodes go too, so a dead branch of
 * the graph is freed as a whole.
 */
export function releaseNode(first: GradNode, cascade = true): void {
  const state = autogradState();
  const stack = [first];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (state.nodes.get(node.output) !== node) continue;
    state.nodes.delete(node.output);
    for (const input of new Set(node.inputs)) {
      const left = (state.consumers.get(input) ?? 1) - 1;
      if (left > 0) {
        state.consumers.set(input, left);
        continue;
      }
      state.consumers.delete(input);
      const upstream = state.nodes.get(input);
      if (cascade && upstream !== undefined && state.dead.has(input)) stack.push(upstream);
    }
    for (const t of node.saved) release(t);
  }
}

/**
 * A scope ended on a tensor the graph holds. Nothing can call `backward` from it any more, so if no
 * node reads it either (a metric or a discarded result computed while recording), its branch of
 * the graph is released now instead of waiting for the garbage collector.
 */
function onDead(t: Tensor): void {
  const state = autogradState();
  state.dead.add(t);
  const node = state.nodes.get(t);
  if (node !== undefined && !state.consumers.has(t)) releaseNode(node);
}
