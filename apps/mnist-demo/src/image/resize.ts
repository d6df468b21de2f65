/** A grayscale image with float values (0–255), row-major. */
export interface FloatImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** For each output index along one axis: the first input index and the normalised weights. */
function axisWeights(inSize: number, outSize: number): { first: number; weights: number[] }[] {
  const scale = inSize / outSize;
  // Bilinear (triangle) filter, widened by the scale when shrinking so every input pixel counts
  // (antialiasing, as PIL's BILINEAR resize does); a plain 2-tap bilinear when enlarging.
  const support = Math.max(1, scale);
  const result: { first: number; weights: number[] }[] = [];
  for (let o = 0; o < outSize; o++) {
    const centre = (o + 0.5) * scale;
    const first = Math.max(0, Math.floor(centre - support));
    const last = Math.min(inSize - 1, Math.ceil(centre + support));
    const weights: number[] = [];
    let sum = 0;
    for (let i = first; i <= last; i++) {
      const w = Math.max(0, 1 - Math.abs((i + 0.5 - centre) / support));
      weights.push(w);
      sum += w;
    }
    if (sum === 0) {
      // Cannot happen for sizes ≥ 1 (the nearest pixel always has weight > 0); kept for safety.
      weights.fill(0);
      weights[Math.min(weights.length - 1, Math.max(0, Math.floor(centre) - first))] = 1;
      sum = 1;
    }
    result.push({ first, weights: weights.map((w) => w / sum) });
  }
  return result;
}

/**
 * Resizes with a separable bilinear filter (antialiased when shrinking: the triangle widens with
 * the scale factor, so a 280×280 drawing shrinks to 28×28 without aliasing). Pixel centres are
 * aligned (`align_corners=False` in PyTorch's terms).
 */
export function resize(img: FloatImage, width: number, height: number): FloatImage {
  if (img.width === width && img.height === height) return { width, height, data: img.data.slice() };
  const xs = axisWeights(img.width, width);
  const ys = axisWeights(img.height, height);
  const mid = new Float32Array(width * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < width; x++) {
      const { first, weights } = xs[x]!;
      let v = 0;
      for (let k = 0; k < weights.length; k++) v += weights[k]! * img.data[y * img.width + first + k]!;
      mid[y * width + x] = v;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const { first, weights } = ys[y]!;
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let k = 0; k < weights.length; k++) v += weights[k]! * mid[(first + k) * width + x]!;
      out[y * width + x] = v;
    }
  }
  return { width, height, data: out };
}
