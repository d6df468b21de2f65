#!/usr/bin/python3
"""Generates the PyTorch oracle fixtures of @nn/layers (packages/layers/test/fixtures/<group>.json).

Run with Debian's PyTorch (see README.md):

    /usr/bin/python3 scripts/gen-fixtures/gen_layers_fixtures.py [group ...]

Each group lives in cases_layers_<group>.py and exposes gen() -> LayerFixtureFile; with no arguments every
group is written. Deterministic: fixed seeds and one thread. Entry format and tolerances: layerlib.py.
"""

from __future__ import annotations

import importlib
import pathlib
import sys

sys.dont_write_bytecode = True  # no __pycache__ next to the script

import torch  # noqa: E402

torch.set_num_threads(1)

HERE = pathlib.Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    groups = argv or sorted(p.stem.removeprefix('cases_layers_') for p in HERE.glob('cases_layers_*.py'))
    notes = 0
    for group in groups:
        f = importlib.import_module(f'cases_layers_{group}').gen()
        path, size = f.write()
        print(f'{path.relative_to(path.parents[4])}: {len(f.entries)} entries, {size / 1024:.1f} KiB')
        for e in f.entries:
            usage = f.torch32_usage[e['name']]
            print(f"   {e['layer']:<26} k {e['tol']['k']:>5}  PyTorch float32 uses {usage * 100:5.1f}% of the bound  {e['name']}")
        for w in f.warnings:
            print(f'   note: {w}')
        notes += len(f.warnings)
    print(f'torch {torch.__version__}, {notes} notes')
    return 0 if notes == 0 else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
