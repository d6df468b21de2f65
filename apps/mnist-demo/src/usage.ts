import { FLAGS, type CommandName } from './flags.js';

const SYNOPSIS: Record<CommandName, string> = {
  train: 'pnpm mnist [train] [options]',
  evaluate: 'pnpm mnist evaluate <model.safetensors> [options]',
  predict: 'pnpm mnist predict <model.safetensors> <image.png|image.pgm> [options]',
};

const ABOUT: Record<CommandName, string> = {
  train:
    'Trains a digit classifier with @nn and saves it. With no options: the MLP 784→128→64→10 on the\n' +
    '10,000 bundled MNIST digits (8,000 train / 2,000 test), 5 epochs of Adam, offline.',
  evaluate:
    'Reloads a saved model and measures its test accuracy on the data it was trained on (or --data);\n' +
    'on the same data it reproduces the accuracy saved with the model exactly.',
  predict:
    'Classifies one image (PNG or PGM, any size): a light background is inverted, the digit is\n' +
    'scaled and centred like MNIST, and the most likely classes are printed with their probabilities.',
};

/** Wraps `text` to `width` columns, indenting continuation lines by `indent` spaces. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

function flagLines(command: CommandName): string[] {
  const column = 26;
  return FLAGS.filter((f) => f.commands.includes(command)).map((f) => {
    const left = `  ${f.name}${f.metavar === undefined ? '' : ` ${f.metavar}`}`;
    const pad = left.length < column ? ' '.repeat(column - left.length) : `\n${' '.repeat(column)}`;
    return `${left}${pad}${wrap(f.help, 100 - column, column)}`;
  });
}

function section(command: CommandName): string {
  return [`${SYNOPSIS[command]}`, '', ABOUT[command], '', 'Options:', ...flagLines(command)].join('\n');
}

/** The help text: one command's, or an overview of all three. */
export function usage(topic?: CommandName): string {
  if (topic !== undefined) return `Usage: ${section(topic)}\n`;
  return [
    'Usage: pnpm mnist [train] [options]',
    '       pnpm mnist evaluate <model.safetensors> [options]',
    '       pnpm mnist predict <model.safetensors> <image.png|image.pgm> [options]',
    '       pnpm mnist help [train|evaluate|predict]',
    '',
    ABOUT.train,
    '',
    'Train options:',
    ...flagLines('train'),
    '',
    'evaluate <model.safetensors>:',
    ...ABOUT.evaluate.split('\n').map((l) => `  ${l}`),
    ...flagLines('evaluate').filter((l) => !l.startsWith('  --help')),
    '',
    'predict <model.safetensors> <image.png|image.pgm>:',
    ...ABOUT.predict.split('\n').map((l) => `  ${l}`),
    ...flagLines('predict').filter((l) => !l.startsWith('  --help')),
    '',
    'Examples:',
    '  pnpm mnist                                   # MLP on the bundled digits, 5 epochs',
    '  pnpm mnist --model cnn --augment             # the small CNN, with augmentation',
    '  pnpm mnist --data fashion --epochs 5         # Fashion-MNIST (Debian dataset-fashion-mnist)',
    '  pnpm mnist evaluate runs/mnist-mlp-bundled/model.safetensors',
    '  pnpm mnist predict runs/mnist-mlp-bundled/model.safetensors digit.png',
    '',
    'Exit codes: 0 success, 1 failure while running, 2 bad option, value or input file.',
    '',
  ].join('\n');
}
