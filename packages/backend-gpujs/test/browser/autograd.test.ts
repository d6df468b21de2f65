// Autograd's gradient oracle (whole models against PyTorch) on WebGL2: the backward pass of every
// composite model runs on gpu.js's WebGL2 kernels. (WebGPU has no synchronous reads, which the
// oracle's comparison uses; its gradients are exercised by the training tests instead.)
import { getBackend } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import fixture from '../../../autograd/test/fixtures/composites.json';
import type { GradFixtureFile } from '../../../autograd/test/oracle/fixtures.js';
import { compositeGradientSuite } from '../../../autograd/test/oracle/composite-suite.js';
import { useGpuJsBackend } from '../support/suite-backend.js';

describe('autograd on gpujs-webgl2', () => {
  const gpu = useGpuJsBackend('webgl2');

  it('runs on the mode it claims', () => {
    expect(getBackend()).toBe(gpu());
    expect(gpu().capabilities.mode).toBe('webgl2');
  });

  compositeGradientSuite(['float32'], fixture as unknown as GradFixtureFile);
});
