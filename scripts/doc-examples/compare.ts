/** How numbers compare: `exact` unless the expected literal shows fewer digits, `approx` for `// ≈ …`. */
export interface CompareOptions {
  readonly approx: boolean;
  /** When set, the actual value must be a typed array of this class (`// Float32Array [1, 2]`). */
  readonly typedArray: string | null;
  /** Turns values the example returns (a Tensor) into plain data; returns `undefined` to leave as is. */
  readonly toPlain: (value: unknown) => unknown;
}

/** The significant digits and the exponent of a number's shortest round-trip decimal form. */
function decimalForm(x: number): { digits: number; exponent: number } {
  const [mantissa = '0', exp = '0'] = Math.abs(x).toExponential().split('e');
  return { digits: mantissa.replace('.', '').length, exponent: Number(exp) };
}

const RELATIVE_TOLERANCE = 1e-6;

/**
 * `actual` matches `expected` when they are the same number (NaN matches NaN, -0 only -0); when
 * the expected literal is shorter than the actual value, within a relative 1e-6; with `approx`,
 * within max(relative 1e-6, half a unit of the expected literal's last digit, i.e. it is the value rounded) (an expected 0: within 1e-6).
 */
export function numbersMatch(actual: number, expected: number, approx: boolean): boolean {
  if (Object.is(actual, expected)) return true;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  const diff = Math.abs(actual - expected);
  const e = decimalForm(expected);
  if (approx) {
    if (expected === 0) return diff <= RELATIVE_TOLERANCE;
    const unit = 10 ** (e.exponent - (e.digits - 1));
    return diff <= Math.max(RELATIVE_TOLERANCE * Math.abs(expected), (unit / 2) * (1 + 1e-9));
  }
  if (expected === 0 || actual === 0) return false;
  return e.digits < decimalForm(actual).digits && diff <= RELATIVE_TOLERANCE * Math.abs(expected);
}

/** Formats a value for a failure message, keeping NaN, ±Infinity, -0 and typed-array classes visible. */
export function formatValue(value: unknown, depth = 0): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (depth > 6) return '…';
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = Array.from(value as unknown as ArrayLike<number>, (v) => formatValue(v, depth + 1));
    return `${value.constructor.name} [${items.join(', ')}]`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, depth + 1)).join(', ')}]`;
  const name = value.constructor?.name;
  const body = Object.entries(value)
    .map(([k, v]) => `${k}: ${formatValue(v, depth + 1)}`)
    .join(', ');
  return `${name !== undefined && name !== 'Object' ? `${name} ` : ''}{${body}}`;
}

function isTypedArray(value: unknown): value is ArrayLike<number | bigint> & { constructor: { name: string } } {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/**
 * Deep comparison; returns `null` when `actual` matches `expected`, else a description of the first
 * difference with its path (e.g. `at [1][0]: expected 2, got 3`).
 */
export function compare(actual: unknown, expected: unknown, options: CompareOptions, path = ''): string | null {
  const where = path === '' ? '' : `at ${path}: `;
  const plain = options.toPlain(actual);
  if (plain !== undefined) actual = plain;
  if (path === '' && options.typedArray !== null) {
    if (!isTypedArray(actual) || actual.constructor.name !== options.typedArray) {
      return `expected a ${options.typedArray}, got ${formatValue(actual)}`;
    }
  }
  if (isTypedArray(actual) && Array.isArray(expected)) actual = Array.from(actual as ArrayLike<number>);
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${where}expected ${formatValue(expected)}, got ${formatValue(actual)}`;
    return numbersMatch(actual, expected, options.approx)
      ? null
      : `${where}expected ${formatValue(expected)}, got ${formatValue(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${where}expected an array ${formatValue(expected)}, got ${formatValue(actual)}`;
    if (actual.length !== expected.length) {
      return `${where}expected length ${expected.length} ${formatValue(expected)}, got length ${actual.length} ${formatValue(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const diff = compare(actual[i], expected[i], { ...options, typedArray: null }, `${path}[${i}]`);
      if (diff !== null) return diff;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${where}expected ${formatValue(expected)}, got ${formatValue(actual)}`;
    }
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (ek.join('\0') !== ak.join('\0')) return `${where}expected keys [${ek.join(', ')}], got [${ak.join(', ')}]`;
    for (const k of ek) {
      const diff = compare(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        { ...options, typedArray: null },
        `${path}.${k}`,
      );
      if (diff !== null) return diff;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${where}expected ${formatValue(expected)}, got ${formatValue(actual)}`;
}
