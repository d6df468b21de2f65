// Activation functions. The ten core ones are @nn/tensor's (one source of truth, re-exported so that
// `@nn/layers/functional` has every activation); the rest are written here with public ops.
export { relu, leakyRelu, elu, gelu, silu, sigmoid, tanh, softplus, softmax, logSoftmax } from '@nn/tensor';
export { logSigmoid } from './log-sigmoid.js';
export { hardtanh, relu6 } from './hardtanh.js';
export { hardsigmoid, hardswish } from './hard-sigmoid.js';
export { selu } from './selu.js';
export { mish } from './mish.js';
export { softsign } from './softsign.js';
export { glu } from './glu.js';
export { prelu } from './prelu.js';
