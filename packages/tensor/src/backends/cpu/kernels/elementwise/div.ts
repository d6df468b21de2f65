import type { DType, TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { binaryKernel, f32Rows, type F32Loops, type RowLoop } from './binary.js';
import type { Rows } from './broadcast.js';

/** Row loop: `x / y`. */
export function divRows(a: TypedArray, b: TypedArray, out: TypedArray, r: Rows): void {
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
        out[o + i] = x / y;
      }
    } else if (sa === 1) {
      const y = b[jb]!;
      for (let i = 0; i < len; i++) {
        const x = a[ja + i]!;
        out[o + i] = x / y;
      }
    } else if (sb === 1) {
      const x = a[ja]!;
      for (let i = 0; i < len; i++) {
        const y = b[jb + i]!;
        out[o + i] = x / y;
      }
    } else {
      const x = a[ja]!;
      const y = b[jb]!;
      out.fill(x / y, o, o + len);
    }
  }
}

/** Float32 element loops of `x / y` (see {@link F32Loops}). */
const divF32: F32Loops = {
  same(a, b, out, j, n) {
    const end = j + n;
    for (const e8 = end - 7; j < e8; j += 8) {
      out[j] = a[j]! / b[j]!;
      out[j + 1] = a[j + 1]! / b[j + 1]!;
      out[j + 2] = a[j + 2]! / b[j + 2]!;
      out[j + 3] = a[j + 3]! / b[j + 3]!;
      out[j + 4] = a[j + 4]! / b[j + 4]!;
      out[j + 5] = a[j + 5]! / b[j + 5]!;
      out[j + 6] = a[j + 6]! / b[j + 6]!;
      out[j + 7] = a[j + 7]! / b[j + 7]!;
    }
    for (; j < end; j++) out[j] = a[j]! / b[j]!;
  },
  vv(a, b, out, ja, jb, o, n) {
    let i = 0;
    for (; i < n - 7; i += 8) {
      const p = ja + i;
      const q = jb + i;
      const r = o + i;
      out[r] = a[p]! / b[q]!;
      out[r + 1] = a[p + 1]! / b[q + 1]!;
      out[r + 2] = a[p + 2]! / b[q + 2]!;
      out[r + 3] = a[p + 3]! / b[q + 3]!;
      out[r + 4] = a[p + 4]! / b[q + 4]!;
      out[r + 5] = a[p + 5]! / b[q + 5]!;
      out[r + 6] = a[p + 6]! / b[q + 6]!;
      out[r + 7] = a[p + 7]! / b[q + 7]!;
    }
    for (; i < n; i++) out[o + i] = a[ja + i]! / b[jb + i]!;
  },
  vs(a, y, out, ja, o, n) {
    let i = 0;
    for (; i < n - 7; i += 8) {
      const p = ja + i;
      const r = o + i;
      out[r] = a[p]! / y;
      out[r + 1] = a[p + 1]! / y;
      out[r + 2] = a[p + 2]! / y;
      out[r + 3] = a[p + 3]! / y;
      out[r + 4] = a[p + 4]! / y;
      out[r + 5] = a[p + 5]! / y;
      out[r + 6] = a[p + 6]! / y;
      out[r + 7] = a[p + 7]! / y;
    }
    for (; i < n; i++) out[o + i] = a[ja + i]! / y;
  },
  sv(x, b, out, jb, o, n) {
    let i = 0;
    for (; i < n - 7; i += 8) {
      const q = jb + i;
      const r = o + i;
      out[r] = x / b[q]!;
      out[r + 1] = x / b[q + 1]!;
      out[r + 2] = x / b[q + 2]!;
      out[r + 3] = x / b[q + 3]!;
      out[r + 4] = x / b[q + 4]!;
      out[r + 5] = x / b[q + 5]!;
      out[r + 6] = x / b[q + 6]!;
      out[r + 7] = x / b[q + 7]!;
    }
    for (; i < n; i++) out[o + i] = x / b[jb + i]!;
  },
  one: (x, y) => x / y,
};

/** Row loop of float32 `x / y`. */
const divRowsF32 = f32Rows(divF32);

/** CPU kernel of `Div`: `a / b` (the public `div` sends float inputs only), broadcasting. */
export const divKernel: KernelFn<'Div', CpuBackend> = binaryKernel('Div', (dtype: DType): RowLoop =>
  dtype === 'float32' ? divRowsF32 : divRows,
);
