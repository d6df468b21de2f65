// The backend's own contract in Node: modes are proven or refused with a named error, storage
// refuses what single precision cannot hold, and reads give each dtype back.
import { ArgumentError, BackendError, DTypeError, tensor, zeros } from '@nn/tensor';
import { createGpuJsBackend, GPUJS_MODES } from '@nn/backend-gpujs';
import { describe, expect, it } from 'vitest';
import { expectError, rejectionOf } from '../../../../scripts/test-kit/errors.js';
import { useGpuJsBackend } from '../support/suite-backend.js';

describe('createGpuJsBackend', () => {
  it('refuses a mode that is not available here, saying why', async () => {
    const error = await rejectionOf(createGpuJsBackend({ mode: 'webgl2' }));
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).message).toMatch(
      /createGpuJsBackend\(options\.mode\): expected a mode available here \(asked for 'webgl2'\), got no WebGL2 context/,
    );
    expect(await rejectionOf(createGpuJsBackend({ mode: 'headlessgl' }))).toBeInstanceOf(BackendError);
  });

  it('refuses an unknown mode', async () => {
    const error = await rejectionOf(createGpuJsBackend({ mode: 'webgl' as never }));
    expect((error as BackendError).message).toMatch(/expected 'auto' or one of 'webgl2', .*got 'webgl'/);
  });

  it("'auto' takes the first mode that works, and says which (WebAssembly in Node without gl)", async () => {
    const backend = await createGpuJsBackend();
    expect(backend.capabilities.mode).toBe('webasm');
    expect(GPUJS_MODES).toContain(backend.capabilities.mode);
    backend.dispose();
  });
});

describe('storage', () => {
  const gpu = useGpuJsBackend('webasm');

  it('reports single precision and the dtypes it stores', () => {
    expect(gpu().capabilities).toEqual({
      dtypes: ['float32', 'int32', 'bool'],
      floatPrecision: 32,
      syncRead: true,
      mode: 'webasm',
    });
  });

  it('refuses float64 with a DTypeError', () => {
    expectError(() => tensor([1, 2], { dtype: 'float64' }), DTypeError, 'gpujs.write', 'dtype');
  });

  it('refuses int32 values float32 storage cannot hold exactly, and keeps those it can', () => {
    const before = gpu().numDataIds();
    const error = expectError(
      () => tensor([1, 2 ** 24 + 1], { dtype: 'int32' }),
      ArgumentError,
      'gpujs.write',
      'values',
    );
    expect(error.message).toMatch(/within ±2\^24 = ±16777216 .*got 16777217 at flat position 1/);
    expect(gpu().numDataIds()).toBe(before);
    const edge = tensor([2 ** 24, -(2 ** 24)], { dtype: 'int32' });
    expect(edge.dataSync()).toEqual(new Int32Array([2 ** 24, -(2 ** 24)]));
    edge.dispose();
  });

  it('refuses more than 2^24 elements', () => {
    expectError(() => zeros([4097, 4097]), ArgumentError, 'gpujs.write');
  });

  it('gives every dtype back, and frees on dispose', async () => {
    const before = gpu().numDataIds();
    const f = tensor([1.5, -2]);
    const i = tensor([3, -4], { dtype: 'int32' });
    const b = tensor([true, false]);
    expect(await f.data()).toEqual(new Float32Array([1.5, -2]));
    expect(i.dataSync()).toEqual(new Int32Array([3, -4]));
    expect(b.toArray()).toEqual([true, false]);
    expect(gpu().numDataIds()).toBe(before + 3);
    for (const t of [f, i, b]) t.dispose();
    expect(gpu().numDataIds()).toBe(before);
  });
});
