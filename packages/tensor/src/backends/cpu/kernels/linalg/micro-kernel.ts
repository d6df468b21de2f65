import type { FloatArray, NumericArray } from './gemm.js';

/** Rows of the register-blocked micro-tile of C. */
export const MR = 4;
/** Columns of the register-blocked micro-tile of C (packed B panels are this wide). */
export const NR = 8;

const edge = new Float64Array(MR * NR);

/**
 * `C[0:mc, 0:nc] (+)= Ap · Bp` for packed operands: `Ap` holds ⌈mc/MR⌉ panels of `kc × MR`, `Bp`
 * holds ⌈nc/NR⌉ panels of `kc × NR` (zero- or garbage-padded past `mc`/`nc`: only the valid part of
 * an edge tile is written to C). Element `(i, j)` of C is `c[cOff + i·cRs + j]`.
 */
export function multiplyPacked(
  mc: number,
  nc: number,
  kc: number,
  pa: Float64Array,
  pb: Float64Array,
  c: FloatArray,
  cOff: number,
  cRs: number,
  add: boolean,
): void {
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const bo = (j0 / NR) * kc * NR;
    const cols = Math.min(NR, nc - j0);
    for (let i0 = 0; i0 < mc; i0 += MR) {
      const ao = (i0 / MR) * kc * MR;
      const rows = Math.min(MR, mc - i0);
      const co = cOff + i0 * cRs + j0;
      if (rows === MR && cols === NR) {
        micro4x8(kc, pa, ao, pb, bo, c, co, cRs, add);
        continue;
      }
      micro4x8(kc, pa, ao, pb, bo, edge, 0, NR, false);
      for (let ii = 0; ii < rows; ii++) {
        const crow = co + ii * cRs;
        for (let jj = 0; jj < cols; jj++)
          c[crow + jj] = add ? c[crow + jj]! + edge[ii * NR + jj]! : edge[ii * NR + jj]!;
      }
    }
  }
}

/** Packs `rows ≤ MR` rows × `kc` columns of A (starting at `src`) as `dst[d + p·MR + ii]`, zero-padded. */
export function packPanelA(
  a: NumericArray,
  src: number,
  rs: number,
  cs: number,
  rows: number,
  kc: number,
  dst: Float64Array,
  d: number,
): void {
  if (cs === 1) {
    for (let ii = 0; ii < rows; ii++) {
      const s = src + ii * rs;
      let t = d + ii;
      for (let p = 0; p < kc; p++) {
        dst[t] = a[s + p]!;
        t += MR;
      }
    }
  } else {
    for (let p = 0; p < kc; p++) {
      const s = src + p * cs;
      const t = d + p * MR;
      for (let ii = 0; ii < rows; ii++) dst[t + ii] = a[s + ii * rs]!;
    }
  }
  if (rows < MR) {
    for (let p = 0; p < kc; p++) for (let ii = rows; ii < MR; ii++) dst[d + p * MR + ii] = 0;
  }
}

/** Packs `kc` rows × `cols ≤ NR` columns of B (starting at `src`) as `dst[d + p·NR + jj]`, zero-padded. */
export function packPanelB(
  b: NumericArray,
  src: number,
  rs: number,
  cs: number,
  cols: number,
  kc: number,
  dst: Float64Array,
  d: number,
): void {
  if (cs === 1 || rs !== 1) {
    for (let p = 0; p < kc; p++) {
      const s = src + p * rs;
      const t = d + p * NR;
      for (let jj = 0; jj < cols; jj++) dst[t + jj] = b[s + jj * cs]!;
    }
  } else {
    for (let jj = 0; jj < cols; jj++) {
      const s = src + jj * cs;
      let t = d + jj;
      for (let p = 0; p < kc; p++) {
        dst[t] = b[s + p]!;
        t += NR;
      }
    }
  }
  if (cols < NR) {
    for (let p = 0; p < kc; p++) for (let jj = cols; jj < NR; jj++) dst[d + p * NR + jj] = 0;
  }
}

/** The 4 × 8 register-blocked kernel: `C[0:4, 0:8] (+)= Ap · Bp` over `kc` packed steps. */
// prettier-ignore
function micro4x8(
  kc: number,
  ap: Float64Array,
  ao: number,
  bp: Float64Array,
  bo: number,
  c: FloatArray,
  co: number,
  crs: number,
  add: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
  for (let p = 0; p < kc; p++) {
    const a0 = ap[ao]!, a1 = ap[ao + 1]!, a2 = ap[ao + 2]!, a3 = ap[ao + 3]!;
    const b0 = bp[bo]!, b1 = bp[bo + 1]!, b2 = bp[bo + 2]!, b3 = bp[bo + 3]!;
    const b4 = bp[bo + 4]!, b5 = bp[bo + 5]!, b6 = bp[bo + 6]!, b7 = bp[bo + 7]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c04 += a0 * b4; c05 += a0 * b5; c06 += a0 * b6; c07 += a0 * b7;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c14 += a1 * b4; c15 += a1 * b5; c16 += a1 * b6; c17 += a1 * b7;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c24 += a2 * b4; c25 += a2 * b5; c26 += a2 * b6; c27 += a2 * b7;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    c34 += a3 * b4; c35 += a3 * b5; c36 += a3 * b6; c37 += a3 * b7;
    ao += MR;
    bo += NR;
  }
  if (add) {
    c[co]! += c00; c[co + 1]! += c01; c[co + 2]! += c02; c[co + 3]! += c03;
    c[co + 4]! += c04; c[co + 5]! += c05; c[co + 6]! += c06; c[co + 7]! += c07;
    co += crs;
    c[co]! += c10; c[co + 1]! += c11; c[co + 2]! += c12; c[co + 3]! += c13;
    c[co + 4]! += c14; c[co + 5]! += c15; c[co + 6]! += c16; c[co + 7]! += c17;
    co += crs;
    c[co]! += c20; c[co + 1]! += c21; c[co + 2]! += c22; c[co + 3]! += c23;
    c[co + 4]! += c24; c[co + 5]! += c25; c[co + 6]! += c26; c[co + 7]! += c27;
    co += crs;
    c[co]! += c30; c[co + 1]! += c31; c[co + 2]! += c32; c[co + 3]! += c33;
    c[co + 4]! += c34; c[co + 5]! += c35; c[co + 6]! += c36; c[co + 7]! += c37;
  } else {
    c[co] = c00; c[co + 1] = c01; c[co + 2] = c02; c[co + 3] = c03;
    c[co + 4] = c04; c[co + 5] = c05; c[co + 6] = c06; c[co + 7] = c07;
    co += crs;
    c[co] = c10; c[co + 1] = c11; c[co + 2] = c12; c[co + 3] = c13;
    c[co + 4] = c14; c[co + 5] = c15; c[co + 6] = c16; c[co + 7] = c17;
    co += crs;
    c[co] = c20; c[co + 1] = c21; c[co + 2] = c22; c[co + 3] = c23;
    c[co + 4] = c24; c[co + 5] = c25; c[co + 6] = c26; c[co + 7] = c27;
    co += crs;
    c[co] = c30; c[co + 1] = c31; c[co + 2] = c32; c[co + 3] = c33;
    c[co + 4] = c34; c[co + 5] = c35; c[co + 6] = c36; c[co + 7] = c37;
  }
}
