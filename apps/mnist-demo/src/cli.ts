#!/usr/bin/env -S npx tsx --conditions=@nn/source
/**
 * The MNIST trainer's command line: `pnpm mnist [train|evaluate|predict|help] [options]`
 * (see usage.ts). Exit codes: 0 success, 1 failure while running, 2 bad usage or input file.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from './args.js';
import { EXIT_OK, errorLine, exitCodeOf } from './errors.js';
import { processIo, type Io } from './io.js';
import { usage } from './usage.js';

/** Runs one command line; resolves to the exit code. Errors are printed as one line on stderr. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') io.stdout.write(usage(args.topic));
    // Commands load the tensor library lazily, so --help and usage errors answer at once.
    else if (args.command === 'evaluate') await (await import('./evaluate.js')).runEvaluate(args, io);
    else if (args.command === 'predict') await (await import('./predict.js')).runPredict(args, io);
    else await (await import('./run-train.js')).runTrain(args, io);
    return EXIT_OK;
  } catch (error) {
    io.stderr.write(`${errorLine(error)}\n`);
    if (io.env.NN_DEBUG !== undefined && io.env.NN_DEBUG !== '' && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return exitCodeOf(error);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await main(process.argv.slice(2));
}
