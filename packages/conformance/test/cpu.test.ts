import { createCpuBackend } from '@nn/tensor';
import { runBackendConformance } from '../src/index.js';

// The reference backend passes the whole suite, with no skips.
runBackendConformance({
  name: 'cpu',
  create: () => createCpuBackend(),
  assertBackend: (backend) => {
    if (backend.capabilities.mode !== 'cpu') throw new Error(`expected mode cpu, got ${backend.capabilities.mode}`);
  },
});
