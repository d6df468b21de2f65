// Helpers shared by the pooling layers (internal: not exported from the package).
import { ArgumentError, ShapeError, type Tensor } from '@nn/tensor';
import { checkBool, checkTuple, shapeText, show } from './checks.js';

/** Parsed pooling geometry. @internal */
export interface PoolGeometry {
  kernelSize: [number, number];
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  ceilMode: boolean;
}

/** Parses and validates a pooling layer's window (PyTorch checks padding ≤ kernel / 2). @internal */
export function poolGeometry(
  op: string,
  kernelSize: unknown,
  o: { stride?: unknown; padding?: unknown; dilation?: unknown; ceilMode?: unknown },
): PoolGeometry {
  const kernel = checkTuple(op, 'kernelSize', kernelSize ?? null, 2, 1) as [number, number];
  const stride = (o.stride === null ? kernel : checkTuple(op, 'stride', o.stride, 2, 1, kernel)) as [number, number];
  const padding = checkTuple(op, 'padding', o.padding, 2, 0, [0, 0]) as [number, number];
  const dilation = checkTuple(op, 'dilation', o.dilation, 2, 1, [1, 1]) as [number, number];
  const ceilMode = checkBool(op, 'ceilMode', o.ceilMode, false);
  if (padding.some((p, d) => p > Math.floor(kernel[d]! / 2))) {
    throw new ArgumentError({
      op,
      arg: 'padding',
      expected: `at most half the kernel size ${show(kernel)}`,
      got: show(padding),
    });
  }
  return { kernelSize: kernel, stride, padding, dilation, ceilMode };
}

/** Checks `x` is `[N, C, H, W]` or `[C, H, W]` and large enough for one window. @internal */
export function checkPoolInput(op: string, x: Tensor, g: PoolGeometry): void {
  for (let d = 0; d < 2; d++) {
    const size = x.shape[x.rank - 2 + d]!;
    const span = g.dilation[d]! * (g.kernelSize[d]! - 1) + 1;
    const room = size + 2 * g.padding[d]! - span;
    let out = (g.ceilMode ? Math.ceil(room / g.stride[d]!) : Math.floor(room / g.stride[d]!)) + 1;
    if (g.ceilMode && (out - 1) * g.stride[d]! >= size + g.padding[d]!) out--;
    if (size === 0 || out < 1) {
      throw new ShapeError({
        op,
        arg: 'x',
        expected: `spatial dims large enough for one window of ${shapeText(g.kernelSize)} (padding ${shapeText(g.padding)})`,
        got: `shape ${shapeText(x.shape)}`,
      });
    }
  }
}
