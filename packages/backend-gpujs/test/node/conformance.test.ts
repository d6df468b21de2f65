import { runBackendConformance } from '@nn/conformance';
import { gpujsConformance } from '../conformance-options.js';

// gpu.js's Node modes: WebAssembly (SIMD kernels) and plain JavaScript. Each run proves its mode.
runBackendConformance(gpujsConformance('webasm'));
runBackendConformance(gpujsConformance('cpu'));
