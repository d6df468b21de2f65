/** The CLI's commands (`help` aside). */
export type CommandName = 'train' | 'evaluate' | 'predict';

/** One command-line flag: its name, the placeholder of its value (none for a switch), help text. */
export interface FlagSpec {
  name: string;
  /** Placeholder shown in the help; `undefined` for a boolean switch. */
  metavar?: string;
  help: string;
  commands: readonly CommandName[];
}

/** Every flag the CLI accepts, in help order. `args.ts` parses them; `usage.ts` prints them. */
export const FLAGS: readonly FlagSpec[] = [
  { name: '--model', metavar: 'mlp|cnn', commands: ['train'], help: 'network: mlp = 784→128→64→10 ReLU; cnn = conv 8 → pool → conv 16 → pool → fc (default mlp)' },
  {
    name: '--data',
    metavar: 'SOURCE',
    commands: ['train', 'evaluate'],
    help:
      'bundled (10,000 real digits shipped with @nn/datasets, offline), fashion (Fashion-MNIST in ' +
      '/usr/share/datasets/fashion-mnist), fashion:<dir>, dir:<path> (the 4 MNIST IDX files, raw or .gz) ' +
      'or download (full MNIST, 70,000 digits, verified and cached) (default bundled; evaluate: the data the model was trained on)',
  },
  { name: '--epochs', metavar: 'N', commands: ['train'], help: 'passes over the training set (default 5)' },
  { name: '--batch-size', metavar: 'N', commands: ['train'], help: 'images per training step (default 64)' },
  { name: '--lr', metavar: 'RATE', commands: ['train'], help: 'learning rate (default 1e-3)' },
  { name: '--optimizer', metavar: 'adam|sgd|adamw', commands: ['train'], help: 'optimizer, PyTorch defaults otherwise (default adam)' },
  { name: '--seed', metavar: 'N', commands: ['train'], help: 'seed of the initial weights, shuffling and augmentation (default 0)' },
  { name: '--augment', commands: ['train'], help: 'random affine augmentation while training (rotate ±10°, shift ±10%, scale 0.9–1.1)' },
  { name: '--limit', metavar: 'N', commands: ['train', 'evaluate'], help: 'use at most N training and N test images, evenly spaced (quick runs)' },
  { name: '--out', metavar: 'DIR', commands: ['train'], help: 'where model.safetensors and metrics.json go (default runs/mnist-<model>-<data>)' },
  { name: '--cache-dir', metavar: 'DIR', commands: ['train', 'evaluate'], help: 'download cache for --data download; files go to DIR/mnist (default ~/.cache/nn)' },
  {
    name: '--backend',
    metavar: 'cpu|gpujs[:MODE]',
    commands: ['train', 'evaluate'],
    help: 'engine: cpu (the CPU backend), gpujs (gpu.js in the best mode Node has: headlessgl, else webasm) or gpujs:webasm, gpujs:headlessgl, gpujs:cpu (default cpu)',
  },
  { name: '--quiet', commands: ['train', 'evaluate'], help: 'print only the final results' },
  { name: '--top', metavar: 'K', commands: ['predict'], help: 'how many classes to print (default 3)' },
  { name: '--invert', metavar: 'auto|yes|no', commands: ['predict'], help: 'make the digit white on black like MNIST; auto inverts a light background (default auto)' },
  {
    name: '--fit',
    metavar: 'auto|mnist|resize',
    commands: ['predict'],
    help: 'mnist: crop to the ink, scale it into 20×20 and centre it by mass in 28×28 like MNIST; resize: stretch to 28×28; auto: keep a 28×28 image as it is, else mnist (default auto)',
  },
  { name: '--help', commands: ['train', 'evaluate', 'predict'], help: 'show this help' },
];
