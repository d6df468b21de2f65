import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { binaryKernel, type RowLoop } from './binary.js';
import type { Rows } from './broadcast.js';

/**
 * Row loop: `x !== y`, stored as `+(x !== y)`, which V8 compiles without a branch (`? 1 : 0`
 * mispredicts on mixed data).
 */
export function notEqualRows(a: TypedArray, b: TypedArray, out: TypedArray, r: Rows): void {
  const { len, count, offs, steps } = r;
  const sa = steps[0]!;
  const sb = steps[1]!;
  const oa = offs[0]!;
  const ob = offs[1]!;
  for (let k = 0, o = r.out; k < count; k++, o += len) {
    const ja = oa[k]!;
    const jb = ob[k]!;
    if (sa === 1 && sb === 1) {
      for (let i = 0; i < len; i++) {
        const x = a[ja + i]!;
        const y = b[jb + i]!;
        out[o + i] = +(x !== y);
      }
    } else if (sa === 1) {
      const y = b[jb]!;
      for (let i = 0; i < len; i++) {
        const x = a[ja + i]!;
        out[o + i] = +(x !== y);
      }
    } else if (sb === 1) {
      const x = a[ja]!;
      for (let i = 0; i < len; i++) {
        const y = b[jb + i]!;
        out[o + i] = +(x !== y);
      }
    } else {
      const x = a[ja]!;
      const y = b[jb]!;
      out.fill(x !== y ? 1 : 0, o, o + len);
    }
  }
}

/** CPU kernel of `NotEqual`: `a != b` as bool (true where either is NaN), broadcasting. */
export const notEqualKernel: KernelFn<'NotEqual', CpuBackend> = binaryKernel(
  'NotEqual',
  (): RowLoop => notEqualRows,
  'bool',
);
