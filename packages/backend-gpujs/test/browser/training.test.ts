// Training in the browser on the GPU modes: on WebGL2 the loss curve of a few hundred steps
// follows the CPU backend's in the same page; on WebGL2 and WebGPU 1000 steps leave no tensor and
// no texture or buffer behind (counted both by the backend and in the page, below gpu.js), and
// compile no kernel after the first step.
import { createCpuBackend, getBackend, setBackend } from '@nn/tensor';
import type { Backend } from '@nn/tensor/backend';
import { createGpuJsBackend, type GpuJsBackend } from '@nn/backend-gpujs';
import { describe, expect, it } from 'vitest';
import { startRun, type RunOptions } from '../support/mlp-training.js';
import { countDeviceObjects, liveDeviceObjects } from './device-objects.js';

const RUN: RunOptions = { hidden: [32], batchSize: 32, lr: 1e-3, seed: 0 };

async function withBackend<T>(backend: Backend, fn: () => Promise<T>): Promise<T> {
  const previous = getBackend();
  setBackend(backend);
  try {
    return await fn();
  } finally {
    setBackend(previous);
  }
}

async function losses(backend: Backend, steps: number): Promise<number[]> {
  return withBackend(backend, async () => {
    const run = await startRun(RUN);
    const out: number[] = [];
    for (let i = 0; i < steps; i++) out.push(await run.step());
    run.dispose();
    return out;
  });
}

describe('training on gpujs-webgl2', () => {
  it('follows the CPU loss curve for 300 steps', async () => {
    const gpu = await createGpuJsBackend({ mode: 'webgl2' });
    expect(gpu.capabilities.mode).toBe('webgl2');
    const ours = await losses(gpu, 300);
    gpu.dispose();
    const cpu = await losses(createCpuBackend(), 300);
    const worst = Math.max(...ours.map((l, i) => Math.abs(l - cpu[i]!)));
    expect(worst, 'largest loss difference over 300 steps').toBeLessThan(1e-3);
    expect(ours.at(-1)!).toBeLessThan(ours[0]! / 2);
  });
});

for (const mode of ['webgl2', 'webgpu'] as const) {
  describe(`memory on gpujs-${mode}`, () => {
    it('is back at its baseline after 1000 training steps', async () => {
      countDeviceObjects();
      const backend: GpuJsBackend = await createGpuJsBackend({ mode });
      expect(backend.capabilities.mode).toBe(mode);
      const snapshot = () => ({
        ids: backend.numDataIds(),
        device: backend.numDeviceBuffers(),
        page: liveDeviceObjects(),
      });
      await withBackend(backend, async () => {
        const before = { ids: backend.numDataIds(), device: backend.numDeviceBuffers() };
        const run = await startRun(RUN);
        // Two warm-up steps: the first creates Adam's state, and gpu.js keeps each kernel's last
        // output texture (or buffer) for reuse, a pool that is full once every kernel has run twice.
        await run.step();
        await run.step();
        const warm = snapshot();
        const kernels = backend.numCompiledKernels();
        for (let i = 0; i < 1000; i++) await run.step();
        expect(snapshot(), 'tensors, their device storage and the WebGL textures / WebGPU buffers of the page').toEqual(
          warm,
        );
        expect(backend.numCompiledKernels(), 'kernels compiled after the warm-up').toBe(kernels);
        run.dispose();
        expect({ ids: backend.numDataIds(), device: backend.numDeviceBuffers() }, 'model disposed').toEqual(before);
      });
      backend.dispose();
    });
  });
}
