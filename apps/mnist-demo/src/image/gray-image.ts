/** An 8-bit grayscale image, row-major, 0 = black, 255 = white. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** `width × height` values, row after row. */
  readonly pixels: Uint8Array;
}

/** The largest image the decoders accept (pixels), checked before anything is allocated. */
export const MAX_PIXELS = 64 * 1024 * 1024;
/** The largest width or height the decoders accept. */
export const MAX_SIDE = 32_768;
