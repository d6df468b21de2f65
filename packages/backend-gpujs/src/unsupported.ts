import type { OpName } from '@nn/tensor/backend';

/**
 * The primitives the gpu.js backend does not implement, each with the reason. Calling one throws
 * a `KernelNotFoundError`; nothing falls back to the CPU.
 * @category Backend
 */
export const UNSUPPORTED_OPS: Readonly<Partial<Record<OpName, string>>> = {};
