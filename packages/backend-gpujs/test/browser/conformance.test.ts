import { runBackendConformance } from '@nn/conformance';
import { gpujsConformance } from '../conformance-options.js';

// The browser modes, each proven at run time: a "GPU" run that fell back to another mode fails here.
runBackendConformance(gpujsConformance('webgl2'));
runBackendConformance(gpujsConformance('webgpu'));
