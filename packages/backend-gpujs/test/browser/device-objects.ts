// Counts the GPU objects the page really holds, below gpu.js: live WebGL2 textures
// (createTexture, not yet deleteTexture'd) and live WebGPU buffers (createBuffer, not yet
// destroyed). A leak that our own bookkeeping missed (a texture gpu.js allocated and nobody
// deleted) shows here.

const textures = new Set<WebGLTexture>();
const buffers = new Set<GPUBuffer>();
let installed = false;

/** Starts counting (idempotent); call before creating a backend. */
export function countDeviceObjects(): void {
  if (installed) return;
  installed = true;
  const gl = WebGL2RenderingContext.prototype;
  const createTexture = gl.createTexture;
  const deleteTexture = gl.deleteTexture;
  gl.createTexture = function (this: WebGL2RenderingContext) {
    const texture = createTexture.call(this);
    if (texture !== null) textures.add(texture);
    return texture;
  };
  gl.deleteTexture = function (this: WebGL2RenderingContext, texture: WebGLTexture | null) {
    if (texture !== null) textures.delete(texture);
    deleteTexture.call(this, texture);
  };
  if (typeof GPUDevice === 'undefined') return;
  const device = GPUDevice.prototype;
  const createBuffer = device.createBuffer;
  device.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
    const buffer = createBuffer.call(this, descriptor);
    buffers.add(buffer);
    const destroy = buffer.destroy.bind(buffer);
    buffer.destroy = () => {
      buffers.delete(buffer);
      destroy();
    };
    return buffer;
  };
}

/** Live WebGL2 textures and WebGPU buffers in the page. */
export function liveDeviceObjects(): { textures: number; buffers: number } {
  return { textures: textures.size, buffers: buffers.size };
}
