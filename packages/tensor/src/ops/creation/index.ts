export { tensor, scalar, type CreationOptions } from './tensor.js';
export { full, zeros, ones, fullLike, zerosLike, onesLike } from './fill.js';
export { arange, linspace, eye } from './ranges.js';
export { rand, randn, randint, bernoulli, type RandomOptions } from './random.js';
