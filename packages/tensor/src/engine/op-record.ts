import type { AttrsOf, InputsOf, OpName } from '../kernels/op-specs.js';
import type { Tensor } from '../tensor.js';

/**
 * The record of one primitive op run, emitted to `onOp` listeners. This is the whole coupling
 * between the engine and automatic differentiation.
 * @category Engine
 */
export interface OpRecord<K extends OpName = OpName> {
  /** The primitive that ran. */
  readonly op: K;
  /** Its tensor inputs, by name (as in `OpSpecs`). */
  readonly inputs: InputsOf<K, Tensor>;
  /** Its attributes, exactly as the kernel received them. */
  readonly attrs: AttrsOf<K>;
  /** The tensor it produced. */
  readonly output: Tensor;
}

/** A function that receives every `OpRecord` while subscribed. @category Engine */
export type OpListener = (record: OpRecord) => void;
