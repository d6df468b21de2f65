// `--backend`: the trainer on the gpu.js backend (WebAssembly in Node) reaches the CPU backend's
// accuracy, says which engine it ran on, and its saved model re-evaluates exactly on that engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { captureIo } from './support/io.js';

const work = mkdtempSync(join(tmpdir(), 'nn-mnist-backend-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Trains 2 epochs on 2,000 digits with `backend`; returns the output and the final accuracy (%). */
async function train(backend: string): Promise<{ text: string; accuracy: number }> {
  const io = captureIo();
  const code = await main(['--backend', backend, '--epochs', '2', '--limit', '2000', '--out', join(work, backend)], io);
  expect(io.stderr.text).toBe('');
  expect(code).toBe(0);
  const m = /^test accuracy (\d+\.\d+)% /m.exec(io.stdout.text);
  expect(m).not.toBeNull();
  return { text: io.stdout.text, accuracy: Number(m![1]) };
}

describe('--backend gpujs', { timeout: 300_000 }, () => {
  it('trains to within 0.5 point of the CPU backend, on the mode it reports', async () => {
    const gpu = await train('gpujs:webasm');
    const cpu = await train('cpu');
    expect(gpu.text).toContain('seed 0, on gpujs (webasm)');
    expect(cpu.text).toContain('seed 0, on cpu');
    expect(Math.abs(gpu.accuracy - cpu.accuracy)).toBeLessThanOrEqual(0.5);
    expect(gpu.accuracy).toBeGreaterThan(75);
  });

  it('evaluate on the same engine reproduces the saved accuracy exactly; on another it says why it cannot', async () => {
    const model = join(work, 'gpujs:webasm', 'model.safetensors');
    const same = captureIo();
    expect(await main(['evaluate', model, '--backend', 'gpujs:webasm'], same)).toBe(0);
    expect(same.stdout.text).toMatch(/reproduces the saved test accuracy exactly/);
    const other = captureIo();
    expect(await main(['evaluate', model], other)).toBe(0);
    expect(other.stdout.text).toContain('(trained on gpujs (webasm); the exact-reproduction check needs the same engine)');
  });

  it('refuses a gpu.js mode this machine does not have, with the reason', async () => {
    const io = captureIo();
    expect(await main(['--backend', 'gpujs:headlessgl', '--epochs', '1', '--limit', '100', '--out', join(work, 'x')], io)).toBe(1);
    expect(io.stderr.text).toMatch(/createGpuJsBackend\(options\.mode\): expected a mode available here \(asked for 'headlessgl'\)/);
  });
});
