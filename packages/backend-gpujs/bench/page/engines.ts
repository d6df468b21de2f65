/**
 * The benchmarked engines, created in this browser: @nn on its CPU backend and on the gpu.js
 * backend in WebGL2 and WebGPU mode (each proven by `createGpuJsBackend`, which never falls back
 * silently), and TF.js 4.22 on its webgl and cpu backends (production mode). An engine that cannot
 * be created here is reported unavailable with the reason; the others still run.
 */
import { createCpuBackend, setBackend } from '@nn/tensor';
import type { Backend } from '@nn/tensor/backend';
import { createGpuJsBackend } from '@nn/backend-gpujs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { ENGINES, type EngineId, type EngineStatus, type GraphicsInfo } from '../lib/types.js';

export { tf };

interface EngineBase {
  readonly id: EngineId;
  /** Whether results can be read synchronously (all but WebGPU). */
  readonly sync: boolean;
  /** Makes this engine the active one: @nn and TF.js both keep their backend as global state. */
  activate(): Promise<void>;
}

/** @nn on one of its backends. */
export interface NNEngine extends EngineBase {
  readonly kind: 'nn';
  readonly backend: Backend;
}

/** TF.js on one of its backends. */
export interface TFEngine extends EngineBase {
  readonly kind: 'tfjs';
}

export type Engine = NNEngine | TFEngine;

/** The first line of an error, with its class name (e.g. `KernelNotFoundError: …`), for a table note. */
export function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n')[0]!.slice(0, 300);
}

function nnEngine(id: EngineId, backend: Backend): NNEngine {
  return {
    id,
    kind: 'nn',
    backend,
    sync: backend.capabilities.syncRead,
    activate: async () => setBackend(backend),
  };
}

function tfEngine(id: EngineId, name: 'webgl' | 'cpu'): TFEngine {
  return {
    id,
    kind: 'tfjs',
    sync: true,
    activate: async () => {
      if (tf.getBackend() !== name && !(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`);
    },
  };
}

/** Creates one engine, or says why it cannot run here. */
async function create(id: EngineId): Promise<{ engine: Engine; detail: string }> {
  switch (id) {
    case 'nn-cpu':
      return { engine: nnEngine(id, createCpuBackend()), detail: 'CPU backend (JavaScript)' };
    case 'nn-webgl2':
    case 'nn-webgpu': {
      const backend = await createGpuJsBackend({ mode: id === 'nn-webgl2' ? 'webgl2' : 'webgpu' });
      return { engine: nnEngine(id, backend), detail: `gpu.js backend, mode '${backend.mode}' (proven at creation)` };
    }
    case 'tfjs-webgl': {
      const engine = tfEngine(id, 'webgl');
      await engine.activate();
      const env = tf.env();
      return {
        engine,
        detail: `TF.js ${tf.version_core} webgl backend, WebGL ${env.getNumber('WEBGL_VERSION')}, float32 render targets ${env.getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? 'yes' : 'no'}, packed ${env.getBool('WEBGL_PACK') ? 'yes' : 'no'}`,
      };
    }
    case 'tfjs-cpu': {
      const engine = tfEngine(id, 'cpu');
      await engine.activate();
      return { engine, detail: `TF.js ${tf.version_core} cpu backend (JavaScript)` };
    }
  }
}

/** Creates every engine; the ones that fail are left out of `engines` and say why in `status`. */
export async function loadEngines(): Promise<{
  engines: Partial<Record<EngineId, Engine>>;
  status: Record<EngineId, EngineStatus>;
}> {
  tf.env().set('PROD', true);
  const engines: Partial<Record<EngineId, Engine>> = {};
  const status = {} as Record<EngineId, EngineStatus>;
  for (const { id } of ENGINES) {
    try {
      const { engine, detail } = await create(id);
      engines[id] = engine;
      status[id] = { ok: true, detail };
    } catch (e) {
      status[id] = { ok: false, reason: errorText(e) };
    }
  }
  return { engines, status };
}

interface WebGpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}
interface WebGpuNavigator {
  gpu?: { requestAdapter(): Promise<{ info?: WebGpuAdapterInfo } | null> };
}

/** What WebGL2 renders with (the unmasked renderer where the browser tells it). */
function webgl2Renderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl === null) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug === null ? gl.RENDERER : debug.UNMASKED_RENDERER_WEBGL));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** The default WebGPU adapter's vendor, architecture and description. */
async function webgpuAdapter(): Promise<string | null> {
  const gpu = (navigator as WebGpuNavigator).gpu;
  if (gpu === undefined) return null;
  const adapter = await gpu.requestAdapter();
  if (adapter === null) return null;
  const i = adapter.info ?? {};
  const parts = [i.vendor, i.architecture, i.device, i.description].filter((p) => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(' · ') : 'an adapter (no info)';
}

/** The browser, its WebGL2 renderer and WebGPU adapter, and whether either is SwiftShader (software). */
export async function graphicsInfo(): Promise<GraphicsInfo> {
  const webgl2 = webgl2Renderer();
  let webgpu: string | null;
  try {
    webgpu = await webgpuAdapter();
  } catch (e) {
    webgpu = `error: ${errorText(e)}`;
  }
  const software = [webgl2, webgpu].some((s) => s !== null && /swiftshader/i.test(s));
  return { userAgent: navigator.userAgent, webgl2, webgpu, software, crossOriginIsolated };
}
