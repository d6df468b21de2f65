// The Module base class: discovery of parameters, buffers and children, PyTorch state-dict keys,
// loadStateDict's checks, modes, hooks, apply, to(dtype), summary and disposal. Uses small modules
// written here so that it depends on no layer.
import { backward, enableGrad } from '@nn/autograd';
import {
  add,
  ArgumentError,
  getBackend,
  matmul,
  mul,
  ones,
  ShapeError,
  sum,
  tensor,
  tidy,
  Variable,
  zeros,
  type Tensor,
} from '@nn/tensor';
import { describe, expect, it } from 'vitest';
import { Identity, Module, ModuleList, Sequential } from '../src/index.js';
import { thrownBy } from './support/errors.js';

class Affine extends Module {
  weight: Variable;
  bias: Variable | null;
  constructor(inF: number, outF: number, bias = true) {
    super();
    this.weight = new Variable(ones([inF, outF]), { name: 'weight' });
    this.bias = bias ? new Variable(zeros([outF]), { name: 'bias' }) : null;
  }
  forward(x: Tensor): Tensor {
    const y = matmul(x, this.weight.value);
    return this.bias === null ? y : add(y, this.bias.value);
  }
}

class Stats extends Module {
  scale = new Variable(ones([2]), { name: 'scale' });
  runningMean = this.registerBuffer(zeros([2]), 'running_mean');
  forward(x: Tensor): Tensor {
    return mul(x, this.scale.value);
  }
}

class Net extends Module {
  inputLayer = new Affine(2, 3);
  stats = new Stats();
  heads = [new Affine(3, 1), new Affine(3, 1, false)];
  forward(x: Tensor): Tensor {
    const h = this.inputLayer.call(x);
    return add(this.heads[0]!.call(h), this.heads[1]!.call(h));
  }
}

