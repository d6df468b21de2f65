import { describe, expect, it } from 'vitest';
import { parseArgs, parseDataSpec, suggestion, type TrainArgs } from '../src/args.js';
import { main } from '../src/cli.js';
import { UsageError } from '../src/errors.js';
import { FLAGS } from '../src/flags.js';
import { usage } from '../src/usage.js';
import { captureIo } from './support/io.js';

describe('parseArgs: train', () => {
  it('has the documented defaults', () => {
    expect(parseArgs([])).toEqual({
      command: 'train',
      model: 'mlp',
      data: { source: 'bundled' },
      epochs: 5,
      batchSize: 64,
      lr: 1e-3,
      optimizer: 'adam',
      seed: 0,
      augment: false,
      out: 'runs/mnist-mlp-bundled',
      limit: undefined,
      quiet: false,
      backend: 'cpu',
    } satisfies TrainArgs);
    expect(parseArgs(['train'])).toEqual(parseArgs([]));
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const a = parseArgs([
      '--model', 'cnn', '--data=fashion', '--epochs', '3', '--batch-size=128', '--lr', '0.01', '--optimizer', 'sgd',
      '--seed', '42', '--augment', '--limit', '500', '--quiet',
    ]);
    expect(a).toMatchObject({ model: 'cnn', data: { source: 'fashion' }, epochs: 3, batchSize: 128, lr: 0.01, optimizer: 'sgd', seed: 42, augment: true, limit: 500, quiet: true });
    expect((a as TrainArgs).out).toBe('runs/mnist-cnn-fashion');
    expect(parseArgs(['--out', 'x/y', '--optimizer=adamw'])).toMatchObject({ out: 'x/y', optimizer: 'adamw' });
    expect(parseArgs(['--lr', '3e-4'])).toMatchObject({ lr: 3e-4 });
    expect(parseArgs(['--seed', '4294967295'])).toMatchObject({ seed: 4294967295 });
  });

  it('parses every --data form', () => {
    expect(parseDataSpec('bundled')).toEqual({ source: 'bundled' });
    expect(parseDataSpec('fashion')).toEqual({ source: 'fashion' });
    expect(parseDataSpec('fashion:/data/fm')).toEqual({ source: 'fashion', dir: '/data/fm' });
    expect(parseDataSpec('dir:./mnist')).toEqual({ source: 'dir', dir: './mnist' });
    expect(parseDataSpec('dir:C:/x')).toEqual({ source: 'dir', dir: 'C:/x' });
    expect(parseDataSpec('download')).toEqual({ source: 'download' });
    expect(parseDataSpec('download', '/tmp/c')).toEqual({ source: 'download', cacheDir: '/tmp/c' });
    expect(parseArgs(['--data', 'dir:/m'])).toMatchObject({ out: 'runs/mnist-mlp-dir' });
    expect(parseArgs(['--data', 'download', '--cache-dir', '/c'])).toMatchObject({ data: { source: 'download', cacheDir: '/c' } });
  });
});

describe('parseArgs: evaluate, predict, help', () => {
  it('evaluate takes the model path and optional --data / --limit', () => {
    expect(parseArgs(['evaluate', 'm.safetensors'])).toEqual({ command: 'evaluate', modelPath: 'm.safetensors', data: undefined, limit: undefined, quiet: false, backend: 'cpu' });
    expect(parseArgs(['evaluate', '--data', 'fashion', 'm', '--limit=10', '--quiet', '--backend', 'gpujs:webasm'])).toEqual({
      command: 'evaluate', modelPath: 'm', data: { source: 'fashion' }, limit: 10, quiet: true, backend: 'gpujs:webasm',
    });
  });

  it('predict takes the model and the image, with --top, --invert and --fit', () => {
    expect(parseArgs(['predict', 'm', 'd.png'])).toEqual({ command: 'predict', modelPath: 'm', imagePath: 'd.png', top: 3, invert: 'auto', fit: 'auto' });
    expect(parseArgs(['predict', 'm', 'd.pgm', '--top', '5', '--invert', 'no', '--fit=resize'])).toMatchObject({ top: 5, invert: 'no', fit: 'resize' });
    expect(parseArgs(['predict', 'm', '--', '-odd.png'])).toMatchObject({ imagePath: '-odd.png' });
  });

  it('help: --help, -h, help <command>', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help', topic: undefined });
    expect(parseArgs(['-h', '--epochs', 'zzz'])).toEqual({ command: 'help', topic: undefined });
    expect(parseArgs(['help'])).toEqual({ command: 'help', topic: undefined });
    expect(parseArgs(['help', 'predict'])).toEqual({ command: 'help', topic: 'predict' });
    expect(parseArgs(['evaluate', '--help'])).toEqual({ command: 'help', topic: 'evaluate' });
  });
});

