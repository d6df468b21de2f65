import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { loadData } from '../src/data.js';
import { classProbabilities } from '../src/inference.js';
import { loadSavedModel } from '../src/load-model.js';
import { captureIo } from './support/io.js';
import { grayPng } from './support/png-encoder.js';

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(join(tmpdir(), 'nn-mnist-e2e-'));
const out = join(work, 'run');
const modelPath = join(out, 'model.safetensors');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI as `pnpm mnist` does (tsx with the @nn/source condition), in a child process without a TTY. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=@nn/source', join(appDir, 'src/cli.ts'), ...args],
      { cwd: appDir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr }),
    );
  });
}

describe('the CLI end to end (child processes)', { timeout: 180_000 }, () => {
  let train: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    train = await cli('--epochs', '2', '--limit', '1000', '--seed', '1', '--out', out);
  }, 180_000);

  it('trains, prints progress, per-epoch accuracy, the confusion matrix and per-class accuracy, and saves', () => {
    expect(train.stderr).toBe('');
    expect(train.code).toBe(0);
    const s = train.stdout;
    expect(s).not.toContain('\r');
    expect(s).not.toContain('\x1b');
    expect(s).toContain('@nn MNIST trainer: MLP (109,386 parameters) on the bundled MNIST digits');
    expect(s).toMatch(/data: 1,000 training \/ 1,000 test images, 28×28, 10 classes \(--limit 1000\)/);
    expect(s).toMatch(/^epoch 1\/2 {3}12% {2}batch 2\/16 {2}loss \d\.\d{4} {2}acc \d+\.\d% {2}[\d,]+ samples\/s {2}ETA /m);
    expect(s).toMatch(/^epoch 2\/2 {2}100% {2}batch 16\/16 /m);
    expect(s).toMatch(/^epoch 1\/2 {2}test accuracy \d+\.\d\d% \(\d+\/1000\)$/m);
    expect(s).toContain('Test accuracy per epoch');
    expect(s).toContain('Confusion matrix (rows: true class, columns: predicted class)');
    expect(s).toContain('Per-class accuracy');
    expect(s).toContain(`saved ${modelPath}`);
    expect(s).toContain(`saved ${join(out, 'metrics.json')}`);
  });

  it('writes metrics.json with the config, per-epoch results and the confusion matrix', () => {
    const m = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(m.config).toMatchObject({ model: 'mlp', data: { source: 'bundled' }, epochs: 2, batchSize: 64, lr: 0.001, optimizer: 'adam', seed: 1, augment: false, limit: 1000 });
    expect(m.seed).toBe(1);
    expect(m.model).toEqual({ kind: 'mlp', parameters: 109386, file: 'model.safetensors' });
    expect(m.epochs).toHaveLength(2);
    const counts: number[][] = m.test.confusionMatrix;
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(1000);
    const diagonal = counts.reduce((s, row, i) => s + row[i]!, 0);
    expect(m.test.correct).toBe(diagonal);
    expect(m.test.accuracy).toBe(diagonal / 1000);
    expect(m.epochs[1].testCorrect).toBe(diagonal);
    expect(m.test.accuracy).toBeGreaterThan(0.7);
    expect(train.stdout).toContain(`test accuracy ${(m.test.accuracy * 100).toFixed(2)}% (${diagonal}/1000) after 2 epochs`);
    expect(m.durations.totalSeconds).toBeGreaterThan(0);
  });

  it('evaluate reproduces the saved accuracy exactly', async () => {
    const m = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    const r = await cli('evaluate', modelPath);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`test accuracy ${(m.test.accuracy * 100).toFixed(2)}% (${m.test.correct}/1000)`);
    expect(r.stdout).toContain(`reproduces the saved test accuracy exactly: ${(m.test.accuracy * 100).toFixed(2)}% (${m.test.correct}/1000)`);
  });

  it('predict on a PGM and a PNG rendered from a test digit returns its label', async () => {
    const { model, metadata } = await loadSavedModel(modelPath);
    const { test } = await loadData(metadata.data, { limit: metadata.limit });
    // The first test digit the model gets right (with some margin), rendered as files.
    let index = -1;
    for (let i = 0; i < test.length && index < 0; i++) {
      const p = classProbabilities(model, Float32Array.from(test.images.subarray(i * 784, (i + 1) * 784), (v) => v / 255));
      if (p.indexOf(Math.max(...p)) === test.labels[i] && Math.max(...p) > 0.6) index = i;
    }
    model.dispose();
    expect(index).toBeGreaterThanOrEqual(0);
    const label = test.labels[index]!;
    const pixels = test.images.slice(index * 784, (index + 1) * 784);
    const pgm = join(work, 'digit.pgm');
    writeFileSync(pgm, Buffer.concat([Buffer.from('P5\n# a test digit\n28 28\n255\n'), pixels]));
    const r = await cli('predict', modelPath, pgm);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ranking = r.stdout.trimEnd().split('\n').slice(-3);
    expect(ranking[0]).toMatch(new RegExp(`^${label} +\\d+\\.\\d\\d%`));
    // Black on white, as people draw: inverted back automatically.
    const png = join(work, 'digit.png');
    writeFileSync(png, grayPng(28, 28, pixels.map((v) => 255 - v)));
    const io = captureIo();
    expect(await main(['predict', modelPath, png, '--top', '1'], io)).toBe(0);
    expect(io.stdout.text).toContain('inverted (light background)');
    expect(io.stdout.lines().at(-1)).toBe(ranking[0]);
  });

  it('bad flags and missing files exit with code 2 and one line on stderr', async () => {
    const bad = await cli('--epochs', '0');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('error: --epochs expects a whole number from 1 to 10000, got "0"\n');
    const missing = await cli('evaluate', join(work, 'nope.safetensors'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`error: model ${join(work, 'nope.safetensors')}: no such file or directory\n`);
    const noDir = await cli('--data', `dir:${join(work, 'no-such-dir')}`, '--out', join(work, 'x'));
    expect(noDir.code).toBe(2);
    expect(noDir.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(noDir.stderr).toContain(`error: MNIST directory ${join(work, 'no-such-dir')}:`);
  });
});
