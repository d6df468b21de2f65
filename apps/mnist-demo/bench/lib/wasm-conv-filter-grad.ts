/**
 * TF.js 4.22's wasm backend has no `Conv2DBackpropFilter` kernel (it has Conv2D,
 * Conv2DBackpropInput and the 3-D `Conv3DBackpropFilterV2`), so training any convnet on it fails
 * with "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'". To still measure the CNN
 * on wasm, this registers one that runs the wasm backend's own `Conv3DBackpropFilterV2` kernel on
 * a depth-1 view of the same buffers (no copy, everything stays in wasm): x [N, H, W, C] is read as
 * [N, 1, H, W, C], dy as [N, 1, H', W', O], and the [1, kh, kw, C, O] result is returned as
 * [kh, kw, C, O]. NHWC, no dilation, 'same' / 'valid' / numeric padding only (what tfjs-layers'
 * Conv2D needs). The benchmark labels wasm CNN numbers as using it.
 */
import type { TF } from './engines.js';

type Info = { dataId: object; shape: number[]; dtype: string };

/**
 * Registers the shim unless wasm already has the kernel. Returns whether it registered it.
 * @throws when the wasm backend lacks Conv3DBackpropFilterV2 too.
 */
export function registerWasmConv2DBackpropFilter(tf: TF): boolean {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') !== undefined) return false;
  const conv3d = tf.getKernel('Conv3DBackpropFilterV2', 'wasm');
  if (conv3d === undefined) throw new Error('wasm has neither Conv2DBackpropFilter nor Conv3DBackpropFilterV2');
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as unknown as { x: Info; dy: Info };
      const a = attrs as unknown as {
        strides: number | [number, number];
        pad: unknown;
        dataFormat: string;
        dimRoundingMode?: string | null;
        filterShape: [number, number, number, number];
      };
      if (a.dataFormat !== 'NHWC' || typeof a.pad === 'object' || a.dimRoundingMode != null) {
        throw new Error(`wasm Conv2DBackpropFilter shim: unsupported attrs ${JSON.stringify(a)}`);
      }
      const [n, h, w, c] = x.shape as [number, number, number, number];
      const [, oh, ow, o] = dy.shape as [number, number, number, number];
      const [sh, sw] = typeof a.strides === 'number' ? [a.strides, a.strides] : a.strides;
      const dw = conv3d.kernelFunc({
        inputs: {
          x: { dataId: x.dataId, shape: [n, 1, h, w, c], dtype: x.dtype },
          dy: { dataId: dy.dataId, shape: [n, 1, oh, ow, o], dtype: dy.dtype },
        } as never,
        backend,
        attrs: { strides: [1, sh, sw], pad: a.pad, filterShape: [1, ...a.filterShape] } as never,
      }) as Info;
      return { dataId: dw.dataId, shape: [...a.filterShape], dtype: dw.dtype } as never;
    },
  });
  return true;
}
