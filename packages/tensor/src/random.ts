import { ArgumentError } from './errors.js';

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seedable pseudo-random generator (xoshiro128**, seeded through splitmix32). The same seed
 * gives the same stream on every platform and backend, because random tensors are generated here
 * and then uploaded.
 *
 * @example
 * ```ts
 * const g = new Generator(42);
 * const a = randn([2], { generator: g });  // same values on every run
 * const b = randn([2], { generator: new Generator(42) });
 * all(eq(a, b)).item(); // true
 * g.seed;               // 42
 * ```
 * @category Random
 */
export class Generator {
  #s = new Uint32Array(4);
  #spareNormal: number | null = null;
  #seed = 0;

  constructor(seed: number = Math.floor(Math.random() * 2 ** 32)) {
    this.manualSeed(seed);
  }

  /** The seed this generator was last seeded with. */
  get seed(): number {
    return this.#seed;
  }

  /** Restarts the stream from `seed` (any integer in [0, 2^53)). */
  manualSeed(seed: number): this {
    if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) {
      throw new ArgumentError({ op: 'manualSeed', arg: 'seed', expected: 'an integer in [0, 2^53)', got: String(seed) });
    }
    this.#seed = seed;
    const next = splitmix32((seed % 2 ** 32) ^ Math.floor(seed / 2 ** 32));
    for (let i = 0; i < 4; i++) this.#s[i] = next();
    this.#spareNormal = null;
    return this;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A standard normal sample (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.#spareNormal !== null) {
      const v = this.#spareNormal;
      this.#spareNormal = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.random();
    const v = this.random();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A uniform integer in [low, high). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low));
  }

  /** The state, to save and restore a stream position. */
  getState(): Uint32Array {
    return this.#s.slice();
  }

  /** Restores a state from `getState()`. */
  setState(state: Uint32Array): this {
    if (state.length !== 4) {
      throw new ArgumentError({ op: 'Generator.setState', arg: 'state', expected: 'a Uint32Array of length 4', got: `length ${state.length}` });
    }
    this.#s.set(state);
    this.#spareNormal = null;
    return this;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const DEFAULT_KEY = Symbol.for('@nn/tensor/generator@0');

/**
 * The generator random ops use when none is passed.
 * @example
 * ```ts
 * manualSeed(7);
 * defaultGenerator().seed; // 7
 * ```
 * @category Random
 */
export function defaultGenerator(): Generator {
  const g = globalThis as { [DEFAULT_KEY]?: Generator };
  g[DEFAULT_KEY] ??= new Generator();
  return g[DEFAULT_KEY];
}

/**
 * Seeds the default generator, making every later random op reproducible.
 * @example
 * ```ts
 * manualSeed(0); const a = rand([3]);
 * manualSeed(0); const b = rand([3]);
 * all(eq(a, b)).item(); // true
 * ```
 * @category Random
 */
export function manualSeed(seed: number): Generator {
  return defaultGenerator().manualSeed(seed);
}
