import { add, formatShapeOf, tidy, type Tensor } from './tensor-ops.js';
import { checkFinite } from './anomaly.js';
import { releaseNode } from './graph-lifetime.js';
import { GradientError } from './errors.js';
import { requiresGrad } from './requires-grad.js';
import { autogradState, type GradNode } from './state.js';

/** Options of one reverse pass. */
export interface PassOptions {
  /** Record the pass itself, so its results can be differentiated again. */
  readonly createGraph: boolean;
  /** Keep the graph (and the tensors it holds) for another pass. */
  readonly retainGraph: boolean;
}

/** Nodes reachable from `root`, ordered so every node comes after all nodes that consume its output. */
function reverseTopologicalOrder(root: Tensor): GradNode[] {
  const { nodes } = autogradState();
  const order: GradNode[] = [];
  const visited = new Set<GradNode>();
  const start = nodes.get(root);
  if (start === undefined) return order;
  // Iterative post-order DFS (graphs of long training runs are deep; no recursion).
  const stack: [GradNode, number][] = [[start, 0]];
  visited.add(start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [node, next] = top;
    if (next < node.inputs.length) {
      top[1] = next + 1;
      const child = nodes.get(node.inputs[next]!);
      if (child !== undefined && !visited.has(child)) {
        visited.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  return order.reverse();
}

function checkGradShape(node: GradNode, index: number, input: Tensor, g: Tensor): void {
  const same = g.shape.length === input.shape.length && g.shape.every((d, i) => d === input.shape[i]);
  if (!same) {
    throw new GradientError({
      op: `backward(${node.op})`,
      arg: node.inputNames[index],
      expected: `a gradient of the input's shape ${formatShapeOf(input)}`,
      got: `shape ${formatShapeOf(g)}`,
    });
  }
}

/**
 * Runs reverse-mode differentiation from `root` with initial gradient `seed` (root's shape).
 * Returns the gradient of every leaf reached (a tensor that requires grad but was not produced by
 * a recorded op). Gradients of a tensor used several times are summed. Intermediate gradients are
 * disposed when the pass ends; the returned ones are the caller's.
 */
export function reversePass(root: Tensor, seed: Tensor, options: PassOptions): Map<Tensor, Tensor> {
  const state = autogradState();
  const order = reverseTopologicalOrder(root);
  if (order.length === 0) return new Map([[root, seed]]);
  if (!options.createGraph) state.paused++;
  try {
    return tidy(() => {
      const grads = new Map<Tensor, Tensor>([[root, seed]]);
      for (const node of order) {
        const dy = grads.get(node.output);
        grads.delete(node.output);
        if (dy !== undefined) propagate(node, dy, grads);
        // No cascade: every upstream node is itself in `order`, and the pass still needs it.
        if (!options.retainGraph) releaseNode(node, false);
      }
      return grads; // what is left are the leaves' gradients
    });
  } finally {
    if (!options.createGraph) state.paused--;
  }
}

/** Adds the gradients `node` sends to its inputs into `grads`. */
function propagate(node: GradNode, dy: Tensor, grads: Map<Tensor, Tensor>): void {
  const inputGrads = tidy(() => node.backward(dy));
  node.inputs.forEach((input, i) => {
    const g = inputGrads[i];
    if (g === null || g === undefined || !requiresGrad(input)) return;
    checkGradShape(node, i, input, g);
    checkFinite(g, `backward(${node.op})`, 'gradients');
    const previous = grads.get(input);
    grads.set(input, previous === undefined ? g : add(previous, g));
  });
}
