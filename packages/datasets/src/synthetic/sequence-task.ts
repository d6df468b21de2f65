import { ArgumentError, type Tensor, tensor } from '@nn/tensor';
import { checkChoice, checkInteger } from '../dataset/validate.js';
import { commonOptions, count, type SyntheticData, type SyntheticOptions } from './synthetic-data.js';

/** The sequence tasks `sequenceTask` makes. @category Synthetic */
export type SequenceTaskKind = 'echo' | 'parity' | 'adding' | 'sine';

const KINDS: readonly SequenceTaskKind[] = ['echo', 'parity', 'adding', 'sine'];

/** Options of `sequenceTask`. @category Synthetic */
export interface SequenceTaskOptions extends SyntheticOptions {
  /** Number of sequences (default 100). */
  n?: number;
  /** Time steps per sequence (default 10). */
  length?: number;
  /** Which task (default `'parity'`); see `sequenceTask`. */
  kind?: SequenceTaskKind;
  /** `'echo'` only: how many steps the output lags the input, in `[0, length)` (default 1). */
  delay?: number;
}

/**
 * Small sequence problems for recurrent networks, batch-first (`[N, T, features]`, the layout a
 * `DataLoader` stacks; transpose to `[T, N, features]` for layers without `batchFirst`):
 *
 * - `'echo'`: `x [n, length, 1]` random bits; `y [n, length, 1]` float32, the input delayed by
 *   `delay` steps (`y[t] = x[t − delay]`, 0 before) — many-to-many memory;
 * - `'parity'` (default): `x [n, length, 1]` random bits; `y [n]` int32, 1 when the sequence holds
 *   an odd number of ones — many-to-one, needs the whole sequence;
 * - `'adding'` (Hochreiter & Schmidhuber's adding problem): `x [n, length, 2]`, channel 0 uniform
 *   in `[0, 1)`, channel 1 a marker that is 1 at one step of the first half and one of the second;
 *   `y [n, 1]` float32, the sum of the two marked values — long-range dependency (`length ≥ 2`);
 * - `'sine'`: `x [n, length, 1]` = `sin(ω t + φ)` for t = 0 … length−1, ω uniform in
 *   `[0.1, 0.5]` rad/step and φ in `[0, 2π)`; `y [n, 1]` float32 the next value `sin(ω·length + φ)`
 *   — one-step forecasting.
 *
 * @param options - `n` (100), `length` (10), `kind` (`'parity'`), `delay` (1, echo), `generator`.
 * @throws `ArgumentError` for an `n` or `length` that is not a positive integer, an unknown kind,
 *   a delay outside `[0, length)`, an adding task shorter than 2 steps, or an unknown option.
 * @example
 * ```ts
 * const echo = sequenceTask({ n: 1, length: 4, kind: 'echo', delay: 1, generator: new Generator(0) });
 * const bits = (echo.x.toArray() as number[][][])[0]!.map(([b]) => b);
 * (echo.y.toArray() as number[][][])[0]!.map(([b]) => b).join() === [0, ...bits.slice(0, 3)].join(); // true
 * const parity = sequenceTask({ n: 8, length: 5 });
 * [parity.x.shape, parity.y.shape, parity.y.dtype]; // [[8, 5, 1], [8], 'int32']
 * sequenceTask({ kind: 'adding', n: 4 }).x.shape;    // [4, 10, 2]
 * sequenceTask({ kind: 'count' as 'echo' });         // throws ArgumentError
 * ```
 * @category Synthetic
 */
export function sequenceTask(options: SequenceTaskOptions = {}): SyntheticData {
  const op = 'sequenceTask';
  const { o, generator } = commonOptions(op, options, ['n', 'length', 'kind', 'delay'], false);
  const n = count(op, 'n', o.n, 100);
  const length = count(op, 'length', o.length, 10);
  const kind = checkChoice(op, 'options.kind', o.kind ?? 'parity', KINDS);
  const bit = (): number => (generator.random() < 0.5 ? 0 : 1);
  const seq = (values: Float32Array, features: number): Tensor => tensor(values, { shape: [n, length, features] });
  switch (kind) {
    case 'echo': {
      const delay = checkInteger(op, 'options.delay', o.delay ?? 1, 0);
      if (delay >= length) {
        throw new ArgumentError({
          op,
          arg: 'options.delay',
          expected: `a delay in [0, ${length}) (less than length)`,
          got: String(delay),
        });
      }
      const x = new Float32Array(n * length);
      const y = new Float32Array(n * length);
      for (let i = 0; i < n; i++) {
        for (let t = 0; t < length; t++) x[i * length + t] = bit();
        for (let t = delay; t < length; t++) y[i * length + t] = x[i * length + t - delay]!;
      }
      return { x: seq(x, 1), y: seq(y, 1) };
    }
    case 'parity': {
      const x = new Float32Array(n * length);
      const y = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let ones = 0;
        for (let t = 0; t < length; t++) ones += x[i * length + t] = bit();
        y[i] = ones % 2;
      }
      return { x: seq(x, 1), y: tensor(y) };
    }
    case 'adding': {
      if (length < 2) {
        throw new ArgumentError({
          op,
          arg: 'options.length',
          expected: 'at least 2 steps for the adding task',
          got: String(length),
        });
      }
      const half = Math.floor(length / 2);
      const x = new Float32Array(n * length * 2);
      const y = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        for (let t = 0; t < length; t++) x[(i * length + t) * 2] = generator.random();
        const a = Math.floor(generator.random() * half);
        const b = half + Math.floor(generator.random() * (length - half));
        x[(i * length + a) * 2 + 1] = 1;
        x[(i * length + b) * 2 + 1] = 1;
        y[i] = x[(i * length + a) * 2]! + x[(i * length + b) * 2]!;
      }
      return { x: seq(x, 2), y: tensor(y, { shape: [n, 1] }) };
    }
    case 'sine': {
      const x = new Float32Array(n * length);
      const y = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        const omega = 0.1 + 0.4 * generator.random();
        const phi = 2 * Math.PI * generator.random();
        for (let t = 0; t < length; t++) x[i * length + t] = Math.sin(omega * t + phi);
        y[i] = Math.sin(omega * length + phi);
      }
      return { x: seq(x, 1), y: tensor(y, { shape: [n, 1] }) };
    }
  }
}
