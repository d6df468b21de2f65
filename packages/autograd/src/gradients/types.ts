import type { OpRecord, Tensor } from '@nn/tensor';
import type { OpName, OpSpecs, TensorInfo } from '@nn/tensor/backend';

/**
 * The gradient a rule returns for each named input of op `K`: a tensor of the input's shape, or
 * `null` where no gradient flows (e.g. an index input). Array inputs (`Concat`'s `xs`) get arrays.
 * @category Autograd
 */
export type InputGrads<K extends OpName> = {
  [P in keyof OpSpecs[K]['inputs']]?: OpSpecs[K]['inputs'][P] extends readonly TensorInfo[]
    ? readonly (Tensor | null)[]
    : Tensor | null;
};

/**
 * A gradient rule: given `dy`, the gradient of the op's output, and the op's record (inputs,
 * attrs, output), returns the gradients of its inputs. Rules are written with public
 * `@nn/tensor` ops, so they run on every backend and can themselves be differentiated.
 * @category Autograd
 */
export type GradRule<K extends OpName> = (dy: Tensor, record: OpRecord<K>) => InputGrads<K>;
