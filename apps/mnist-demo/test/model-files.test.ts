import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSafetensorsFileSync } from '@nn/layers/node';
import { Generator, tensor } from '@nn/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { loadSavedModel } from '../src/load-model.js';
import { decodeMetadata, encodeMetadata, type ModelMetadata } from '../src/metadata.js';
import { buildModel } from '../src/models.js';
import { captureIo } from './support/io.js';
import { grayPng } from './support/png-encoder.js';

const dir = mkdtempSync(join(tmpdir(), 'nn-mnist-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meta: ModelMetadata = {
  model: 'mlp',
  data: { source: 'bundled' },
  limit: 100,
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  evalBatchSize: 1000,
  testCorrect: 90,
  testTotal: 100,
  config: { seed: 1 },
};

function saveModel(name: string, kind: 'mlp' | 'cnn', metadata: Record<string, string>): string {
  const path = join(dir, name);
  const model = buildModel(kind, new Generator(1));
  saveSafetensorsFileSync(path, model.stateDict(), { metadata });
  model.dispose();
  return path;
}

describe('model metadata', () => {
  it('round-trips through the safetensors string map', () => {
    expect(decodeMetadata('m', encodeMetadata(meta))).toEqual(meta);
    const noLimit = { ...meta, limit: undefined, data: { source: 'dir' as const, dir: '/x' } };
    expect(decodeMetadata('m', encodeMetadata(noLimit))).toEqual(noLimit);
    expect(encodeMetadata(meta).test_accuracy).toBe('0.900000');
  });

  it.each([
    [{ format: 'other' }, 'was not saved by this trainer'],
    [{ format_version: '9' }, 'has format version "9"; this trainer reads version 1'],
    [{ model: 'rnn' }, 'unknown model kind "rnn"'],
    [{ data: '{' }, 'metadata field "data" is not valid JSON'],
    [{ data: '{"source":"dir"}' }, 'metadata field "data" is not a data source'],
    [{ classes: '[1,2]' }, 'metadata field "classes" is not a list of names'],
    [{ test_total: '0' }, 'metadata field "test_total" should be a whole number ≥ 1, got "0"'],
    [{ eval_batch_size: 'x' }, 'eval_batch_size'],
    [{ limit: '-3' }, 'metadata field "limit"'],
  ])('rejects %j', (change, message) => {
    expect(() => decodeMetadata('m.safetensors', { ...encodeMetadata(meta), ...change })).toThrow(message);
  });

  it('loadSavedModel rebuilds the network with the saved weights', async () => {
    const path = saveModel('ok.safetensors', 'cnn', encodeMetadata({ ...meta, model: 'cnn' }));
    const { model, metadata } = await loadSavedModel(path);
    expect(metadata.model).toBe('cnn');
    const original = buildModel('cnn', new Generator(1));
    expect(model.parameters().map((p) => Array.from(p.value.dataSync()))).toEqual(original.parameters().map((p) => Array.from(p.value.dataSync())));
    model.dispose();
    original.dispose();
  });
});

describe('evaluate and predict: bad input files exit with code 2 and one line', () => {
  const good = saveModel('good.safetensors', 'mlp', encodeMetadata(meta));
  const foreign = join(dir, 'foreign.safetensors');
  saveSafetensorsFileSync(foreign, { w: tensor([1, 2]) });
  const wrongWeights = saveModel('wrong.safetensors', 'mlp', encodeMetadata({ ...meta, model: 'cnn' }));
  const garbage = join(dir, 'garbage.safetensors');
  writeFileSync(garbage, 'this is not a model');
  const badPng = join(dir, 'bad.png');
  const png = grayPng(28, 28, new Uint8Array(784));
  png[20]! ^= 0x01; // a bit of the IHDR height
  writeFileSync(badPng, png);
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'hello');

  it.each([
    [['evaluate', join(dir, 'missing.safetensors')], `model ${join(dir, 'missing.safetensors')}: no such file or directory`],
    [['evaluate', dir], `model ${dir}: is a directory, expected a file`],
    [['evaluate', garbage], `model ${garbage} is malformed: loadSafetensorsFile`],
    [['evaluate', foreign], 'was not saved by this trainer'],
    [['evaluate', wrongWeights], 'does not fit a cnn'],
    [['predict', garbage, badPng], 'is malformed'],
    [['predict', good, join(dir, 'missing.png')], `image ${join(dir, 'missing.png')}: no such file or directory`],
    [['predict', good, badPng], `image ${badPng} is malformed: decodePng(IHDR.crc)`],
    [['predict', good, text], 'expected a PNG or PGM image, got an unknown format'],
  ])('%j', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr.lines()).toHaveLength(1);
    expect(io.stderr.text).toContain(`error: `);
    expect(io.stderr.text).toContain(message);
  });

  it('predict prints the top classes for a valid image', async () => {
    const image = join(dir, 'blank.png');
    writeFileSync(image, grayPng(28, 28, new Uint8Array(784)));
    const io = captureIo();
    expect(await main(['predict', good, image, '--top', '4'], io)).toBe(0);
    const lines = io.stdout.lines();
    expect(lines[0]).toBe('model: MLP trained on the bundled MNIST digits (test accuracy 90.00%)');
    expect(lines[1]).toBe(`image: ${image}, 28×28, used as it is (28×28)`);
    const ranking = lines.slice(-4);
    expect(ranking.every((l) => /^\d {2} +\d+\.\d\d%/.test(l))).toBe(true);
    const probabilities = ranking.map((l) => Number(/(\d+\.\d\d)%/.exec(l)![1]));
    expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);
  });
});
