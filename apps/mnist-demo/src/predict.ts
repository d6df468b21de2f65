import { readFile } from 'node:fs/promises';
import type { PredictArgs } from './args.js';
import { describeData } from './data.js';
import { percent } from './format.js';
import { decodeImage } from './image/decode.js';
import { asciiArt, prepareDigit } from './image/preprocess.js';
import { classProbabilities } from './inference.js';
import { println, type Io } from './io.js';
import { loadSavedModel } from './load-model.js';
import { readUserFile } from './errors.js';
import { makeStyle, wantsColor } from './style.js';

/** The `k` most probable classes, most probable first. */
export function topK(probabilities: ArrayLike<number>, k: number): { index: number; probability: number }[] {
  return Array.from(probabilities, (probability, index) => ({ index, probability }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
}

const FIT_TEXT = {
  'as-is': 'used as it is (28×28)',
  mnist: 'cropped to the ink, scaled into 20×20 and centred by mass in 28×28 (like MNIST)',
  resize: 'resized to 28×28',
} as const;

/**
 * `predict <model> <image>`: decodes the PNG/PGM, prepares it like an MNIST digit (see
 * image/preprocess.ts), shows the 28×28 input as text and prints the top classes with their
 * probabilities. The first line of the ranking is `<class> <probability>`.
 */
export async function runPredict(args: PredictArgs, io: Io): Promise<void> {
  const out = io.stdout;
  const style = makeStyle(wantsColor(out, io.env));
  const { model, metadata } = await loadSavedModel(args.modelPath);
  const image = await readUserFile('image', args.imagePath, async () => decodeImage(await readFile(args.imagePath)));
  const digit = prepareDigit(image, { invert: args.invert, fit: args.fit });
  const probabilities = classProbabilities(model, digit.pixels);
  model.dispose();
  const names = metadata.classNames;
  println(
    out,
    `model: ${metadata.model.toUpperCase()} trained on ${describeData(metadata.data)} (test accuracy ${percent(metadata.testCorrect / metadata.testTotal)})`,
    `image: ${args.imagePath}, ${image.width}×${image.height}${digit.inverted ? ', inverted (light background)' : ''}, ${FIT_TEXT[digit.fit]}`,
    '',
    ...asciiArt(digit.pixels).map((l) => `  ${style.dim('|')}${l.padEnd(28)}${style.dim('|')}`),
    '',
  );
  const top = topK(probabilities, Math.min(args.top, names.length));
  const width = Math.max(...top.map((t) => (names[t.index] ?? String(t.index)).length));
  top.forEach((t, rank) => {
    const name = (names[t.index] ?? String(t.index)).padEnd(width);
    const bar = '█'.repeat(Math.round(t.probability * 30));
    const line = `${name}  ${percent(t.probability).padStart(7)}  ${bar}`;
    println(out, rank === 0 ? style.bold(style.green(line)) : line);
  });
}
