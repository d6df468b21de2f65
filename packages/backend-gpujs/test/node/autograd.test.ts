// Autograd's gradient oracle (whole models against PyTorch: MLP, CNNs, layer norm, attention,
// residual and pooling compositions, second-order penalties) run on the gpu.js backend. Every
// gradient rule is written with public ops, so the backward pass runs on gpu.js kernels too.
import { getBackend, setBackend } from '@nn/tensor';
import type { Backend } from '@nn/tensor/backend';
import { createGpuJsBackend, type GpuJsBackend } from '@nn/backend-gpujs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositeGradientSuite } from '../../../autograd/test/oracle/composite-suite.js';

for (const mode of ['webasm', 'cpu'] as const) {
  describe(`autograd on gpujs-${mode}`, () => {
    let previous: Backend;
    let backend: GpuJsBackend;
    beforeAll(async () => {
      previous = getBackend();
      backend = await createGpuJsBackend({ mode });
      setBackend(backend);
    });
    afterAll(() => {
      setBackend(previous);
      backend.dispose();
    });

    it('runs on the mode it claims', () => {
      expect(getBackend()).toBe(backend);
      expect(backend.capabilities.mode).toBe(mode);
    });

    compositeGradientSuite(['float32']);
  });
}
