import type { BackendName } from './args.js';

/** The engine a command runs on, once chosen: its description and how to release it. */
export interface ActiveBackend {
  /** e.g. `cpu` or `gpujs (webasm)`: the mode gpu.js really runs in, as the backend reports it. */
  readonly description: string;
  /** Restores the previous backend and frees the device. */
  readonly release: () => void;
}

/**
 * Makes `name` the active backend for the rest of the command. `gpujs` loads `@nn/backend-gpujs`
 * only when asked for, and fails with its `BackendError` when the named mode is not available.
 */
export async function useBackend(name: BackendName): Promise<ActiveBackend> {
  const { getBackend, setBackend } = await import('@nn/tensor');
  const previous = getBackend();
  if (name === 'cpu') return { description: previous.name, release: () => {} };
  const { createGpuJsBackend } = await import('@nn/backend-gpujs');
  const mode = name === 'gpujs' ? 'auto' : (name.slice('gpujs:'.length) as 'webasm' | 'headlessgl' | 'cpu');
  const backend = await createGpuJsBackend({ mode });
  setBackend(backend);
  return {
    description: `gpujs (${backend.capabilities.mode})`,
    release: () => {
      setBackend(previous);
      backend.dispose();
    },
  };
}
