import type { EvaluateArgs } from './args.js';
import { correct, total } from './confusion.js';
import { describeData, loadData } from './data.js';
import { percent } from './format.js';
import { evaluateModel } from './inference.js';
import { println, type Io } from './io.js';
import { loadSavedModel } from './load-model.js';
import { confusionTable, perClassTable } from './report.js';
import { makeStyle, wantsColor } from './style.js';
import { onBackend } from './backend.js';

/**
 * `evaluate <model>`: rebuilds the network from the file's metadata, loads the test set it was
 * trained with (or `--data` / `--limit`), and measures the accuracy. On the same data it must
 * reproduce the saved accuracy exactly (same weights, images, batches and engine): a difference is
 * reported and the command fails (exit 1).
 */
export async function runEvaluate(args: EvaluateArgs, io: Io): Promise<void> {
  await onBackend(args.backend, (engine) => evaluate(args, io, engine));
}

async function evaluate(args: EvaluateArgs, io: Io, engine: string): Promise<void> {
  const out = io.stdout;
  const style = makeStyle(wantsColor(out, io.env));
  const { model, metadata } = await loadSavedModel(args.modelPath);
  // Bit-for-bit reproduction needs the same images and the same arithmetic (the same engine).
  const trainedOn = typeof metadata.config['engine'] === 'string' ? metadata.config['engine'] : 'cpu';
  const sameData = args.data === undefined && args.limit === undefined;
  const same = sameData && trainedOn === engine;
  const data = args.data ?? metadata.data;
  const limit = sameData ? metadata.limit : args.limit;
  if (!args.quiet) {
    println(out, `${args.modelPath}: ${metadata.model.toUpperCase()} trained on ${describeData(metadata.data)}`);
    println(out, `evaluating on the test set of ${describeData(data)}${limit === undefined ? '' : ` (--limit ${limit})`}, on ${engine}`);
  }
  const { test } = await loadData(data, { limit, log: (line) => (args.quiet ? undefined : println(out, line)) });
  const { confusion } = evaluateModel(model, test, metadata.evalBatchSize);
  model.dispose();
  const [right, n] = [correct(confusion), total(confusion)];
  if (!args.quiet) {
    println(out, '', ...confusionTable(confusion, test.classNames, style), '', ...perClassTable(confusion, test.classNames, style), '');
  }
  println(out, `test accuracy ${style.bold(percent(right / n))} (${right}/${n})`);
  if (sameData && !same) println(out, `(trained on ${trainedOn}; the exact-reproduction check needs the same engine)`);
  if (!same) return;
  const saved = `${percent(metadata.testCorrect / metadata.testTotal)} (${metadata.testCorrect}/${metadata.testTotal})`;
  if (right === metadata.testCorrect && n === metadata.testTotal) {
    println(out, `reproduces the saved test accuracy exactly: ${saved}`);
    return;
  }
  throw new Error(`the saved model reported ${saved} on this test set, but evaluating it gives ${right}/${n}: the data or the code changed`);
}
