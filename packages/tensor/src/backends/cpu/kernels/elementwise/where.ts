import type { TypedArray } from '../../../../dtype.js';
import type { KernelFn } from '../../../../kernels/op-specs.js';
import { broadcastShapes, sizeOf } from '../../../../shape.js';
import type { CpuBackend } from '../../cpu-backend.js';
import { forEachRows } from './broadcast.js';

/**
 * `out[o + i] = c[jc + i] ? a[p] : b[q]` on 32-bit words, with `p`, `q` starting at `ja`, `jb` and
 * advancing by `sa`, `sb` (1, or 0 for a broadcast operand). Branch-free, since a data-dependent
 * branch mispredicts on mixed conditions: `-c >> 31` is all ones for a non-zero condition byte and
 * 0 for a zero one, and `y ^ ((x ^ y) & mask)` picks `x` or `y`. Moving words keeps every bit
 * (NaN payloads, -0) as a plain copy would.
 */
function selectWords(
  c: Uint8Array,
  a: Int32Array,
  b: Int32Array,
  out: Int32Array,
  jc: number,
  ja: number,
  jb: number,
  sa: number,
  sb: number,
  o: number,
  n: number,
): void {
  for (let i = 0, p = ja, q = jb; i < n; i++, p += sa, q += sb) {
    const y = b[q]!;
    out[o + i] = y ^ ((a[p]! ^ y) & (-c[jc + i]! >> 31));
  }
}

/** The storage of a float32 or int32 operand as 32-bit words (the array itself for int32). */
function words(values: TypedArray): Int32Array {
  return values instanceof Int32Array ? values : new Int32Array(values.buffer, values.byteOffset, values.length);
}

/**
 * CPU kernel of `Where`: `condition ? a : b` elementwise, all three broadcasting; `condition` is
 * bool and `a`, `b` share the output dtype.
 */
export const whereKernel: KernelFn<'Where', CpuBackend> = ({ inputs: { condition, a, b }, backend }) => {
  const shape = broadcastShapes('Where', condition.shape, a.shape, b.shape);
  const out = backend.uninitialized(a.dtype, sizeOf(shape));
  const cv = backend.values(condition);
  const av = backend.values(a);
  const bv = backend.values(b);
  // float32 and int32 select 32-bit words without branching; other dtypes use the loops below.
  const wordwise = a.dtype === 'float32' || a.dtype === 'int32';
  const aw = wordwise ? words(av) : null;
  const bw = wordwise ? words(bv) : null;
  const ow = wordwise ? words(out) : null;
  forEachRows([condition.shape, a.shape, b.shape], shape, (r) => {
    const { len, count, offs, steps } = r;
    const sc = steps[0]!;
    const sa = steps[1]!;
    const sb = steps[2]!;
    const oc = offs[0]!;
    const oa = offs[1]!;
    const ob = offs[2]!;
    for (let k = 0, o = r.out; k < count; k++, o += len) {
      const jc = oc[k]!;
      const ja = oa[k]!;
      const jb = ob[k]!;
      if (sc === 1 && ow !== null) {
        selectWords(cv as Uint8Array, aw!, bw!, ow, jc, ja, jb, sa, sb, o, len);
      } else if (sc === 1 && sa === 1 && sb === 1) {
        for (let i = 0; i < len; i++) out[o + i] = cv[jc + i] ? av[ja + i]! : bv[jb + i]!;
      } else if (sc === 0) {
        // One condition for the whole row: copy a row of `a` or of `b`.
        const src = cv[jc] ? av : bv;
        const j = cv[jc] ? ja : jb;
        if ((cv[jc] ? sa : sb) === 1) for (let i = 0; i < len; i++) out[o + i] = src[j + i]!;
        else out.fill(src[j]!, o, o + len);
      } else {
        for (let i = 0, p = ja, q = jb; i < len; i++, p += sa, q += sb) out[o + i] = cv[jc + i] ? av[p]! : bv[q]!;
      }
    }
  });
  return backend.output(out, shape, a.dtype);
};
