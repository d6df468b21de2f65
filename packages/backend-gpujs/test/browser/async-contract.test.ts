// The async contract on WebGPU: kernels queue behind their inputs, only `data()` waits, synchronous
// reads are refused by name, an input disposed while a kernel that reads it is still queued stays
// alive until that kernel ran, and an error found on the device (an out-of-range class label)
// rejects the read of every result computed from it. Layers that check values on the host on
// other backends (class-index losses, Embedding, masked attention) give the CPU's numbers here.
import { Embedding, MultiheadAttention } from '@nn/layers';
import { crossEntropy } from '@nn/layers/functional';
import {
  add,
  BackendError,
  createCpuBackend,
  exp,
  Generator,
  IndexError,
  indexSelect,
  mul,
  setBackend,
  tensor,
  tidy,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../../../../scripts/test-kit/errors.js';
import { useGpuJsBackend } from '../support/suite-backend.js';

const gpu = useGpuJsBackend('webgpu');

/** The values of `run()` on the CPU backend (its tensors are created there too). */
async function onCpu(run: () => Tensor): Promise<Float32Array> {
  const backend = gpu();
  setBackend(createCpuBackend());
  try {
    const t = run();
    const values = (await t.data()) as Float32Array;
    t.dispose();
    return values;
  } finally {
    setBackend(backend);
  }
}

describe('gpujs-webgpu: the async contract', () => {
  it('has no synchronous reads, and says so by name', () => {
    expect(gpu().capabilities.syncRead).toBe(false);
    const t = tensor([1, 2]);
    expect(() => t.dataSync()).toThrow(BackendError);
    t.dispose();
  });

  it('keeps a disposed input alive until the kernels queued on it have run', async () => {
    const before = gpu().numDataIds();
    const x = tensor([0, 1, 2]);
    const y = tidy(() => add(mul(exp(x), 2), 1));
    x.dispose();
    const values = await y.data();
    [0, 1, 2].forEach((v, i) => expect(values[i]).toBeCloseTo(2 * Math.exp(v) + 1, 4));
    y.dispose();
    expect(gpu().numDataIds()).toBe(before);
  });

  it('rejects the read of a loss whose class label is out of range, and of everything computed from it', async () => {
    const before = gpu().numDataIds();
    const logits = tensor([
      [1, 2, 3],
      [0, 0, 0],
    ]);
    // [2, 6], computed on the device (so not known on the host): 6 is out of range.
    const labels = tidy(() => add(tensor([2, 1], { dtype: 'int32' }), tensor([0, 5], { dtype: 'int32' })));
    const loss = tidy(() => crossEntropy(logits, labels));
    const doubled = tidy(() => mul(loss, 2));
    expect(await rejectionOf(loss.data())).toBeInstanceOf(IndexError);
    expect(await rejectionOf(doubled.data())).toBeInstanceOf(IndexError);
    for (const t of [logits, labels, loss, doubled]) t.dispose();
    expect(gpu().numDataIds()).toBe(before);
  });

  it('rejects the read of an empty result whose indices are out of range', async () => {
    const x = tensor(new Float32Array(0), { shape: [3, 0] });
    const indices = tidy(() => add(tensor([1], { dtype: 'int32' }), tensor([4], { dtype: 'int32' }))); // [5], on the device
    const picked = indexSelect(x, 0, indices);
    expect(picked.shape).toEqual([1, 0]);
    expect(await rejectionOf(picked.data())).toBeInstanceOf(IndexError);
    for (const t of [x, indices, picked]) t.dispose();
  });

  it('runs Embedding and masked attention to the CPU backend values', async () => {
    const build = () => {
      const g = new Generator(3);
      return {
        embedding: new Embedding(10, 8, { generator: g }),
        attention: new MultiheadAttention(8, 2, { batchFirst: true, generator: g }),
      };
    };
    const forward = () =>
      tidy(() => {
        const { embedding, attention } = build();
        const x = embedding.call(tensor([[1, 4, 9, 0]], { dtype: 'int32' }));
        const [out] = attention.call(x, x, x, { isCausal: true, needWeights: false });
        embedding.dispose();
        attention.dispose();
        return out;
      });
    const want = await onCpu(forward);
    const got = forward();
    const values = await got.data();
    got.dispose();
    expect(values.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) expect(values[i]).toBeCloseTo(want[i]!, 4);
  });
});
