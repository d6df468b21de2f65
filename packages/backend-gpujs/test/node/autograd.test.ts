// Autograd's gradient oracle (whole models against PyTorch: MLP, CNNs, layer norm, attention,
// residual and pooling compositions, second-order penalties) run on the gpu.js backend. Every
// gradient rule is written with public ops, so the backward pass runs on gpu.js kernels too.
import { getBackend } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { compositeGradientSuite } from '../../../autograd/test/oracle/composite-suite.js';
import { useGpuJsBackend } from '../support/suite-backend.js';

for (const mode of ['webasm', 'cpu'] as const) {
  describe(`autograd on gpujs-${mode}`, () => {
    const gpu = useGpuJsBackend(mode);

    it('runs on the mode it claims', () => {
      expect(getBackend()).toBe(gpu());
      expect(gpu().capabilities.mode).toBe(mode);
    });

    compositeGradientSuite(['float32']);
  });
}
