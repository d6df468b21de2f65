/**
 * The benchmark page: creates every engine, runs every workload on each (warm-up, then timed runs
 * taken round-robin across engines), checks each engine's results against @nn's CPU backend,
 * shows the table, and exposes the result as `window.__nnBench` for bench/run.ts. Settings come
 * from the URL query (`?budget=MS&filter=matmul,mlp`).
 */
import { describeRun, fmtMs, renderTable, SOFTWARE_NOTE } from '../lib/table.js';
import {
  CHECK_ENGINE,
  ENGINES,
  settingsFromQuery,
  type Cell,
  type EngineId,
  type EngineStatus,
  type PageOutcome,
  type PageResult,
  type Row,
  type TimingOptions,
} from '../lib/types.js';
import { errorText, graphicsInfo, loadEngines, tf, type Engine } from './engines.js';
import { AsyncSampler } from './sampler.js';
import { WORKLOADS, type Runner, type Workload } from './workloads.js';

declare global {
  interface Window {
    __nnBench?: PageOutcome;
  }
}

const logElement = document.getElementById('log')!;

/** A progress line, in the page and on the console (run.ts forwards lines starting with `[bench]`). */
function log(line: string): void {
  console.log(`[bench] ${line}`);
  logElement.textContent += `${line}\n`;
}

interface Slot {
  readonly id: EngineId;
  readonly engine: Engine | null;
  runner: Runner | null;
  sampler: AsyncSampler | null;
  failure: Cell | null;
}

/** Runs `fn` with the slot's engine active; a throw marks the slot failed and releases its runner. */
async function guarded(slot: Slot, fn: (s: Slot) => Promise<void>): Promise<void> {
  if (slot.failure !== null) return;
  try {
    await slot.engine!.activate();
    await fn(slot);
  } catch (e) {
    slot.failure = { status: 'error', reason: errorText(e) };
    const stack = e instanceof Error ? (e.stack ?? '').split('\n').slice(1, 9) : [];
    log(`  ${slot.id} failed: ${errorText(e)}${stack.map((l) => `\n      ${l.trim()}`).join('')}`);
    try {
      slot.runner?.dispose();
    } catch {
      // best effort after a failure
    }
    slot.runner = null;
  }
}

async function runWorkload(
  w: Workload,
  engines: Partial<Record<EngineId, Engine>>,
  status: Record<EngineId, EngineStatus>,
  timing: TimingOptions,
): Promise<Row> {
  const slots: Slot[] = ENGINES.map(({ id }) => {
    const s = status[id];
    const failure: Cell | null = s.ok ? null : { status: 'unavailable', reason: s.reason };
    return { id, engine: engines[id] ?? null, runner: null, sampler: null, failure };
  });
  for (const slot of slots) {
    await guarded(slot, async (s) => {
      s.runner = await w.setup(s.engine!);
      s.sampler = new AsyncSampler(s.runner.run, timing);
      await s.sampler.warmUp();
    });
  }
  for (let round = 0; round < timing.rounds * 50; round++) {
    const pending = slots.filter((s) => s.failure === null && !s.sampler!.done);
    if (pending.length === 0) break;
    for (const slot of pending) await guarded(slot, (s) => s.sampler!.sampleChunk());
  }
  const cells = {} as Record<EngineId, Cell>;
  for (const slot of slots) {
    await guarded(slot, async (s) => s.runner!.dispose());
    cells[slot.id] = slot.failure ?? { status: 'ok', ...slot.sampler!.result() };
  }
  const reference = slots.find((s) => s.id === CHECK_ENGINE)!;
  const diffs: Row['diffs'] = {};
  if (reference.failure === null) {
    for (const slot of slots) {
      if (slot.id !== CHECK_ENGINE && slot.failure === null)
        diffs[slot.id] = w.compare(reference.runner!.check, slot.runner!.check);
    }
  }
  const agree = reference.failure === null && Object.values(diffs).every((d) => d <= w.tolerance);
  return { id: w.id, label: w.label, unit: w.unit, cells, diffs, checked: w.checked, tolerance: w.tolerance, agree };
}

function cellSummary(c: Cell): string {
  return c.status === 'ok' ? `${fmtMs(c.medianMs)} ms (${c.reps} timed runs)` : `${c.status}: ${c.reason}`;
}

async function main(): Promise<PageResult> {
  const started = performance.now();
  const settings = settingsFromQuery(location.search);
  const graphics = await graphicsInfo();
  log(`WebGL2: ${graphics.webgl2 ?? 'none'} · WebGPU: ${graphics.webgpu ?? 'none'}`);
  const { engines, status } = await loadEngines();
  for (const e of ENGINES) {
    const s = status[e.id];
    log(`${e.label}: ${s.ok ? s.detail : `UNAVAILABLE — ${s.reason}`}`);
  }
  const selected = WORKLOADS.filter(
    (w) => settings.filters.length === 0 || settings.filters.some((f) => w.id.includes(f)),
  );
  const rows: Row[] = [];
  for (const w of selected) {
    log(`${w.id} …`);
    const row = await runWorkload(w, engines, status, settings.timing);
    rows.push(row);
    for (const e of ENGINES) log(`  ${e.label.padEnd(18)} ${cellSummary(row.cells[e.id])}`);
  }
  return {
    graphics,
    tfjsVersion: tf.version_core,
    settings,
    engines: status,
    rows,
    wallSeconds: (performance.now() - started) / 1000,
  };
}

/** The markdown table as an HTML table (the run's description above it). */
function show(result: PageResult): void {
  const container = document.getElementById('table')!;
  const list = document.createElement('ul');
  const lines = [...(result.graphics.software ? [SOFTWARE_NOTE] : []), ...describeRun(result)];
  for (const line of lines) list.appendChild(document.createElement('li')).textContent = line;
  const table = document.createElement('table');
  const [head, , ...body] = renderTable(result).split('\n\n')[0]!.split('\n');
  const cells = (line: string) => line.slice(2, -2).split(' | ');
  const headRow = table.createTHead().insertRow();
  for (const text of cells(head!)) headRow.appendChild(document.createElement('th')).textContent = text;
  for (const line of body) {
    const row = table.insertRow();
    for (const text of cells(line)) row.insertCell().textContent = text.replaceAll('**', '');
  }
  const notes = document.createElement('pre');
  notes.textContent = renderTable(result).split('\n\n')[1] ?? '';
  container.append(list, table, ...(notes.textContent === '' ? [] : [notes]));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }));
  link.download = 'latest.json';
  link.textContent = 'Download the result as JSON';
  document.getElementById('download')!.appendChild(link);
}

const statusElement = document.getElementById('status')!;
main().then(
  (result) => {
    show(result);
    statusElement.textContent = `Done in ${result.wallSeconds.toFixed(1)} s.`;
    window.__nnBench = { done: true, result };
  },
  (e: unknown) => {
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    statusElement.textContent = `Failed: ${errorText(e)}`;
    log(error);
    window.__nnBench = { done: true, error };
  },
);