/** Bad command lines and a piece of the message each must give. */
const BAD: [string[], string][] = [
  [['--epoch', '3'], 'unknown option --epoch (did you mean --epochs?)'],
  [['--frobnicate'], 'unknown option --frobnicate; see --help'],
  [['-x'], 'unknown option -x'],
  [['--epochs', '3', '--epochs', '4'], '--epochs is given more than once'],
  [['--augment=yes'], '--augment takes no value'],
  [['--quiet=1'], '--quiet takes no value'],
  [['--epochs'], '--epochs needs a value: --epochs N'],
  [['--out', '--epochs', '3'], '--out needs a value'],
  [['--lr='], '--lr needs a value'],
  [['--epochs', '0'], '--epochs expects a whole number from 1 to 10000, got "0"'],
  [['--epochs', '1.5'], '--epochs expects a whole number'],
  [['--epochs', 'five'], '--epochs expects a whole number'],
  [['--epochs', '1e3'], '--epochs expects a whole number'],
  [['--batch-size', '0'], '--batch-size expects a whole number from 1'],
  [['--batch-size', '-4'], '--batch-size expects a whole number'],
  [['--seed', '-1'], '--seed expects a whole number from 0 to 4294967295'],
  [['--seed', '4294967296'], '--seed expects a whole number'],
  [['--limit', '0'], '--limit expects a whole number from 1'],
  [['--lr', '0'], '--lr expects a positive number, got "0"'],
  [['--lr', '-0.1'], '--lr expects a positive number'],
  [['--lr', 'fast'], '--lr expects a positive number, got "fast"'],
  [['--lr', 'Infinity'], '--lr expects a positive number'],
  [['--model', 'resnet'], '--model expects one of mlp, cnn, got "resnet"'],
  [['--model', 'cn'], '(did you mean cnn?)'],
  [['--optimizer', 'adm'], '--optimizer expects one of adam, sgd, adamw, got "adm" (did you mean adam?)'],
  [['--backend', 'gpu'], '--backend expects one of cpu, gpujs, gpujs:webasm, gpujs:headlessgl, gpujs:cpu, got "gpu" (did you mean cpu?)'],
  [['--data', 'cifar'], '--data expects one of bundled, fashion, fashion:<dir>, dir:<path>, download, got "cifar"'],
  [['--data', 'bundle'], '(did you mean bundled?)'],
  [['--data', 'dir'], '--data expects one of'],
  [['--data', 'dir:'], '--data dir: needs a directory after the colon'],
  [['--data', 'bundled:x'], '--data expects one of'],
  [['--cache-dir', '/c'], '--cache-dir only applies with --data download'],
  [['evaluate', 'm', '--cache-dir', '/c'], '--cache-dir only applies with --data download'],
  [['trian'], 'unknown command "trian" (did you mean train?)'],
  [['train', 'extra'], 'unexpected argument "extra" for train'],
  [['evaluate'], 'evaluate needs <model.safetensors>; missing <model.safetensors>'],
  [['evaluate', 'a', 'b'], 'unexpected argument "b" for evaluate'],
  [['evaluate', 'm', '--epochs', '3'], '--epochs does not apply to evaluate (only to train)'],
  [['predict', 'm'], 'missing <image.png|image.pgm>'],
  [['predict'], 'missing <model.safetensors>'],
  [['predict', 'm', 'i', 'j'], 'unexpected argument "j" for predict'],
  [['predict', 'm', 'i', '--top', '0'], '--top expects a whole number from 1'],
  [['predict', 'm', 'i', '--invert', 'maybe'], '--invert expects one of auto, yes, no'],
  [['predict', 'm', 'i', '--fit', 'crop'], '--fit expects one of auto, mnist, resize'],
  [['predict', 'm', 'i', '--data', 'fashion'], '--data does not apply to predict (only to train and evaluate)'],
  [['--top', '3'], '--top does not apply to train (only to predict)'],
  [['help', 'me'], 'help expects one of train, evaluate, predict, got "me"'],
  [['help', 'train', 'x'], 'unexpected argument "x" for help'],
];

describe('bad command lines', () => {
  it.each(BAD)('%j → UsageError', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it.each(BAD)('%j → exit code 2 and one line on stderr, nothing on stdout', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr.lines()).toEqual([`error: ${io.stderr.lines()[0]!.slice(7)}`]);
    expect(io.stderr.text).toContain(message);
    expect(io.stderr.text).not.toMatch(/\n\s+at /);
    expect(io.stdout.text).toBe('');
  });
});

describe('usage text', () => {
  it('lists every flag and the exit codes', async () => {
    const text = usage();
    for (const f of FLAGS.filter((f) => f.name !== '--help')) expect(text).toContain(f.name);
    expect(text).toContain('Exit codes: 0 success, 1 failure while running, 2 bad option');
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout.text).toBe(text);
    expect(io.stderr.text).toBe('');
  });

  it('a command\'s help lists only its flags', () => {
    const text = usage('predict');
    expect(text).toMatch(/^Usage: pnpm mnist predict <model.safetensors> <image.png\|image.pgm>/);
    expect(text).toContain('--fit');
    expect(text).not.toContain('--epochs');
  });

  it('no line is wider than 100 columns', () => {
    for (const t of [usage(), usage('train'), usage('evaluate'), usage('predict')]) {
      for (const line of t.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('suggestion', () => {
  it('names the closest candidate within 2 edits', () => {
    expect(suggestion('--batchsize', ['--batch-size', '--seed'])).toBe(' (did you mean --batch-size?)');
    expect(suggestion('zzzzzz', ['--seed'])).toBe('');
  });
});
