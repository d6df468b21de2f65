/**
 * `pnpm bench`: @nn CPU against TF.js (cpu and wasm backends), all measured in this one process.
 * Prints a markdown table and writes results/latest.json. See lib/args.ts for the options.
 */
import os from 'node:os';
import { machineFields, writeLatestJson } from '../../../scripts/bench-kit/results.js';
import { parseArgs, USAGE } from './lib/args.js';
import { loadNN, loadTF } from './lib/engines.js';
import { runWorkload } from './lib/execute.js';
import type { Row } from './lib/report.js';
import { fmt, renderTable } from './lib/table.js';
import { ENGINE_IDS } from './lib/types.js';
import { workloads } from './workloads/index.js';

function progress(row: Row): string {
  const parts = ENGINE_IDS.map((id) => {
    const c = row.cells[id];
    return `${id} ${c.status === 'ok' ? `${fmt(c.throughput)} ${row.unit} (${c.reps} reps)` : c.status}`;
  });
  return `  ${row.id.padEnd(10)} ${parts.join(' | ')}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const selected = workloads.filter(
    (w) => args.filters.length === 0 || args.filters.some((f) => w.id.includes(f) || w.group.includes(f)),
  );
  if (selected.length === 0) {
    throw new Error(`no workload matches ${args.filters.join(' ')}; ids: ${workloads.map((w) => w.id).join(', ')}`);
  }
  const started = Date.now();
  const [nn, tfe] = [await loadNN(), await loadTF()];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const env = [
    `node ${process.version} · ${os.platform()}-${os.arch()} · ${cpu} · ${os.cpus().length} cores`,
    `@nn/tensor: ${nn.availability.ok ? 'cpu backend (sources via @nn/source)' : `UNAVAILABLE — ${nn.availability.reason}`}`,
    `TF.js ${tfe.version ?? '?'}: cpu ${tfe.cpu.ok ? 'ok' : `UNAVAILABLE — ${tfe.cpu.reason}`}; wasm ${
      tfe.wasm.ok
        ? `ok, SIMD ${tfe.wasmSimd ? 'yes' : 'no'}, ${tfe.wasmThreads ?? '?'} thread(s)`
        : `UNAVAILABLE — ${tfe.wasm.reason}`
    }`,
    `mode: ${args.quick ? 'quick' : 'full'} (per engine and workload: warm-up ${args.timing.warmupMs} ms, then ${args.timing.budgetMs} ms / ≥ ${args.timing.minReps} timed reps in ${args.timing.rounds} round-robin chunks; median)` +
      (args.filters.length > 0 ? ` · filter: ${args.filters.join(' ')}` : ''),
  ];
  console.error(env.join('\n'));
  const rows: Row[] = [];
  for (const w of selected) {
    const row = await runWorkload(w, nn, tfe, args.timing);
    rows.push(row);
    console.error(progress(row));
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\n## @nn/tensor benchmark\n\n${env.map((l) => `- ${l}`).join('\n')}\n- wall time: ${seconds.toFixed(1)} s\n`,
  );
  console.log(renderTable(rows));
  if (args.writeJson) {
    const json = {
      ...machineFields(),
      mode: args.quick ? 'quick' : 'full',
      filters: args.filters,
      timing: args.timing,
      wallSeconds: seconds,
      engines: {
        'nn-cpu': nn.availability,
        'tfjs-cpu': { ...tfe.cpu, version: tfe.version },
        'tfjs-wasm': { ...tfe.wasm, version: tfe.version, simd: tfe.wasmSimd, threads: tfe.wasmThreads },
      },
      rows,
    };
    writeLatestJson(new URL('./results/', import.meta.url), json);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
