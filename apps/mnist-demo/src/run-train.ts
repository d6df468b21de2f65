import { Generator, manualSeed } from '@nn/tensor';
import type { TrainArgs } from './args.js';
import { accuracy, correct, total } from './confusion.js';
import { absoluteSpec, describeData, loadData } from './data.js';
import { count, duration, percent } from './format.js';
import { EVAL_BATCH_SIZE } from './inference.js';
import { println, type Io } from './io.js';
import { buildModel, parameterCount } from './models.js';
import { createProgress } from './progress.js';
import { confusionTable, epochTable, epochTestLine, perClassTable } from './report.js';
import { saveRun } from './save.js';
import { makeStyle, wantsColor } from './style.js';
import { trainModel } from './train.js';
import { onBackend } from './backend.js';

const OPTIMIZER_NAMES = { adam: 'Adam', sgd: 'SGD', adamw: 'AdamW' } as const;

/**
 * `train`: loads the data, builds the network, trains it with a live progress bar, prints the
 * test accuracy after each epoch, the confusion matrix and per-class accuracy, and saves the model
 * (safetensors) and metrics.json into `--out`.
 */
export async function runTrain(args: TrainArgs, io: Io): Promise<void> {
  await onBackend(args.backend, (engine) => train(args, io, engine));
}

async function train(args: TrainArgs, io: Io, engine: string): Promise<void> {
  const runStarted = performance.now();
  const out = io.stdout;
  const style = makeStyle(wantsColor(out, io.env));
  const say = (...lines: string[]): void => {
    if (!args.quiet) println(out, ...lines);
  };
  manualSeed(args.seed);
  const model = buildModel(args.model, new Generator(args.seed));
  say(`${style.bold('@nn MNIST trainer')}: ${args.model.toUpperCase()} (${count(parameterCount(model))} parameters) on ${describeData(args.data)}`);
  const data = await loadData(args.data, { limit: args.limit, log: (line) => say(line) });
  const loadSeconds = (performance.now() - runStarted) / 1000;
  const classNames = [...data.train.classNames];
  say(
    `data: ${count(data.train.length)} training / ${count(data.test.length)} test images, 28×28, ${classNames.length} classes` +
      `${args.limit === undefined ? '' : ` (--limit ${args.limit})`}, loaded in ${duration(loadSeconds)}`,
    `training: ${args.epochs} epoch${args.epochs === 1 ? '' : 's'}, batch ${args.batchSize}, ${OPTIMIZER_NAMES[args.optimizer]} lr ${args.lr}, ` +
      `seed ${args.seed}${args.augment ? ', random affine augmentation' : ''}, on ${engine}`,
    '',
  );
  const trainStarted = performance.now();
  const result = trainModel(model, data, args, {
    ...(args.quiet ? {} : { progress: createProgress(out, { style }) }),
    onEpoch: (r, conf) => say(epochTestLine(r.epoch, args.epochs, conf, style)),
  });
  const trainSeconds = (performance.now() - trainStarted) / 1000;
  const conf = result.confusion;
  say('', ...epochTable(result.epochs, style), '', ...confusionTable(conf, classNames, style), '', ...perClassTable(conf, classNames, style), '');
  const samples = data.train.length * args.epochs;
  const pureTrain = result.epochs.reduce((s, r) => s + r.trainSeconds, 0);
  println(
    out,
    `test accuracy ${style.bold(style.green(percent(accuracy(conf))))} (${correct(conf)}/${total(conf)}) after ${args.epochs} epoch${args.epochs === 1 ? '' : 's'}, ` +
      `${duration(trainSeconds)} (${count(samples / pureTrain)} samples/s)`,
  );
  const config = {
    model: args.model,
    data: absoluteSpec(args.data),
    epochs: args.epochs,
    batchSize: args.batchSize,
    lr: args.lr,
    optimizer: args.optimizer,
    seed: args.seed,
    augment: args.augment,
    limit: args.limit ?? null,
    backend: args.backend,
    engine,
  };
  const metadata = {
    model: args.model,
    data: absoluteSpec(args.data),
    limit: args.limit,
    classNames,
    evalBatchSize: EVAL_BATCH_SIZE,
    testCorrect: correct(conf),
    testTotal: total(conf),
    config,
  };
  const paths = await saveRun(args.out, model, {
    metadata,
    parameters: parameterCount(model),
    trainSize: data.train.length,
    testSize: data.test.length,
    epochs: result.epochs,
    confusion: conf,
    durations: { loadSeconds, trainSeconds, totalSeconds: (performance.now() - runStarted) / 1000 },
  });
  println(out, `saved ${paths.model}`, `saved ${paths.metrics}`);
  say(
    '',
    `next: pnpm mnist evaluate ${paths.model}`,
    `      pnpm mnist predict ${paths.model} <image.png|image.pgm>`,
  );
  model.dispose();
}
