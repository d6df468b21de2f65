// Initialisers (`init.*`, PyTorch's `torch.nn.init`): each fills a Variable in place, untracked.
// Public exports of this group; each family lives in its own file.
export { uniform, type UniformOptions } from './uniform.js';
export { normal, type NormalOptions } from './normal.js';
export { truncNormal, type TruncNormalOptions } from './trunc-normal.js';
export { constant, zeros, ones } from './constant.js';
export { eye } from './eye.js';
export { xavierUniform, xavierNormal, type XavierOptions } from './xavier.js';
export { kaimingUniform, kaimingNormal, type KaimingOptions, type KaimingMode } from './kaiming.js';
export { orthogonal, type OrthogonalOptions } from './orthogonal.js';
export { calculateGain, type Nonlinearity } from './gain.js';
export { fanInAndFanOut } from './fan.js';
export type { InitRandomOptions } from './shared.js';
