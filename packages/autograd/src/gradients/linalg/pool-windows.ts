import { pad, slice, stack, type Tensor } from '@nn/tensor';
import type { Pair, Pool2DAttrs } from '@nn/tensor/backend';

/**
 * Every pooling window's taps, gathered with public ops: `t: [N, C, H, W]` → `[N, C, H', W', kh·kw]`,
 * taps in row-major window order (the order the pooling kernels scan). Positions in the padding,
 * or past the input in ceil mode, read `fill`.
 */
export function poolWindows(t: Tensor, attrs: Pool2DAttrs & { dilation: Pair }, [oh, ow]: Pair, fill: number): Tensor {
  const [kh, kw] = attrs.kernelSize;
  const [sh, sw] = attrs.stride;
  const [ph, pw] = attrs.padding;
  const [dh, dw] = attrs.dilation;
  const spanH = (oh - 1) * sh + (kh - 1) * dh + 1;
  const spanW = (ow - 1) * sw + (kw - 1) * dw + 1;
  const bottom = Math.max(0, spanH - ph - t.shape[2]!);
  const right = Math.max(0, spanW - pw - t.shape[3]!);
  const padded = pw + right + ph + bottom === 0 ? t : pad(t, [pw, right, ph, bottom], { value: fill });
  const taps: Tensor[] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      taps.push(
        slice(padded, [null, null, [i * dh, i * dh + (oh - 1) * sh + 1, sh], [j * dw, j * dw + (ow - 1) * sw + 1, sw]]),
      );
    }
  }
  return stack(taps, -1);
}
