// The `mnist-rle-v1` codec: the build script's encoder and the browser-safe decoder agree byte for
// byte on every shape of input, and the decoder rejects malformed payloads with a FormatError.
import { FormatError, Generator, type NNError } from '@nn/tensor';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../scripts/test-kit/errors.js';
import { encodePayload } from '../scripts/mnist-bundle.js';
import { base64Bytes, decodeBundle, decodePayload, gunzip, type MnistBundle } from '../src/mnist/decode-bundle.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectFormatError(error: unknown, arg: string): void {
  expect(error).toBeInstanceOf(FormatError);
  expect((error as NNError).op).toBe('test');
  expect((error as NNError).arg).toBe(arg);
}

/** `count` images of `pixels` bytes, a fraction `density` non-zero, labels 0…9. */
function randomImages(count: number, pixels: number, density: number, seed: number) {
  const g = new Generator(seed);
  const images = Uint8Array.from({ length: count * pixels }, () => (g.random() < density ? g.integer(1, 256) : 0));
  const labels = Uint8Array.from({ length: count }, () => g.integer(0, 10));
  return { images, labels };
}

function bundleOf(images: Uint8Array, labels: Uint8Array, side: number): MnistBundle {
  const gzip = gzipSync(encodePayload(images, labels));
  return {
    format: 'mnist-rle-v1',
    height: side,
    width: side,
    train: labels.length - 1,
    test: 1,
    sha256: '',
    gzipBase64: gzip.toString('base64'),
  };
}

describe('encodePayload → decodePayload', () => {
  const cases: [string, Uint8Array, Uint8Array, number][] = [
    ['all zero', new Uint8Array(3 * 16), Uint8Array.of(0, 1, 2), 16],
    ['all non-zero', new Uint8Array(2 * 9).fill(255), Uint8Array.of(9, 9), 9],
    ['starts and ends non-zero', Uint8Array.of(7, 0, 0, 5, 0, 9), Uint8Array.of(3, 4), 3],
    ['starts and ends zero', Uint8Array.of(0, 1, 0, 0, 2, 0), Uint8Array.of(5, 6), 3],
    // Runs of 128 and 16,384 or more need 2 and 3 varint bytes.
    [
      'long runs',
      (() => {
        const a = new Uint8Array(40_000);
        a.fill(3, 100, 100 + 130);
        a.fill(200, 20_000, 20_000 + 16_400);
        return a;
      })(),
      Uint8Array.of(1, 2, 3, 4),
      10_000,
    ],
  ];
  for (const [name, images, labels, pixels] of cases) {
    it(`round-trips ${name}`, () => {
      const decoded = decodePayload('test', encodePayload(images, labels), labels.length, pixels);
      expect(Array.from(decoded.images)).toEqual(Array.from(images));
      expect(Array.from(decoded.labels)).toEqual(Array.from(labels));
    });
  }

  it('round-trips random images of every density', () => {
    for (const [i, density] of [0, 0.05, 0.3, 0.7, 0.99, 1].entries()) {
      const { images, labels } = randomImages(50, 784, density, i);
      const decoded = decodePayload('test', encodePayload(images, labels), 50, 784);
      expect(Buffer.compare(decoded.images, images), `density ${density}`).toBe(0);
      expect(Buffer.compare(decoded.labels, labels)).toBe(0);
    }
  });

  it('encodes zero runs and non-zero pixels apart: labels, runs, values', () => {
    // 2 labels; pixels [0 0 5 6 0 | 7 0 0 0 0] → runs 2, 2, 2, 1, 4 → values 5 6 7
    const payload = encodePayload(Uint8Array.of(0, 0, 5, 6, 0, 7, 0, 0, 0, 0), Uint8Array.of(1, 8));
    expect(Array.from(payload)).toEqual([1, 8, 2, 2, 1, 1, 4, 5, 6, 7]);
  });
});

describe('decodePayload rejects malformed payloads', () => {
  const images = Uint8Array.of(0, 0, 5, 6, 0, 7, 0, 0, 0, 0);
  const good = Array.from(encodePayload(images, Uint8Array.of(1, 8))); // [1, 8, 2, 2, 1, 1, 4, 5, 6, 7]
  const decode = (bytes: number[]) => () => decodePayload('test', Uint8Array.from(bytes), 2, 5);

  it('accepts the well-formed one', () => {
    expect(Array.from(decodePayload('test', Uint8Array.from(good), 2, 5).images)).toEqual(Array.from(images));
  });
  it('fewer bytes than labels', () => expectFormatError(thrown(decode([1])), 'labels'));
  it('a label that is not a digit', () => expectFormatError(thrown(decode([1, 10, ...good.slice(2)])), 'labels[1]'));
  it('runs cut off', () => expectFormatError(thrown(decode(good.slice(0, 5))), 'runs'));
  it('a varint cut off', () => expectFormatError(thrown(decode([1, 8, 0x82])), 'runs'));
  it('an overlong varint', () => expectFormatError(thrown(decode([1, 8, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])), 'runs'));
  it('runs past the last pixel', () => expectFormatError(thrown(decode([1, 8, 2, 2, 1, 1, 5, 5, 6, 7])), 'runs'));
  it('pixel values missing', () => expectFormatError(thrown(decode(good.slice(0, -1))), 'runs'));
  it('bytes left over', () => expectFormatError(thrown(decode([...good, 9])), 'runs'));
  it('a 0 in a non-zero run', () => expectFormatError(thrown(decode([...good.slice(0, -1), 0])), 'pixels'));
});

describe('decodeBundle', () => {
  it('decodes base64 → gzip → payload, byte-exact', async () => {
    const { images, labels } = randomImages(20, 36, 0.4, 9);
    const decoded = await decodeBundle('test', bundleOf(images, labels, 6));
    expect(Buffer.compare(decoded.images, images)).toBe(0);
    expect(Buffer.compare(decoded.labels, labels)).toBe(0);
  });

  it('rejects an unknown format, bad base64 and corrupt gzip with a FormatError', async () => {
    const { images, labels } = randomImages(4, 9, 0.5, 1);
    const bundle = bundleOf(images, labels, 3);
    expectFormatError(await rejectionOf(decodeBundle('test', { ...bundle, format: 'mnist-rle-v2' })), 'format');
    expectFormatError(await rejectionOf(decodeBundle('test', { ...bundle, gzipBase64: 'not base64!' })), 'base64');
    const truncated = bundle.gzipBase64.slice(0, 16);
    expectFormatError(await rejectionOf(decodeBundle('test', { ...bundle, gzipBase64: truncated })), 'gzip');
    expectFormatError(await rejectionOf(decodeBundle('test', { ...bundle, train: 5 })), 'runs');
  });

  it('base64Bytes and gunzip agree with Node', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) % 256);
    const base64 = Buffer.from(gzipSync(bytes)).toString('base64');
    expect(Buffer.compare(base64Bytes('test', base64), gzipSync(bytes))).toBe(0);
    expect(Buffer.compare(await gunzip('test', base64Bytes('test', base64)), bytes)).toBe(0);
  });
});
