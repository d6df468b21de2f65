import type { DType, TypedArray } from './dtype.js';
import type { Shape } from './shape.js';
import { stridesOf } from './shape.js';

const EDGE_ITEMS = 3;
const SUMMARIZE_ABOVE = 1000;

function formatNumber(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'true' : 'false';
  if (dtype === 'int32') return String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.`;
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-4 || a >= 1e8) ? v.toExponential(4) : String(Number(v.toPrecision(5)));
}

/**
 * Prints tensor values like PyTorch: nested brackets, columns aligned, large tensors summarised
 * with `...`. Used by `Tensor.toString()`.
 */
export function formatValues(values: TypedArray, shape: Shape, dtype: DType): string {
  const summarize = values.length > SUMMARIZE_ABOVE;
  const strides = stridesOf(shape);
  const cells: string[] = [];
  for (let i = 0; i < values.length; i++) cells.push(formatNumber(values[i]!, dtype));
  const width = cells.reduce((w, c) => Math.max(w, c.length), 0);

  const render = (dim: number, offset: number, indent: string): string => {
    if (dim === shape.length) return cells[offset]!.padStart(width);
    const n = shape[dim]!;
    const indices: (number | null)[] = [];
    if (summarize && n > 2 * EDGE_ITEMS) {
      for (let i = 0; i < EDGE_ITEMS; i++) indices.push(i);
      indices.push(null);
      for (let i = n - EDGE_ITEMS; i < n; i++) indices.push(i);
    } else {
      for (let i = 0; i < n; i++) indices.push(i);
    }
    const parts = indices.map((i) => (i === null ? '...' : render(dim + 1, offset + i * strides[dim]!, `${indent} `)));
    const last = dim === shape.length - 1;
    const sep = last ? ', ' : `,${'\n'.repeat(shape.length - dim - 1)}${indent} `;
    return `[${parts.join(sep)}]`;
  };
  return render(0, 0, '');
}
