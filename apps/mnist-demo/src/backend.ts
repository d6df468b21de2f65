import type { BackendName } from './args.js';

/** The engine a command runs on, once chosen: its description and how to release it. */
interface ActiveBackend {
  /** e.g. `cpu` or `gpujs (webasm)`: the mode gpu.js really runs in, as the backend reports it. */
  readonly description: string;
  /** Restores the previous backend and frees the device. */
  readonly release: () => void;
}

/**
 * Runs `command` with `name` as the active backend, passing its description (e.g. `gpujs (webasm)`),
 * then restores the previous one. `gpujs` loads `@nn/backend-gpujs` only when asked for, and fails
 * with its `BackendError` when the named mode is not available.
 */
export async function onBackend<T>(name: BackendName, command: (engine: string) => Promise<T>): Promise<T> {
  const engine = await useBackend(name);
  try {
    return await command(engine.description);
  } finally {
    engine.release();
  }
}

async function useBackend(name: BackendName): Promise<ActiveBackend> {
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
