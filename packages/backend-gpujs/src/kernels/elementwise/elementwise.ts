import type { DType, Shape } from '@nn/tensor';
import { shapesEqual, type TensorInfo } from '@nn/tensor/backend';
import type { GpuJsBackend } from '../../gpujs-backend.js';
import type { GpuJsData } from '../../storage.js';
import { broadcastOffset, names, unravel } from '../../source.js';

/**
 * The body of an elementwise kernel: `statements` run first, then `result` is returned. Both
 * read the operand values by the names the kernel gives them (`v` for unary kernels, `a` and `b`
 * for binary ones). `loopMax` is the largest literal loop bound in the statements (0 if none).
 */
export interface Body {
  readonly statements?: string;
  readonly result: string;
  readonly loopMax?: number;
}

/** A body, or just its result expression. */
export type BodyLike = Body | string;

/** The body of `body`, whichever form it has. */
export function asBody(body: BodyLike): Body {
  return typeof body === 'string' ? { result: body } : body;
}

/**
 * Runs an elementwise kernel over `operands` broadcast to `shape`: operand `k` is read into a
 * variable named `values[k]`. Operands whose shape equals the output's are read at the thread
 * index directly; others through the output coordinates. `key` must name the op and everything
 * the body depends on (e.g. the dtype).
 */
export function runElementwise(
  backend: GpuJsBackend,
  key: string,
  operands: readonly TensorInfo[],
  values: readonly string[],
  shape: Shape,
  dtype: DType,
  body: Body,
): TensorInfo {
  return backend.run({
    key,
    inputs: operands,
    shape,
    dtype,
    build: () => {
      const coords = names('c', shape.length);
      const direct = operands.map((t) => shapesEqual(t.shape, shape));
      const params = operands.map((_, k) => `x${k}`);
      const reads = operands.map(
        (t, k) => `const ${values[k]} = ${params[k]}[${direct[k] ? 'i' : broadcastOffset(coords, t.shape)}];`,
      );
      return {
        source:
          `function (${params.join(', ')}) { const i = this.thread.x; ` +
          `${direct.every(Boolean) ? '' : unravel('i', shape, 'c')} ${reads.join(' ')} ` +
          `${body.statements ?? ''} return ${body.result}; }`,
        loopMax: body.loopMax ?? 0,
      };
    },
  });
}

/**
 * An exact copy of `x` stored as `dtype` (for ops that are the identity on some dtypes). Values
 * known on the host (int32 and bool tensors written from it or read back) are written again
 * from there, which keeps int32 values beyond ±2^24 exact; others are copied on the device.
 */
export function copyAs(backend: GpuJsBackend, x: TensorInfo, dtype: DType): TensorInfo {
  const host = (x.dataId as GpuJsData).host;
  if (host !== null) return { dataId: backend.write(host, x.shape, dtype), shape: x.shape, dtype };
  return runElementwise(backend, 'Copy', [x], ['v'], x.shape, dtype, { result: 'v' });
}
