import { BackendError } from '@nn/tensor';
import * as gpujs from 'gpu.js';
import { CPUKernel, GPU, HeadlessGLKernel, WebAssemblyKernel, WebGL2Kernel } from 'gpu.js';

/** gpu.js's WebGPU kernel class (exported at run time; its type declarations predate it). */
const WebGPUKernel = (gpujs as unknown as { WebGPUKernel: unknown }).WebGPUKernel;

/**
 * The gpu.js modes this backend runs in: `'webgl2'` and `'webgpu'` in browsers, `'headlessgl'`
 * (the `gl` package) and `'webasm'` (WebAssembly with SIMD) in Node or browsers, and `'cpu'`
 * (gpu.js's plain-JavaScript kernels) anywhere.
 * @category Backend
 */
export type GpuJsMode = 'webgl2' | 'webgpu' | 'headlessgl' | 'webasm' | 'cpu';

/** Every mode, in the order `'auto'` tries them. @category Backend */
export const GPUJS_MODES: readonly GpuJsMode[] = ['webgl2', 'headlessgl', 'webgpu', 'webasm', 'cpu'];

/** The kernel class gpu.js uses in each mode: how the mode really in use is told apart. */
const KERNEL_CLASS: Record<GpuJsMode, unknown> = {
  webgl2: WebGL2Kernel,
  webgpu: WebGPUKernel,
  headlessgl: HeadlessGLKernel,
  webasm: WebAssemblyKernel,
  cpu: CPUKernel,
};

/** Why a mode cannot run here, or null when it can (the quick checks gpu.js offers). */
async function unavailableReason(mode: GpuJsMode): Promise<string | null> {
  switch (mode) {
    case 'webgl2':
      return GPU.isWebGL2Supported ? null : 'no WebGL2 context can be created here';
    case 'headlessgl':
      return GPU.isHeadlessGLSupported ? null : 'the `gl` package (headless GL) is not installed or cannot load';
    case 'webgpu':
      return (await GPU.isWebGPUAvailable()) ? null : 'navigator.gpu gives no adapter here';
    case 'webasm':
      return GPU.isWebAssemblySupported ? null : 'WebAssembly with SIMD is not supported here';
    case 'cpu':
      return null;
  }
}

/** The mode a compiled gpu.js kernel really runs in, or null when it is none of ours. */
export function kernelMode(kernel: unknown): GpuJsMode | null {
  const constructor = (kernel as { constructor?: unknown } | null)?.constructor;
  const found = GPUJS_MODES.find((mode) => KERNEL_CLASS[mode] === constructor);
  return found ?? null;
}

/** A gpu.js instance and the mode it was proven to run in. */
export interface OpenedGpu {
  readonly gpu: GPU;
  readonly mode: GpuJsMode;
}

/**
 * Opens gpu.js in `mode` and proves it: compiles and runs a probe kernel, then checks the class
 * of the kernel gpu.js really built (gpu.js otherwise falls back to another mode silently).
 */
async function openMode(mode: GpuJsMode): Promise<OpenedGpu> {
  const reason = await unavailableReason(mode);
  if (reason !== null) throw unavailable(mode, reason);
  const gpu = new GPU({ mode });
  const probe = gpu.createKernel('function (x) { return x[this.thread.x] * 2; }', {
    output: [2],
    precision: 'single',
  });
  let got: ArrayLike<number>;
  try {
    got = (await probe(new Float32Array([1.5, -3]))) as ArrayLike<number>;
  } catch (error) {
    gpu.destroy();
    throw unavailable(mode, `a probe kernel failed: ${(error as Error).message}`);
  }
  const ran = kernelMode(probe.kernel);
  probe.destroy();
  if (ran !== mode || got[0] !== 3 || got[1] !== -6) {
    gpu.destroy();
    throw unavailable(
      mode,
      `gpu.js ran the probe kernel in mode '${ran ?? 'unknown'}' giving [${Array.from(got).join(', ')}]`,
    );
  }
  return { gpu, mode };
}

function unavailable(mode: GpuJsMode, reason: string): BackendError {
  return new BackendError({
    op: 'createGpuJsBackend',
    arg: 'options.mode',
    expected: `a mode available here (asked for '${mode}')`,
    got: reason,
    hint: "Ask for another mode, or mode: 'auto' to take the first that works",
  });
}

/**
 * Opens the asked-for mode, or with `'auto'` the first of {@link GPUJS_MODES} that works here.
 * Throws a `BackendError` when the asked-for mode is not available; never falls back silently.
 */
export async function openGpu(mode: GpuJsMode | 'auto'): Promise<OpenedGpu> {
  if (mode !== 'auto') {
    if (!GPUJS_MODES.includes(mode)) {
      throw new BackendError({
        op: 'createGpuJsBackend',
        arg: 'options.mode',
        expected: `'auto' or one of ${GPUJS_MODES.map((m) => `'${m}'`).join(', ')}`,
        got: `'${String(mode)}'`,
      });
    }
    return openMode(mode);
  }
  const reasons: string[] = [];
  for (const candidate of GPUJS_MODES) {
    try {
      return await openMode(candidate);
    } catch (error) {
      reasons.push(`${candidate}: ${(error as Error).message}`);
    }
  }
  throw new BackendError({
    op: 'createGpuJsBackend',
    arg: 'options.mode',
    expected: 'some gpu.js mode to work here',
    got: reasons.join('; '),
  });
}
