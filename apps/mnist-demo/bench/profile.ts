/**
 * Where a training step's time goes, per kernel, for @nn (CPU backend) and TF.js wasm, on the
 * benchmark's model and batches. @nn's kernels are timed by wrapping the active backend's kernel
 * table (this process only); what is left of the step is the framework around them (autograd
 * tape, tidy, op validation, tensor wrapping, the optimizer's JavaScript). TF.js's are read from
 * `tf.profile`. Kernel times include the kernel's own allocations.
 *
 *   tsx --conditions=@nn/source bench/profile.ts [mlp|cnn] [batch = 64] [steps = 20] [--by-shape]
 *
 * `--by-shape` splits @nn's kernels by output shape. The step time is the profiled steps' wall
 * time (timers included); samples/s are from an unprofiled run just before.
 *
 * For a V8 CPU profile of the same run (functions inside the kernels), add
 * NODE_OPTIONS=--cpu-prof (writes a .cpuprofile in the working directory).
 */
import { performance } from 'node:perf_hooks';
import { getBackend } from '@nn/tensor';
import { loadBatches } from './lib/data.js';
import { loadEngines, useBackend } from './lib/engines.js';
import { MODELS, type ModelKind } from './lib/models.js';
import { fmt } from './lib/table.js';
import { nnTrainer, tfMinimizeTrainer, type Trainer } from './lib/trainers.js';
import { registerWasmConv2DBackpropFilter } from './lib/wasm-conv-filter-grad.js';

const WARMUP_STEPS = 5;

interface KernelTotals {
  calls: number;
  ms: number;
}

interface Profile {
  /** Wall time of the profiled steps, per step. */
  stepMs: number;
  totals: Map<string, KernelTotals>;
}

function report(title: string, plainMs: number, steps: number, batch: number, { stepMs, totals }: Profile): string {
  const kernelMs = [...totals.values()].reduce((s, t) => s + t.ms, 0) / steps;
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  const lines = [
    `### ${title}: ${plainMs.toFixed(2)} ms per step unprofiled (${fmt((batch * 1000) / plainMs)} samples/s); profiled ${stepMs.toFixed(2)} ms, of which kernels ${kernelMs.toFixed(2)} ms`,
    '',
    '| kernel | calls/step | ms/step | % of step |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const [name, t] of rows) {
    const ms = t.ms / steps;
    if (ms < 0.005) continue;
    lines.push(
      `| ${name} | ${(t.calls / steps).toFixed(0)} | ${ms.toFixed(3)} | ${((100 * ms) / stepMs).toFixed(1)} |`,
    );
  }
  lines.push(
    `| (outside kernels) | | ${(stepMs - kernelMs).toFixed(3)} | ${((100 * (stepMs - kernelMs)) / stepMs).toFixed(1)} |`,
  );
  return lines.join('\n');
}

/** Mean ms per step of `steps` steps. */
function timeSteps(trainer: Trainer, steps: number): number {
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) trainer.step();
  return (performance.now() - t0) / steps;
}

function profileNN(trainer: Trainer, steps: number, byShape: boolean): Profile {
  const backend = getBackend() as unknown as { kernels: Record<string, (args: unknown) => unknown> };
  const original = backend.kernels;
  const totals = new Map<string, KernelTotals>();
  const wrapped: Record<string, (args: unknown) => unknown> = {};
  for (const [name, fn] of Object.entries(original)) {
    wrapped[name] = (args) => {
      const t0 = performance.now();
      const out = fn(args);
      const ms = performance.now() - t0;
      const key = byShape ? `${name} [${(out as { shape: number[] }).shape.join(', ')}]` : name;
      const t = totals.get(key) ?? { calls: 0, ms: 0 };
      t.calls++;
      t.ms += ms;
      totals.set(key, t);
      return out;
    };
  }
  Object.defineProperty(backend, 'kernels', { value: wrapped, configurable: true, writable: true });
  try {
    return { stepMs: timeSteps(trainer, steps), totals };
  } finally {
    Object.defineProperty(backend, 'kernels', { value: original, configurable: true, writable: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  const byShape = argv.includes('--by-shape');
  const [kindArg = 'mlp', batchArg = '64', stepsArg = '20'] = argv.filter((a) => !a.startsWith('--'));
  if (kindArg !== 'mlp' && kindArg !== 'cnn')
    throw new Error(`usage: profile.ts [mlp|cnn] [batch] [steps]; got ${kindArg}`);
  const kind: ModelKind = kindArg;
  const [batch, steps] = [Number(batchArg), Number(stepsArg)];
  const spec = MODELS[kind];
  const { source, batches } = await loadBatches(batch, 8);
  console.log(
    `## Profile: ${spec.description}, batch ${batch}, ${steps} steps after ${WARMUP_STEPS} warm-up (${source})\n`,
  );

  const nn = nnTrainer(spec, batches, 0);
  for (let k = 0; k < WARMUP_STEPS; k++) nn.step();
  const nnMs = timeSteps(nn, steps);
  console.log(report('@nn cpu', nnMs, steps, batch, profileNN(nn, steps, byShape)));

  const engines = await loadEngines();
  const { tf, layers } = engines;
  if (tf !== null && layers !== null && engines.wasm.ok) {
    registerWasmConv2DBackpropFilter(tf);
    await useBackend(tf, 'wasm');
    const trainer = tfMinimizeTrainer(tf, layers, spec, batches, nn.initialWeights);
    for (let k = 0; k < WARMUP_STEPS; k++) trainer.step();
    const tfMs = timeSteps(trainer, steps);
    const totals = new Map<string, KernelTotals>();
    const t0 = performance.now();
    for (let k = 0; k < steps; k++) {
      const info = await tf.profile(() => void trainer.step());
      // `…__op` entries are composite ops (custom gradients) whose kernels are listed as well.
      for (const kr of info.kernels.filter((x) => !x.name.endsWith('__op'))) {
        const t = totals.get(kr.name) ?? { calls: 0, ms: 0 };
        t.calls++;
        t.ms += kr.kernelTimeMs as number;
        totals.set(kr.name, t);
      }
    }
    const stepMs = (performance.now() - t0) / steps;
    console.log(`\n${report('TF.js wasm', tfMs, steps, batch, { stepMs, totals })}`);
    trainer.dispose();
  } else console.log(`\nTF.js wasm unavailable: ${engines.wasm.ok ? engines.layersReason : engines.wasm.reason}`);
  nn.dispose();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : e);
  process.exitCode = 1;
});
