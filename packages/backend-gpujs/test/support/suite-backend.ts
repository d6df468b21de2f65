// The gpu.js backend of a test suite: created before the suite's tests, active while they run,
// then disposed and the previous backend restored.
import { getBackend, setBackend } from '@nn/tensor';
import type { Backend } from '@nn/tensor/backend';
import { createGpuJsBackend, type GpuJsBackend, type GpuJsMode } from '@nn/backend-gpujs';
import { afterAll, beforeAll } from 'vitest';

/** Registers the hooks in the enclosing `describe` (or file); returns the backend once created. */
export function useGpuJsBackend(mode: GpuJsMode): () => GpuJsBackend {
  let backend: GpuJsBackend | undefined;
  let previous: Backend;
  beforeAll(async () => {
    previous = getBackend();
    backend = await createGpuJsBackend({ mode });
    setBackend(backend);
  });
  afterAll(() => {
    setBackend(previous);
    backend?.dispose();
  });
  return () => {
    if (backend === undefined) throw new Error(`the gpujs-${mode} backend of this suite is not created yet`);
    return backend;
  };
}
