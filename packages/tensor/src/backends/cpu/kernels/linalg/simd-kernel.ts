/**
 * The WebAssembly SIMD micro-kernel of the blocked GEMM (`wasm/gemm.wat`) and the memory it works
 * in. Instantiated synchronously on first use — never at import — and only where
 * `WebAssembly.validate` accepts the SIMD module; elsewhere `simdKernel()` is `null` and the
 * callers use the JavaScript kernel of `micro-kernel.ts`, which gives bit-identical results.
 *
 * The memory holds three float64 areas, in order: the packed A panels (`pa`), the packed B panels
 * (`pb`) and the product tile `w`. They only grow (`reserve`), which re-creates the views.
 */

import type { FloatArray } from './gemm.js';
import { GEMM_WASM_BASE64 } from './wasm/gemm-wasm.js';

type Multiply = (mc: number, nc: number, kc: number, pa: number, pb: number, w: number, ldw: number) => void;

const PAGE = 65536;

/** A SIMD kernel instance and float64 views of its packing areas (valid until the next `reserve`). */
export class SimdKernel {
  /** Packed A panels (`⌈mc/MR⌉` panels of `kc × MR`), as for `packPanelA`. */
  pa = new Float64Array(0);
  /** Packed B panels (`⌈nc/NR⌉` panels of `kc × NR`), as for `packPanelB`. */
  pb = new Float64Array(0);
  /** The product tile written by `multiply`: `⌈mc/MR⌉·MR` rows of `ldw` elements. */
  w = new Float64Array(0);

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly run: Multiply,
  ) {}

  /**
   * Makes the areas hold at least `pa`, `pb` and `w` elements (contents are lost when they grow);
   * `false` when the memory cannot grow that far (the caller then uses the JavaScript kernel).
   */
  reserve(pa: number, pb: number, w: number): boolean {
    if (this.pa.length >= pa && this.pb.length >= pb && this.w.length >= w) return true;
    pa = Math.max(pa, this.pa.length);
    pb = Math.max(pb, this.pb.length);
    w = Math.max(w, this.w.length);
    const bytes = (pa + pb + w) * 8;
    const have = this.memory.buffer.byteLength;
    try {
      if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
    } catch {
      return false;
    }
    const buffer = this.memory.buffer;
    this.pa = new Float64Array(buffer, 0, pa);
    this.pb = new Float64Array(buffer, pa * 8, pb);
    this.w = new Float64Array(buffer, (pa + pb) * 8, w);
    return true;
  }

  /**
   * `C[0:mc, 0:nc] (+)= pa · pb` over `kc` packed steps (same contract as `multiplyPacked`), via the
   * tile `w` with row length `ldw ≥ ⌈nc/NR⌉·NR`; only the valid `mc × nc` part reaches `C`.
   */
  multiply(
    mc: number,
    nc: number,
    kc: number,
    ldw: number,
    c: FloatArray,
    cOff: number,
    cRs: number,
    add: boolean,
  ): void {
    const pa = this.pa;
    const w = this.w;
    this.run(mc, nc, kc, pa.byteOffset, this.pb.byteOffset, w.byteOffset, ldw * 8);
    for (let i = 0; i < mc; i++) {
      let wi = i * ldw;
      const end = cOff + i * cRs + nc;
      if (add) for (let ci = end - nc; ci < end; ci++) c[ci]! += w[wi++]!;
      else for (let ci = end - nc; ci < end; ci++) c[ci] = w[wi++]!;
    }
  }
}

let kernel: SimdKernel | null | undefined;
let enabled = true;

/** The SIMD kernel, instantiated on first call; `null` where WebAssembly SIMD is unavailable or disabled. */
export function simdKernel(): SimdKernel | null {
  if (!enabled) return null;
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

/**
 * Turns the SIMD kernel on or off (on by default; off forces the JavaScript fallback, e.g. to test
 * it). Returns the previous setting.
 */
export function setSimdKernelEnabled(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

function instantiate(): SimdKernel | null {
  if (typeof WebAssembly !== 'object') return null;
  const binary = atob(GEMM_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    if (!WebAssembly.validate(bytes)) return null;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    return new SimdKernel(memory, instance.exports.multiply as Multiply);
  } catch {
    // A runtime that validates SIMD but refuses synchronous compilation (e.g. a browser main thread
    // with a large module policy) keeps the JavaScript kernel.
    return null;
  }
}
