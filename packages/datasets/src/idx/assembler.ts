import { FormatError } from '@nn/tensor';
import { fromBigEndian, idxHeaderLength, parseIdxHeader, type IdxHeader } from './format.js';
import type { Idx } from './types.js';

/** Options of an `IdxAssembler`. */
export interface IdxAssemblerOptions {
  /**
   * Largest file (header + data) accepted, in bytes; a header that claims more is a FormatError
   * before anything is allocated.
   */
  readonly maxBytes: number;
  /** Total length of the input when known in advance (raw bytes): checked against the header before allocating. */
  readonly totalBytes?: number;
  /** Added to every FormatError (e.g. the file's path). */
  readonly hint?: string;
}

/** First capacity of the data buffer when the total length is not known in advance. */
const INITIAL_CAPACITY = 1 << 20;

/**
 * Builds an Idx from a stream of byte chunks (raw or inflated IDX): the header is checked as soon
 * as its bytes arrive; the data buffer then grows with the bytes actually received (at most twice
 * what arrived, never more than the header's claim), so a header claiming 10⁹ elements allocates
 * nothing until the data is there. More bytes than the header describes is a FormatError as soon
 * as they arrive; fewer, when `finish` is called.
 */
export class IdxAssembler {
  readonly #op: string;
  readonly #options: IdxAssemblerOptions;
  #prefix = new Uint8Array(4);
  #prefixFilled = 0;
  #header: IdxHeader | undefined;
  #data = new Uint8Array(0);
  #filled = 0;

  constructor(op: string, options: IdxAssemblerOptions) {
    this.#op = op;
    this.#options = options;
  }

  #error(arg: string, expected: string, got: string): FormatError {
    const { hint } = this.#options;
    return new FormatError({ op: this.#op, arg, expected, got, ...(hint === undefined ? {} : { hint }) });
  }

  /** Takes header bytes from `chunk`; returns how many it used. */
  #takeHeader(chunk: Uint8Array): number {
    let used = 0;
    while (this.#header === undefined && used < chunk.length) {
      const take = Math.min(this.#prefix.length - this.#prefixFilled, chunk.length - used);
      this.#prefix.set(chunk.subarray(used, used + take), this.#prefixFilled);
      this.#prefixFilled += take;
      used += take;
      if (this.#prefixFilled < this.#prefix.length) break;
      if (this.#prefix.length === 4) {
        const length = idxHeaderLength(this.#op, this.#prefix, this.#options.hint);
        const grown = new Uint8Array(length);
        grown.set(this.#prefix);
        this.#prefix = grown;
      }
      if (this.#prefixFilled === this.#prefix.length)
        this.#startData(parseIdxHeader(this.#op, this.#prefix, this.#options.hint));
    }
    return used;
  }

  #startData(header: IdxHeader): void {
    const { maxBytes, totalBytes } = this.#options;
    const fileBytes = header.headerBytes + header.dataBytes;
    const described = `${header.dataBytes} bytes of data for ${header.dtype} [${header.shape.join(', ')}]`;
    if (totalBytes !== undefined && totalBytes !== fileBytes) {
      const got = totalBytes - header.headerBytes;
      throw this.#error('data', described, `${got} bytes (${got < header.dataBytes ? 'truncated' : 'trailing bytes'})`);
    }
    if (fileBytes > maxBytes) {
      throw this.#error(
        'shape',
        `a file of at most ${maxBytes} bytes (the maxBytes option)`,
        `a header claiming ${described}`,
      );
    }
    this.#header = header;
    const known = totalBytes !== undefined || header.dataBytes <= INITIAL_CAPACITY;
    this.#data = new Uint8Array(known ? header.dataBytes : INITIAL_CAPACITY);
  }

  /** Appends a chunk. Throws FormatError as soon as the bytes cannot be a valid IDX file. */
  push(chunk: Uint8Array): void {
    const used = this.#header === undefined ? this.#takeHeader(chunk) : 0;
    const header = this.#header;
    const rest = chunk.length - used;
    if (header === undefined || rest === 0) return;
    const needed = this.#filled + rest;
    if (needed > header.dataBytes) {
      throw this.#error(
        'data',
        `${header.dataBytes} bytes of data for ${header.dtype} [${header.shape.join(', ')}]`,
        `at least ${needed} bytes (trailing bytes)`,
      );
    }
    if (needed > this.#data.length) {
      const grown = new Uint8Array(Math.min(header.dataBytes, Math.max(needed, 2 * this.#data.length)));
      grown.set(this.#data.subarray(0, this.#filled));
      this.#data = grown;
    }
    this.#data.set(chunk.subarray(used), this.#filled);
    this.#filled = needed;
  }

  /** The decoded file. Throws FormatError if the header or the data is incomplete. */
  finish(): Idx {
    const header = this.#header;
    if (header === undefined) {
      const needed = this.#prefixFilled < 4 ? 'at least 8 header bytes' : `${this.#prefix.length} header bytes`;
      throw this.#error('header', needed, `${this.#prefixFilled} bytes (truncated)`);
    }
    if (this.#filled !== header.dataBytes) {
      throw this.#error(
        'data',
        `${header.dataBytes} bytes of data for ${header.dtype} [${header.shape.join(', ')}]`,
        `${this.#filled} bytes (truncated)`,
      );
    }
    // The buffer never grows past the header's claim, so it is now exactly full: no copy.
    return { dtype: header.dtype, shape: header.shape, data: fromBigEndian(header.dtype, this.#data) } as Idx;
  }
}
