import type { TensorInfo } from '@nn/tensor/backend';
import type { GpuJsBackend, Program } from '../../gpujs-backend.js';

/**
 * Runs an index kernel behind its index check (`program.guard`, from `backend.checkIndices`).
 * Without a guard (the check already passed) it is a plain `run`. With one (the async contract,
 * indices not yet on the host):
 * an empty input can only be a size-0 indexed dim of `x`, for which every index value is out of
 * range: the guard is certain to reject, so a one-element placeholder stands in for that input and
 * the output carries the `IndexError`. (An empty output carries it too: `run` keeps the guard.)
 */
export function runChecked(backend: GpuJsBackend, program: Program): TensorInfo {
  const { guard } = program;
  if (guard === undefined || guard === null || program.shape.some((n) => n === 0)) return backend.run(program);
  const placeholders = program.inputs.map((t) => (t.shape.some((n) => n === 0) ? backend.fill([1], t.dtype, 0) : null));
  const out = backend.run({ ...program, inputs: program.inputs.map((t, i) => placeholders[i] ?? t) });
  for (const p of placeholders) if (p !== null) backend.disposeData(p.dataId);
  return out;
}
