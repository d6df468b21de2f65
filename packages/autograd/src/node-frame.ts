import { releaseNode } from './graph-lifetime.js';
import { autogradState } from './state.js';

/**
 * Runs `fn` collecting the graph nodes recorded meanwhile. When `fn` ends, nodes its backward
 * pass did not reach (side results that never fed the loss) are released too — or, when the
 * graph must outlive the call (a nested `grad` whose result is differentiated again), handed to
 * the enclosing frame.
 */
export function withNodeFrame<T>(keepGraph: boolean, fn: () => T): T {
  const state = autogradState();
  const frame = new Set<Parameters<typeof releaseNode>[0]>();
  state.nodeFrames.push(frame);
  try {
    return fn();
  } finally {
    state.nodeFrames.splice(state.nodeFrames.lastIndexOf(frame), 1);
    const parent = state.nodeFrames.at(-1);
    for (const node of frame) {
      if (keepGraph && parent !== undefined) parent.add(node);
      else if (!keepGraph) releaseNode(node);
    }
  }
}
