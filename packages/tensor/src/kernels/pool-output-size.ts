/**
 * PyTorch's pooling output size along one axis: `⌊(in + 2·pad − dil·(k − 1) − 1) / stride⌋ + 1`
 * (⌈…⌉ in ceil mode, dropping a last window that would start in the right padding). Public ops
 * and every backend's pooling kernels use this one definition.
 *
 * @example
 * ```ts
 * poolOutputSize(28, 2, 2, 0, 1, false); // 14
 * poolOutputSize(5, 2, 2, 0, 1, true);   // 3
 * ```
 * @category Backend authoring
 */
export function poolOutputSize(
  size: number,
  k: number,
  stride: number,
  pad: number,
  dilation: number,
  ceilMode: boolean,
): number {
  const span = size + 2 * pad - dilation * (k - 1) - 1;
  let out = Math.floor((span + (ceilMode ? stride - 1 : 0)) / stride) + 1;
  if (ceilMode && (out - 1) * stride >= size + pad) out--;
  return out;
}
