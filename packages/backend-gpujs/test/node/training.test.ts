// Training on gpu.js in Node (WebAssembly): the loss curve follows the CPU backend's, and 1000
// steps leave no tensor behind and compile no new kernels after the first step.
import { getBackend, setBackend } from '@nn/tensor';
import type { Backend } from '@nn/tensor/backend';
import { createGpuJsBackend } from '@nn/backend-gpujs';
import { describe, expect, it } from 'vitest';
import { startRun, type RunOptions } from '../support/mlp-training.js';

const RUN: RunOptions = { hidden: [32], batchSize: 32, lr: 1e-3, seed: 0 };

/** Runs `steps` steps on `backend`; returns the losses. */
async function losses(backend: Backend, steps: number): Promise<number[]> {
  const previous = getBackend();
  setBackend(backend);
  try {
    const run = await startRun(RUN);
    const out: number[] = [];
    for (let i = 0; i < steps; i++) out.push(await run.step());
    run.dispose();
    return out;
  } finally {
    setBackend(previous);
  }
}

describe('training on gpujs-webasm', () => {
  it('follows the CPU loss curve for 200 steps', async () => {
    const gpu = await createGpuJsBackend({ mode: 'webasm' });
    const ours = await losses(gpu, 200);
    gpu.dispose();
    const cpu = await losses(getBackend(), 200);
    const worst = Math.max(...ours.map((l, i) => Math.abs(l - cpu[i]!)));
    expect(worst, `largest loss difference over 200 steps`).toBeLessThan(1e-3);
    expect(ours.at(-1)!).toBeLessThan(ours[0]! / 2);
  });

  it('leaves no tensors behind after 1000 steps and compiles nothing after the first', async () => {
    const backend = await createGpuJsBackend({ mode: 'webasm' });
    const previous = getBackend();
    setBackend(backend);
    try {
      const before = backend.numDataIds();
      const run = await startRun(RUN);
      await run.step();
      const live = backend.numDataIds();
      const kernels = backend.numCompiledKernels();
      for (let i = 1; i < 1000; i++) await run.step();
      expect(backend.numDataIds(), 'live data ids after 1000 steps').toBe(live);
      expect(backend.numCompiledKernels(), 'kernels compiled after the first step').toBe(kernels);
      run.dispose();
      expect(backend.numDataIds(), 'live data ids once the model is disposed').toBe(before);
    } finally {
      setBackend(previous);
      backend.dispose();
    }
  });
});
