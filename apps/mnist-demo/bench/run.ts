/**
 * `pnpm --filter @nn/mnist-demo bench`: training throughput (samples/s) of the MNIST trainer's MLP
 * (784-128-64-10, batch 64 and 256) and CNN (conv8-pool-conv16-pool-fc10, batch 64) — softmax
 * cross-entropy, Adam lr 1e-3 — on @nn's CPU backend beside TF.js's cpu and wasm backends
 * (tfjs-layers `sequential` trained with `optimizer.minimize`), in this one process, single-threaded,
 * from the same initial weights on the same batches of the bundled digits. Checks that the first
 * three losses agree, prints a markdown table and writes bench/results/latest.json.
 * See lib/args.ts for the options (`--quick`, `--help`).
 */
import os from 'node:os';
import { machineFields, writeLatestJson } from '../../../scripts/bench-kit/results.js';
import { parseArgs, USAGE, UsageError } from './lib/args.js';
import { loadBatches } from './lib/data.js';
import { loadEngines } from './lib/engines.js';
import { CHECKED_STEPS, runWorkload, type Row } from './lib/execute.js';
import { cellText, renderTable } from './lib/table.js';
import { registerWasmConv2DBackpropFilter } from './lib/wasm-conv-filter-grad.js';
import { ENGINES, WORKLOADS } from './lib/workloads.js';
import { PARITY_TOLERANCE } from './parity.js';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const selected = WORKLOADS.filter((w) => args.filters.length === 0 || args.filters.some((f) => w.id.includes(f)));
  if (selected.length === 0) {
    throw new UsageError(
      `no workload matches ${args.filters.join(' ')}; ids: ${WORKLOADS.map((w) => w.id).join(', ')}`,
    );
  }
  const started = Date.now();
  const engines = await loadEngines();
  let wasmShim = false;
  if (engines.tf !== null && engines.wasm.ok) wasmShim = registerWasmConv2DBackpropFilter(engines.tf);
  const { source } = await loadBatches(1, 1);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const { timing } = args;
  const env = [
    `node ${process.version} · ${os.platform()}-${os.arch()} · ${cpu} · ${os.cpus().length} cores (every engine single-threaded)`,
    `data: ${source}; the same seeded batches for every engine, built before timing (loading is not measured)`,
    `one step = forward + softmax cross-entropy + backward + Adam (lr 1e-3, ε 1e-8) + loss read back`,
    `@nn: CPU backend, the CLI's models (src/models.ts) and step (tidy { zeroGrad; crossEntropy; backward }; optimizer.step()), sources via @nn/source`,
    `TF.js ${engines.version ?? '?'}: tfjs-layers sequential (channels-last), optimizer.minimize(() => tf.losses.softmaxCrossEntropy(…)); cpu ${
      engines.cpu.ok ? 'ok' : `UNAVAILABLE — ${engines.cpu.reason}`
    }; wasm ${
      engines.wasm.ok
        ? `ok, SIMD ${engines.wasmSimd ? 'yes' : 'no'}, ${engines.wasmThreads ?? '?'} thread(s)`
        : `UNAVAILABLE — ${engines.wasm.reason}`
    }${engines.layers === null ? `; tfjs-layers UNAVAILABLE — ${engines.layersReason}` : ''}`,
    ...(wasmShim
      ? [
          `TF.js wasm has no Conv2DBackpropFilter kernel: the CNN runs on it with a shim that calls wasm's Conv3DBackpropFilterV2 on a depth-1 view (lib/wasm-conv-filter-grad.ts)`,
        ]
      : []),
    `mode: ${args.quick ? 'quick' : 'full'}: per engine and workload ${CHECKED_STEPS} checked steps, one warm-up pass${
      timing.warmupMs > 0 ? ` (at least ${timing.warmupMs} ms)` : ''
    }, then timed passes over the slice for ${timing.budgetMs} ms / ≥ ${timing.minReps} passes (1 when a pass exceeds the budget) in ${timing.rounds} round-robin chunks; samples/s = slice·batch / median pass` +
      (args.filters.length > 0 ? ` · filter: ${args.filters.join(' ')}` : ''),
    `losses agree when |TF.js − @nn| / max(1, |@nn|) ≤ ${PARITY_TOLERANCE} at each of the first ${CHECKED_STEPS} steps`,
  ];
  console.error(env.join('\n'));
  const rows: Row[] = [];
  for (const w of selected) {
    const row = await runWorkload(w, engines, timing, args.quick);
    rows.push(row);
    console.error(`  ${w.id.padEnd(8)} ${ENGINES.map((e) => `${e.id} ${cellText(row.cells[e.id])}`).join(' | ')}`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\n## MNIST trainer benchmark (samples/s, higher is better)\n\n${env.map((l) => `- ${l}`).join('\n')}\n- wall time: ${seconds.toFixed(1)} s\n`,
  );
  console.log(renderTable(rows));
  if (args.writeJson) {
    writeLatestJson(new URL('./results/', import.meta.url), {
      ...machineFields(),
      mode: args.quick ? 'quick' : 'full',
      filters: args.filters,
      data: source,
      timing,
      tfjs: {
        version: engines.version,
        cpu: engines.cpu,
        wasm: engines.wasm,
        wasmSimd: engines.wasmSimd,
        wasmThreads: engines.wasmThreads,
        wasmConv2DBackpropFilterShim: wasmShim,
      },
      wallSeconds: seconds,
      rows,
    });
  }
  if (rows.some((r) => !r.lossesAgree)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    console.error(e.message);
    process.exitCode = 2;
    return;
  }
  console.error(e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : e);
  process.exitCode = 1;
});
