import type { Tensor } from '@nn/tensor';
import { autogradState } from './state.js';

/** One value in a captured graph. @category Autograd */
export interface CapturedNode {
  /** Index in `CapturedGraph.nodes`. */
  readonly id: number;
  /** The op that produced it, or `'input'` for a leaf. */
  readonly op: string;
  readonly shape: readonly number[];
  /** The value (float64 copy). */
  readonly value: Float64Array;
  /** Its gradient, when `captureGraph` was given one (same shape), else `null`. */
  readonly grad: Float64Array | null;
  /** A Variable's name, where the leaf is a Variable's value. */
  readonly label: string | null;
}

/** A small computation as nodes and edges, for drawing. @category Autograd */
export interface CapturedGraph {
  readonly nodes: readonly CapturedNode[];
  /** `[from, to]`: node `from` is an input of node `to`. */
  readonly edges: readonly (readonly [number, number])[];
}

/**
 * Captures the recorded graph that produced `output` — every op, its shape and value, and the
 * edges between them — so a page can draw a micrograd-style diagram of a real computation. Call it
 * before `backward` releases the graph (use `retainGraph: true`), or pass the gradients from
 * `valueAndGrad`-style code in `grads` to attach each node's gradient.
 *
 * @param output - a tensor computed while recording.
 * @param grads - optional gradients by tensor, attached to the nodes they belong to.
 * @param labels - optional names for leaf tensors (e.g. Variable names).
 * @example
 * ```ts
 * const stop = enableGrad();
 * const w = new Variable(tensor([2]), { name: 'w' });
 * const y = mul(w.value, 3);
 * const g = captureGraph(y, undefined, new Map([[w.value, 'w']]));
 * g.nodes.map((n) => n.op); // ['input', 'input', 'Mul']
 * stop();
 * ```
 * @category Autograd
 */
export function captureGraph(
  output: Tensor,
  grads?: ReadonlyMap<Tensor, Tensor>,
  labels?: ReadonlyMap<Tensor, string>,
): CapturedGraph {
  const { nodes: graph } = autogradState();
  const ids = new Map<Tensor, number>();
  const nodes: CapturedNode[] = [];
  const edges: [number, number][] = [];
  const visit = (t: Tensor): number => {
    const known = ids.get(t);
    if (known !== undefined) return known;
    const node = graph.get(t);
    const inputIds = node === undefined ? [] : node.inputs.map(visit);
    const id = nodes.length;
    ids.set(t, id);
    const g = grads?.get(t);
    nodes.push({
      id,
      op: node?.op ?? 'input',
      shape: [...t.shape],
      value: Float64Array.from(t.dataSync()),
      grad: g === undefined ? null : Float64Array.from(g.dataSync()),
      label: labels?.get(t) ?? null,
    });
    for (const from of inputIds) edges.push([from, id]);
    return id;
  };
  visit(output);
  return { nodes, edges };
}
