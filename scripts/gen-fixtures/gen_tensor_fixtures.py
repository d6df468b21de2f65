#!/usr/bin/python3
"""Generates the PyTorch oracle fixtures of @nn/tensor (packages/tensor/test/fixtures/*.json).

Run with Debian's PyTorch (see README.md):

    /usr/bin/python3 scripts/gen-fixtures/gen_tensor_fixtures.py

Deterministic: every file uses its own torch.manual_seed and one thread. The entry format and
the tolerances the tests apply are described in fixturelib.py.
"""

from __future__ import annotations

import sys
import warnings

sys.dont_write_bytecode = True  # no __pycache__ next to the script

import torch  # noqa: E402

from cases_elementwise import gen_elementwise  # noqa: E402
from cases_linalg import gen_conv, gen_matmul  # noqa: E402
from cases_movement import gen_movement  # noqa: E402
from cases_pooling import gen_pooling  # noqa: E402
from cases_reduce import gen_reductions, gen_softmax  # noqa: E402

torch.set_num_threads(1)
# PyTorch notes that padding='same' with an even kernel copies the input; expected, and not ours to act on.
warnings.filterwarnings('ignore', message="Using padding='same'")


def main() -> int:
    files = [gen_elementwise(), gen_reductions(), gen_softmax(), gen_matmul(), gen_conv(), gen_pooling(), gen_movement()]
    total = 0
    notes = 0
    for f in files:
        path, size = f.write()
        total += size
        ops: dict[str, int] = {}
        for e in f.entries:
            ops[e['op']] = ops.get(e['op'], 0) + 1
        print(f'{path.relative_to(path.parents[4])}: {len(f.entries)} entries, {size / 1024:.1f} KiB')
        print('   ' + ', '.join(f'{k} {v}' for k, v in ops.items()))
        for w in f.warnings:
            print(f'   note: float32 vs float64 PyTorch differ beyond the test tolerance: {w}')
        notes += len(f.warnings)
    print(f'total {total / 1024:.1f} KiB, torch {torch.__version__}, {notes} float32-vs-float64 notes')
    return 0


if __name__ == '__main__':
    sys.exit(main())