describe('discovery and keys', () => {
  it('names parameters PyTorch-style: snake_case properties, own parameters first, arrays as key.i', () => {
    const net = new Net();
    expect(net.namedParameters().map(([k]) => k)).toEqual([
      'input_layer.weight',
      'input_layer.bias',
      'stats.scale',
      'heads.0.weight',
      'heads.0.bias',
      'heads.1.weight',
    ]);
    expect(Object.keys(net.stateDict())).toEqual([
      'input_layer.weight',
      'input_layer.bias',
      'stats.scale',
      'stats.running_mean',
      'heads.0.weight',
      'heads.0.bias',
      'heads.1.weight',
    ]);
    expect(net.namedBuffers().map(([k]) => k)).toEqual(['stats.running_mean']);
    expect(net.namedModules().map(([k]) => k)).toEqual(['', 'input_layer', 'stats', 'heads.0', 'heads.1']);
    expect(net.namedChildren().map(([k]) => k)).toEqual(['input_layer', 'stats', 'heads.0', 'heads.1']);
    net.dispose();
  });

  it('lists a shared Variable or module once', () => {
    const shared = new Affine(2, 2);
    const seq = new Sequential(shared, shared);
    expect(seq.parameters()).toHaveLength(2);
    expect(seq.modules()).toHaveLength(2);
    seq.dispose();
  });

  it('Sequential keys its children 0, 1, … and chains them', () => {
    const seq = new Sequential(new Affine(2, 3), new Identity(), new Affine(3, 1));
    expect(Object.keys(seq.stateDict())).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect(seq.length).toBe(3);
    expect(seq.at(-1)).toBe(seq[2]);
    expect(() => seq.at(3)).toThrow(ArgumentError);
    expect(tidy(() => seq.call(ones([1, 2])).toArray())).toEqual([[6]]);
    expect(() => new Sequential(42 as unknown as Module)).toThrow(ArgumentError);
    seq.dispose();
  });

  it('ModuleList registers its modules and cannot be called', () => {
    const list = new ModuleList([new Affine(1, 1), new Affine(1, 1)]);
    expect(Object.keys(list.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias']);
    expect([...list]).toHaveLength(2);
    expect(() => list.forward()).toThrow(ArgumentError);
    list.dispose();
  });
});

describe('loadStateDict', () => {
  it('copies values (the caller keeps ownership) and casts to the parameter dtype', () => {
    const a = new Affine(2, 2);
    const state = { weight: tensor([[1, 2], [3, 4]], { dtype: 'float64' }), bias: tensor([5, 6]) };
    expect(a.loadStateDict(state)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    state.bias.dispose();
    state.weight.dispose();
    expect(a.weight.value.toArray()).toEqual([[1, 2], [3, 4]]);
    expect(a.weight.dtype).toBe('float32');
    expect(a.bias!.value.toArray()).toEqual([5, 6]);
    a.dispose();
  });

  it('names missing and unexpected keys, and changes nothing when it fails', () => {
    const a = new Affine(2, 2);
    const before = a.weight.value.toArray();
    const w = zeros([2, 2]);
    const extra = zeros([1]);
    expect(() => a.loadStateDict({ weight: w, extra })).toThrow(/missing keys: bias; unexpected keys: extra/);
    expect(a.weight.value.toArray()).toEqual(before);
    expect(a.loadStateDict({ weight: w, extra }, { strict: false })).toEqual({
      missingKeys: ['bias'],
      unexpectedKeys: ['extra'],
    });
    expect(a.weight.value.toArray()).toEqual([[0, 0], [0, 0]]);
    w.dispose();
    extra.dispose();
    a.dispose();
  });

  it('rejects a shape mismatch even when not strict, naming the key', () => {
    const a = new Affine(2, 2);
    const w = zeros([3, 2]);
    const error = thrownBy(() => a.loadStateDict({ weight: w }, { strict: false }));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).arg).toBe('weight');
    expect(String(error)).toContain('expected shape [2, 2], got [3, 2]');
    expect(() => a.loadStateDict({ weight: 3 as unknown as Tensor, bias: zeros([2]) })).toThrow(ArgumentError);
    w.dispose();
    a.dispose();
  });

  it('round-trips a model through its own state dict', () => {
    const a = new Net();
    const b = new Net();
    tidy(() => a.stats.scale.assign(tensor([7, 8])));
    b.loadStateDict(a.stateDict());
    expect(b.stats.scale.value.toArray()).toEqual([7, 8]);
    a.dispose();
    b.dispose();
  });
});

describe('modes, hooks, apply, to, zeroGrad, dispose', () => {
  it('train()/eval() reach every descendant', () => {
    const net = new Net();
    net.eval();
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.modules().every((m) => m.training)).toBe(true);
    net.dispose();
  });

  it('forward hooks see inputs and outputs, may replace the output, and can be removed', () => {
    const layer = new Affine(2, 1);
    const seen: unknown[] = [];
    const h1 = layer.registerForwardHook((m, inputs, out) => {
      seen.push([m === layer, (inputs[0] as Tensor).shape, (out as Tensor).shape]);
    });
    const h2 = layer.registerForwardHook((_m, _i, out) => mul(out as Tensor, 10));
    const y = tidy(() => layer.call(ones([1, 2])).toArray());
    expect(y).toEqual([[20]]);
    expect(seen).toEqual([[true, [1, 2], [1, 1]]]);
    h1.remove();
    h2.remove();
    h2.remove();
    expect(tidy(() => layer.call(ones([1, 2])).toArray())).toEqual([[2]]);
    expect(seen).toHaveLength(1);
    expect(() => layer.registerForwardHook(5 as never)).toThrow(ArgumentError);
    layer.dispose();
  });

  it('apply visits children before parents', () => {
    const net = new Net();
    const order: string[] = [];
    net.apply((m) => order.push(m.constructor.name));
    expect(order).toEqual(['Affine', 'Stats', 'Affine', 'Affine', 'Net']);
    net.dispose();
  });

  it('to(float64) converts parameters and buffers; to(int32) is an error', () => {
    const net = new Net().to('float64');
    expect(Object.values(net.stateDict()).every((t) => t.dtype === 'float64')).toBe(true);
    expect(() => net.to('int32')).toThrow(ArgumentError);
    net.dispose();
  });

  it('backward reaches the parameters through call(); zeroGrad clears them', () => {
    const net = new Net();
    const stop = enableGrad();
    tidy(() => backward(sum(net.call(ones([4, 2])))));
    stop();
    expect(net.inputLayer.weight.grad?.shape).toEqual([2, 3]);
    expect(net.heads[0]!.bias!.grad?.toArray()).toEqual([4]);
    net.zeroGrad();
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
    net.dispose();
  });

  it('dispose frees every parameter and buffer', () => {
    const backend = getBackend();
    const before = backend.numDataIds();
    const net = new Net();
    expect(backend.numDataIds()).toBe(before + 7);
    net.dispose();
    expect(backend.numDataIds()).toBe(before);
  });
});

describe('summary', () => {
  it('returns rows with output shapes and parameter counts, and restores the mode', () => {
    const net = new Net();
    net.train();
    const s = net.summary([5, 2]);
    expect(s.rows.map((r) => [r.name, r.type, r.depth, r.outputShape, r.params])).toEqual([
      ['', 'Net', 0, [5, 1], 18],
      ['input_layer', 'Affine', 1, [5, 3], 9],
      ['stats', 'Stats', 1, null, 2],
      ['heads.0', 'Affine', 1, [5, 1], 4],
      ['heads.1', 'Affine', 1, [5, 1], 3],
    ]);
    expect(s.totalParams).toBe(18);
    expect(s.trainableParams).toBe(18);
    expect(net.training).toBe(true);
    const text = s.toString();
    expect(text).toContain('input_layer (Affine)');
    expect(text).toContain('Total params: 18');
    net.stats.scale.trainable = false;
    expect(net.summary().trainableParams).toBe(16);
    expect(net.summary().rows[0]!.outputShape).toBeNull();
    net.dispose();
  });

  it('leaves no tensor behind', () => {
    const net = new Net();
    const backend = getBackend();
    const before = backend.numDataIds();
    net.summary([3, 2]);
    expect(backend.numDataIds()).toBe(before);
    net.dispose();
  });
});
