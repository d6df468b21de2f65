import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { unaryKernel, type UnaryLoop } from './unary.js';

/** Loop: `v < 0 ? 0 : v` (NaN and -0 pass through). */
function reluLoop(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = v < 0 ? 0 : v;
  }
}

/**
 * ReLU of one float32 bit pattern, without a data-dependent branch (one mispredicts on every other
 * element of mixed-sign data, which made this op several times slower). The word is cleared exactly
 * when it encodes a negative non-zero number, -Infinity included: `t = bits + 0x7fffffff` maps those
 * onto `[0, 0x7f800000)`, while -0 (`t = -1`), positives (`t < 0` or `0x7fffffff`) and negative NaNs
 * (`t >= 0x7f800000`) fall outside and pass through unchanged, as in {@link reluLoop}.
 */
function reluBits(v: number): number {
  const t = (v + 0x7fffffff) | 0;
  return v & ~(((t - 0x7f800000) >> 31) & ~(t >> 31));
}

/** Float32 loop: {@link reluBits} on Int32Array views of the storage, unrolled 8-fold. */
function reluF32(x: TypedArray, out: TypedArray, n: number): void {
  const xi = new Int32Array(x.buffer, x.byteOffset, n);
  const oi = new Int32Array(out.buffer, out.byteOffset, n);
  let i = 0;
  for (; i < n - 7; i += 8) {
    oi[i] = reluBits(xi[i]!);
    oi[i + 1] = reluBits(xi[i + 1]!);
    oi[i + 2] = reluBits(xi[i + 2]!);
    oi[i + 3] = reluBits(xi[i + 3]!);
    oi[i + 4] = reluBits(xi[i + 4]!);
    oi[i + 5] = reluBits(xi[i + 5]!);
    oi[i + 6] = reluBits(xi[i + 6]!);
    oi[i + 7] = reluBits(xi[i + 7]!);
  }
  for (; i < n; i++) oi[i] = reluBits(xi[i]!);
}

/** Int32 loop, branch-free: `v & ~(v >> 31)` clears exactly the negative values. */
function reluI32(x: TypedArray, out: TypedArray, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    out[i] = v & ~(v >> 31);
  }
}

/**
 * CPU kernel of `Relu`: `max(x, 0)`; NaN stays NaN. Float32 and int32 run branch-free loops of
 * their own (each only ever sees its one array type); float64 uses {@link reluLoop}.
 */
export const reluKernel: KernelFn<'Relu', CpuBackend> = unaryKernel((dtype: DType): UnaryLoop =>
  dtype === 'float32' ? reluF32 : dtype === 'int32' ? reluI32 : reluLoop,
);
