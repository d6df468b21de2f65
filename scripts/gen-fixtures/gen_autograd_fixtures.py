#!/usr/bin/python3
"""Generates the PyTorch oracle fixtures of @nn/autograd (packages/autograd/test/fixtures/*.json).

Run with Debian's PyTorch (see README.md):

    /usr/bin/python3 scripts/gen-fixtures/gen_autograd_fixtures.py

Each entry is a composite model (an MLP, small CNNs, layer norm, attention, ...) with its inputs,
its loss and the gradient of the loss with respect to every parameter, computed by PyTorch in
float64 from float32 inputs. Deterministic: a fixed torch.manual_seed and one thread. The entry
format and the tolerances the tests apply are described in gradlib.py; the models in
cases_autograd.py (mirrored in packages/autograd/test/oracle/models.ts).
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # no __pycache__ next to the script

import torch  # noqa: E402

from cases_autograd import gen_composites  # noqa: E402

torch.set_num_threads(1)


def main() -> int:
    files = [gen_composites()]
    total = 0
    notes = 0
    for f in files:
        path, size = f.write()
        total += size
        print(f'{path.relative_to(path.parents[4])}: {len(f.entries)} entries, {size / 1024:.1f} KiB')
        for e in f.entries:
            usage = f.torch32_usage[e['name']]
            print(f"   {e['model']:<20} k {e['tol']['k']:>4}  PyTorch float32 uses {usage * 100:5.1f}% of the bound  {e['name']}")
        for w in f.warnings:
            print(f'   note: {w}')
        notes += len(f.warnings)
    print(f'total {total / 1024:.1f} KiB, torch {torch.__version__}, {notes} notes')
    return 0 if notes == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
