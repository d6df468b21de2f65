import { afterEach, describe, expect, it } from 'vitest';
import {
  BackendError,
  createCpuBackend,
  DisposedTensorError,
  getBackend,
  keep,
  KernelNotFoundError,
  neg,
  onOp,
  ones,
  scope,
  setBackend,
  ShapeError,
  tensor,
  tidy,
  untracked,
  zeros,
  ArgumentError,
  type OpRecord,
  type Tensor,
} from '../src/index.js';
import { runKernel, type Backend } from '../src/backend.js';

const cpu = getBackend();
afterEach(() => setBackend(cpu));

describe('engine dispatch', () => {
  it('runs a primitive on the active backend and emits a record only while someone listens', () => {
    const records: OpRecord[] = [];
    const a = ones([2]);
    const b = tensor([1, 2]);
    const stop = onOp((r) => records.push(r));
    const y = runKernel('Add', { a, b }, {});
    stop();
    runKernel('Add', { a, b }, {});
    expect(y.toArray()).toEqual([2, 3]);
    expect(records).toHaveLength(1);
    expect(records[0]!.op).toBe('Add');
    expect(records[0]!.inputs).toEqual({ a, b });
    expect(records[0]!.output).toBe(y);
  });

  it('names the op and the backend when a kernel is missing', () => {
    const partial: Backend = { ...createCpuBackendShim(), name: 'partial', kernels: {} };
    setBackend(partial);
    const x = zeros([1]);
    expect(() => runKernel('Exp', { x }, {})).toThrow(KernelNotFoundError);
    expect(() => runKernel('Exp', { x }, {})).toThrow(/'Exp' on backend 'partial'/);
  });

  it('refuses tensors of another backend', () => {
    const x = zeros([2]);
    setBackend(createCpuBackend());
    expect(() => runKernel('Neg', { x }, {})).toThrow(BackendError);
  });

  it('refuses disposed tensors with a DisposedTensorError', () => {
    const x = zeros([2]);
    x.dispose();
    x.dispose(); // a second dispose is a no-op
    expect(x.isDisposed).toBe(true);
    expect(() => runKernel('Neg', { x }, {})).toThrow(DisposedTensorError);
    expect(() => x.dataSync()).toThrow(DisposedTensorError);
  });
});

describe('memory scopes', () => {
  it('tidy disposes what it created except what it returns', () => {
    const backend = createCpuBackend();
    setBackend(backend);
    const base = backend.numDataIds();
    let inner: Tensor | undefined;
    const out = tidy(() => {
      inner = ones([3]);
      return { y: runKernel('Neg', { x: inner }, {}) };
    });
    expect(inner!.isDisposed).toBe(true);
    expect(out.y.isDisposed).toBe(false);
    expect(backend.numDataIds()).toBe(base + 1);
  });

  it('nested tidies hand kept tensors to the enclosing scope', () => {
    let kept: Tensor | undefined;
    tidy(() => {
      kept = tidy(() => ones([1]));
      expect(kept.isDisposed).toBe(false);
    });
    expect(kept!.isDisposed).toBe(true);
  });

  it('keep lets a tensor outlive every open scope', () => {
    let saved: Tensor | undefined;
    tidy(() => {
      saved = keep(ones([2]));
    });
    expect(saved!.isDisposed).toBe(false);
  });

  it('tidy disposes on throw and rejects async functions', () => {
    let t: Tensor | undefined;
    expect(() =>
      tidy(() => {
        t = ones([1]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(t!.isDisposed).toBe(true);
    expect(() => tidy(async () => ones([1]))).toThrow(ArgumentError);
  });

  it('using disposes tensors and scopes at the end of the block', () => {
    let a: Tensor;
    let b: Tensor;
    {
      using s = scope();
      void s;
      a = ones([2]);
      using c = zeros([1]);
      b = c;
    }
    expect(a.isDisposed).toBe(true);
    expect(b.isDisposed).toBe(true);
  });
});

describe('Tensor', () => {
  it('reports shape, size, rank and values', async () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(Array.from(await t.data())).toEqual([1, 2, 3, 4, 5, 6]);
    const copy = t.dataSync();
    copy[0] = 99;
    expect(t.dataSync()[0]).toBe(1);
  });

  it('item() needs exactly one element', () => {
    expect(tensor([[5]]).item()).toBe(5);
    expect(tensor(true).item()).toBe(true);
    expect(() => tensor([1, 2]).item()).toThrow(ShapeError);
  });

  it('prints scalars, bools, non-finite values and empty tensors', () => {
    expect(tensor(1.5).toString()).toBe('tensor(1.5, dtype=float32)');
    expect(tensor([true, false]).toString()).toBe('tensor([ true, false], dtype=bool)');
    expect(tensor([NaN, Infinity, -Infinity]).toString()).toBe('tensor([ nan,  inf, -inf], dtype=float32)');
    expect(zeros([0, 3]).toString()).toBe('tensor([], shape=[0,3], dtype=float32)');
    expect(zeros([2000]).toString()).toContain('...');
  });
});

function createCpuBackendShim(): Backend {
  const real = createCpuBackend();
  return {
    name: real.name,
    capabilities: real.capabilities,
    kernels: real.kernels,
    write: (v, s, d) => real.write(v, s, d),
    read: (id) => real.read(id),
    readSync: (id) => real.readSync(id),
    disposeData: (id) => real.disposeData(id),
    numDataIds: () => real.numDataIds(),
  };
}

describe('CPU storage recycling', () => {
  it('reuses disposed storage for new outputs without leaking old values into results', () => {
    const backend = createCpuBackend();
    setBackend(backend);
    const x = tensor(Array.from({ length: 5000 }, (_, i) => i));
    const first = runKernel('Neg', { x }, {});
    first.dispose(); // its array is kept for reuse
    const second = runKernel('Neg', { x }, {});
    expect(second.dataSync()[4999]).toBe(-4999);
    expect(backend.numDataIds()).toBe(2);
  });
});

describe('untracked', () => {
  it('hides the ops it runs from listeners, also when it throws, and nests', () => {
    const ops: string[] = [];
    const stop = onOp((r) => ops.push(r.op));
    const x = ones([2]);
    untracked(() => untracked(() => neg(x)).dispose());
    expect(() => untracked(() => { throw new Error('boom'); })).toThrow('boom');
    neg(x).dispose();
    stop();
    x.dispose();
    expect(ops).toEqual(['Neg']);
  });
});
