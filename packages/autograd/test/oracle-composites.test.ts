// Gradients of whole models against PyTorch: an MLP with cross-entropy, CNNs with NLL, layer norm,
// causal attention, large-logit logsumexp, activation and math chains, a residual block, movement
// and pooling compositions, and second-order gradient penalties (the suite is in
// oracle/composite-suite.ts, shared with the backends that run it on themselves).
import { getBackend, split, sum, tensor, tidy, Variable, type Tensor } from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { backward, enableGrad, valueAndGrad } from '../src/index.js';
import { compositeGradientSuite } from './oracle/composite-suite.js';

compositeGradientSuite(['float32', 'float64']);

describe('graph memory', () => {
  // A model may compute things its loss does not use (the unused pieces of split/chunk, the inner
  // function value of a gradient penalty). Their recorded nodes are not on any path from the loss,
  // so the reverse pass never reaches them; they must not keep tensors alive after the pass.
  it('frees the nodes of results that do not reach the loss', () => {
    const backend = getBackend();
    const before = backend.numDataIds();
    tidy(() => {
      const x = tensor([1, 2, 3, 4]);
      valueAndGrad((t: Tensor) => sum(split(t, 2)[0]!))(x);
    });
    expect(backend.numDataIds(), 'tensors left behind').toBe(before);
  });

  // With enableGrad + backward, a node whose output does not reach the loss (an unused split
  // piece, a softmax computed for display while recording) is released when the tidy that
  // created its output ends, since no backward pass can start from it any more.
  it('backward frees the nodes of results that do not reach the loss', () => {
    const backend = getBackend();
    const w = new Variable(tensor([1, 2, 3, 4]), { name: 'w' });
    const before = backend.numDataIds();
    const stop = enableGrad();
    try {
      tidy(() => backward(sum(split(w.value, 2)[0]!)));
    } finally {
      stop();
    }
    w.grad?.dispose();
    w.grad = null;
    const after = backend.numDataIds();
    w.dispose();
    expect(after, 'tensors left behind').toBe(before);
  });
});
