/** Debian's Chromium (`apt-get install chromium`); no browser is ever downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless flags: no network chatter, and SwiftShader for both WebGL2 and WebGPU, so the real
 * gpu.js WebGL2 and WebGPU code paths run on a machine with no GPU.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader',
] as const;
