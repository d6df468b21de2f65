import { ArgumentError, ShapeError } from '../../errors.js';
import type { Pair, Pool2DAttrs } from '../../kernels/op-specs.js';
import type { Shape } from '../../shape.js';
import { formatShape } from '../../shape.js';
import { describe } from '../operands.js';
import type { Pool2dOptions } from './conv-options.js';
import { checkOptions, parsePair } from './conv-options.js';
import { poolOutputSize } from '../../kernels/pool-output-size.js';


/**
 * Validates pooling arguments against a 4-D input shape and returns the normalised attrs and the
 * output's spatial size. @internal
 */
export function poolAttrs(
  op: string,
  xShape: Shape,
  kernelSize: unknown,
  options: (Pool2dOptions & { dilation?: unknown; countIncludePad?: unknown }) | undefined,
  known: readonly string[],
): { attrs: Pool2DAttrs & { dilation: Pair; countIncludePad: boolean }; out: Pair } {
  checkOptions(op, options, known);
  const kernel = parsePair(op, 'kernelSize', kernelSize ?? null, [0, 0], 1);
  const stride = options?.stride === null ? kernel : parsePair(op, 'stride', options?.stride, kernel, 1);
  const padding = parsePair(op, 'padding', options?.padding, [0, 0], 0);
  const dilation = parsePair(op, 'dilation', options?.dilation, [1, 1], 1);
  const ceilMode = options?.ceilMode ?? false;
  const countIncludePad = options?.countIncludePad ?? true;
  for (const [arg, v] of [
    ['ceilMode', ceilMode],
    ['countIncludePad', countIncludePad],
  ] as const) {
    if (typeof v !== 'boolean') throw new ArgumentError({ op, arg, expected: 'a boolean', got: describe(v) });
  }
  for (let d = 0; d < 2; d++) {
    if (padding[d]! > Math.floor(kernel[d]! / 2)) {
      throw new ArgumentError({
        op,
        arg: 'padding',
        expected: `at most half the kernel size (${Math.floor(kernel[d]! / 2)} for kernel ${kernel[d]})`,
        got: `[${padding.join(', ')}]`,
      });
    }
  }
  if (xShape[2] === 0 || xShape[3] === 0) {
    throw new ShapeError({
      op,
      arg: 'x',
      expected: 'non-empty spatial dims (H, W ≥ 1)',
      got: `shape ${formatShape(xShape)}`,
    });
  }
  const out: number[] = [];
  for (let d = 0; d < 2; d++) {
    const size = poolOutputSize(xShape[2 + d]!, kernel[d]!, stride[d]!, padding[d]!, dilation[d]!, ceilMode as boolean);
    if (size < 1) {
      throw new ShapeError({
        op,
        arg: 'x',
        expected: `an input large enough for the ${dilation[d] === 1 ? '' : 'dilated '}window (output ${d === 0 ? 'height' : 'width'} ≥ 1)`,
        got: `shape ${formatShape(xShape)} with kernel [${kernel.join(', ')}] and padding [${padding.join(', ')}] (output ${size})`,
      });
    }
    out.push(size);
  }
  return {
    attrs: {
      kernelSize: kernel,
      stride,
      padding,
      ceilMode: ceilMode as boolean,
      dilation,
      countIncludePad: countIncludePad as boolean,
    },
    out: [out[0]!, out[1]!],
  };
}
