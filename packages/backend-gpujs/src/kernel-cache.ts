import { BackendError } from '@nn/tensor';
import type { GPU, IGPUKernelSettings, IKernelRunShortcut } from 'gpu.js';
import { kernelMode, type GpuJsMode } from './modes.js';

/**
 * What compiling one kernel needs: its source text and the largest loop bound in it.
 * @category Backend authoring
 */
export interface KernelSource {
  /** `function (a, b) { … return value; }`: one output element per `this.thread.x`. */
  readonly source: string;
  /** The largest number of iterations of any loop in the source (0 when it has none). */
  readonly loopMax: number;
}

/**
 * Compiled gpu.js kernels, one per key (the op, every attribute the source depends on, and the
 * input and output shapes). gpu.js compiles a kernel on its first call; the cache makes sure
 * that happens once per distinct key, and checks that each kernel really runs in the backend's
 * mode (gpu.js may quietly build a kernel for another mode when it cannot translate one).
 */
export class KernelCache {
  private readonly kernels = new Map<string, IKernelRunShortcut>();

  constructor(
    private readonly gpu: GPU,
    private readonly mode: GpuJsMode,
  ) {}

  /** How many kernels have been compiled. */
  get size(): number {
    return this.kernels.size;
  }

  /** The kernel for `key` with `outputSize` outputs, compiled from `build()` on the first request. */
  get(key: string, outputSize: number, build: () => KernelSource): IKernelRunShortcut {
    const cacheKey = `${key}→${outputSize}`;
    let kernel = this.kernels.get(cacheKey);
    if (kernel === undefined) {
      const { source, loopMax } = build();
      checkLoopBounds(key, source, loopMax);
      const settings: IGPUKernelSettings & { loopMaxIterations: number } = {
        output: [outputSize],
        pipeline: true,
        immutable: true,
        precision: 'single',
        tactic: 'precision',
        // Every loop bound is written into the source; gpu.js's default cap (1000) never applies.
        loopMaxIterations: Math.max(1, loopMax),
      };
      kernel = this.gpu.createKernel(source, settings);
      this.kernels.set(cacheKey, kernel);
    }
    return kernel;
  }

  /** Throws unless `kernel` ran in the backend's mode (called after its first run). */
  assertMode(kernel: IKernelRunShortcut, key: string): void {
    const ran = kernelMode(kernel.kernel);
    if (ran !== this.mode) {
      throw new BackendError({
        op: key.split(':')[0]!,
        expected: `a kernel compiled for gpu.js mode '${this.mode}'`,
        got: `gpu.js built it for '${ran ?? 'an unknown mode'}'`,
        hint: 'gpu.js could not translate this kernel for the mode; report it with the op and shapes',
      });
    }
  }

  /** Destroys every compiled kernel. */
  clear(): void {
    for (const kernel of this.kernels.values()) kernel.destroy();
    this.kernels.clear();
  }
}

/** `for (let j = <start>; j <op> <bound>; …)`: a loop header of generated kernel source. */
const LOOP_HEADER = /for\s*\(\s*let\s+(\w+)\s*=\s*([^;]+);\s*\1\s*(<=?)\s*([^;]+);/g;

/**
 * Checks that every loop of a generated kernel has a literal bound within `loopMax`, so gpu.js's
 * `loopMaxIterations` (set to `loopMax`) can never cut a loop short on the GPU modes.
 */
function checkLoopBounds(key: string, source: string, loopMax: number): void {
  for (const [, , start, op, bound] of source.matchAll(LOOP_HEADER)) {
    const first = Number(start!.trim());
    const last = Number(bound!.trim()) - (op === '<' ? 1 : 0);
    if (!Number.isInteger(first) || !Number.isInteger(last)) {
      throw new Error(`gpujs ${key}: a kernel loop needs literal bounds, got 'from ${start} ${op} ${bound}'`);
    }
    if (last - first + 1 > Math.max(1, loopMax)) {
      throw new Error(`gpujs ${key}: a kernel loop runs ${last - first + 1} times, more than its loopMax ${loopMax}`);
    }
  }
}
