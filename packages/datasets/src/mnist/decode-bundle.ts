// Decodes the generated `bundled-data.ts` (format `mnist-rle-v1`, written by
// scripts/mnist-bundle.ts): base64 → gzip (DecompressionStream) → labels, zero/non-zero run
// lengths and non-zero pixels → the plain bytes. Browser-safe: no Buffer, no zlib.
import { BackendError, FormatError } from '@nn/tensor';

/** The shape of the generated `MNIST_BUNDLE` constant. */
export interface MnistBundle {
  readonly format: string;
  readonly height: number;
  readonly width: number;
  readonly train: number;
  readonly test: number;
  readonly sha256: string;
  readonly gzipBase64: string;
}

/** Decoded bundle: `images` N·H·W bytes (train then test), `labels` N bytes. */
export interface DecodedMnist {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

const FORMAT = 'mnist-rle-v1';
const CLASSES = 10;

/** Base64 text → bytes, with the platform's `atob`. */
export function base64Bytes(op: string, text: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(text);
  } catch (error) {
    throw new FormatError({ op, arg: 'base64', expected: 'base64 text', got: `text atob rejects (${String(error)})` });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Inflates a complete gzip stream with `DecompressionStream` (Node ≥ 18, current browsers). */
export async function gunzip(op: string, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new BackendError({
      op,
      expected: 'a runtime with DecompressionStream (Node ≥ 18, current browsers) to inflate the bundled digits',
      got: 'none',
    });
  }
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FormatError({
      op,
      arg: 'gzip',
      expected: 'a complete, valid gzip stream',
      got: `a corrupt one (${reason})`,
    });
  }
}

/** Reads the varint at `at`; returns `[value, next offset]`, or throws if it is cut off or too long. */
function varint(op: string, payload: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let shift = 0; shift <= 28; shift += 7) {
    if (at >= payload.length) break;
    const byte = payload[at++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
  throw new FormatError({
    op,
    arg: 'runs',
    expected: 'run lengths as complete LEB128 varints of at most 5 bytes',
    got: `a cut-off or overlong varint at byte ${at}`,
  });
}

/**
 * Decodes an inflated `mnist-rle-v1` payload of `count` images of `pixels` bytes: `count` labels,
 * the lengths of the alternating runs of zero and non-zero pixels (from a zero run, LEB128), then
 * the non-zero pixels. Checks that the runs cover the images exactly, that the pixel values fill
 * the rest of the payload exactly and are non-zero, and that every label is < 10.
 */
export function decodePayload(op: string, payload: Uint8Array, count: number, pixels: number): DecodedMnist {
  const total = count * pixels;
  if (payload.length < count) {
    throw new FormatError({ op, arg: 'labels', expected: `${count} label bytes`, got: `${payload.length} bytes` });
  }
  const labels = payload.slice(0, count);
  const bad = labels.findIndex((label) => label >= CLASSES);
  if (bad >= 0) {
    throw new FormatError({ op, arg: `labels[${bad}]`, expected: 'a digit 0…9', got: String(labels[bad]) });
  }
  // First pass: where the runs end and how many pixels are non-zero.
  let at = count;
  let covered = 0;
  let nonZero = 0;
  for (let zeroRun = true; covered < total; zeroRun = !zeroRun) {
    const [length, next] = varint(op, payload, at);
    at = next;
    covered += length;
    if (!zeroRun) nonZero += length;
  }
  if (covered !== total || at + nonZero !== payload.length) {
    throw new FormatError({
      op,
      arg: 'runs',
      expected: `runs covering ${total} pixels, then as many non-zero pixel bytes as they announce`,
      got: `runs covering ${covered} pixels, announcing ${nonZero} non-zero pixels, ${payload.length - at} bytes left`,
    });
  }
  // Second pass: copy every non-zero run into place (zero runs stay as allocated).
  const images = new Uint8Array(total);
  let value = at;
  let pixel = 0;
  at = count;
  for (let zeroRun = true; pixel < total; zeroRun = !zeroRun) {
    const [length, next] = varint(op, payload, at);
    at = next;
    if (!zeroRun) {
      const run = payload.subarray(value, value + length);
      if (run.includes(0)) {
        throw new FormatError({ op, arg: 'pixels', expected: 'non-zero pixels in a non-zero run', got: 'a 0' });
      }
      images.set(run, pixel);
      value += length;
    }
    pixel += length;
  }
  return { images, labels };
}

/** Decodes the generated bundle to plain bytes. */
export async function decodeBundle(op: string, bundle: MnistBundle): Promise<DecodedMnist> {
  if (bundle.format !== FORMAT) {
    throw new FormatError({ op, arg: 'format', expected: `'${FORMAT}'`, got: `'${bundle.format}'` });
  }
  const payload = await gunzip(op, base64Bytes(op, bundle.gzipBase64));
  return decodePayload(op, payload, bundle.train + bundle.test, bundle.height * bundle.width);
}
