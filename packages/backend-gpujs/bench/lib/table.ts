/** The markdown table of the browser benchmark, printed by run.ts and shown by the page itself. */
import { ENGINES, REFERENCE_ENGINE, type Cell, type PageResult, type Row } from './types.js';

/** Milliseconds for a table: 3 significant digits, thousands separated from 1000 up. */
export function fmtMs(ms: number): string {
  return ms >= 1000 ? Math.round(ms).toLocaleString('en-US') : ms.toPrecision(3);
}

function cellText(c: Cell, reference: Cell): string {
  if (c.status !== 'ok') return c.status;
  const ratio = reference.status === 'ok' ? ` (${(c.medianMs / reference.medianMs).toFixed(2)}×)` : '';
  return `${fmtMs(c.medianMs)}${ratio}`;
}

function checkText(r: Row): string {
  const diffs = Object.values(r.diffs);
  if (diffs.length === 0) return '—';
  const verdict = r.agree ? 'agree' : '**DISAGREE**';
  return `${verdict} (${r.checked}: max rel. diff ${Math.max(...diffs).toExponential(0)})`;
}

/** One row per workload: each engine's median ms per op or step and its ratio to TF.js webgl. */
export function renderTable(result: PageResult): string {
  const head = ['workload', ...ENGINES.map((e) => e.label), 'check vs @nn cpu'];
  const lines = [`| ${head.join(' | ')} |`, `| --- | ${ENGINES.map(() => '---:').join(' | ')} | --- |`];
  for (const r of result.rows) {
    const reference = r.cells[REFERENCE_ENGINE];
    const cells = ENGINES.map((e) => cellText(r.cells[e.id], reference));
    lines.push(`| ${[`${r.label} (ms/${r.unit})`, ...cells, checkText(r)].join(' | ')} |`);
  }
  const notes: string[] = [];
  for (const e of ENGINES) {
    const status = result.engines[e.id];
    if (!status.ok) notes.push(`- ${e.label}: unavailable — ${status.reason}`);
  }
  for (const r of result.rows) {
    for (const e of ENGINES) {
      const c = r.cells[e.id];
      if (c.status === 'error') notes.push(`- ${r.id}, ${e.label}: error — ${c.reason}`);
    }
    for (const [id, d] of Object.entries(r.diffs)) {
      if (d > r.tolerance)
        notes.push(`- ${r.id}, ${id}: ${r.checked} differ from @nn cpu by ${d.toExponential(1)} (> ${r.tolerance})`);
    }
  }
  return lines.join('\n') + (notes.length > 0 ? `\n\n${notes.join('\n')}` : '');
}

/** The lines describing the run: browser, graphics, timing. */
export function describeRun(result: PageResult): string[] {
  const t = result.settings.timing;
  const g = result.graphics;
  return [
    `browser: ${g.userAgent}`,
    `WebGL2: ${g.webgl2 ?? 'none'} · WebGPU: ${g.webgpu ?? 'none'}`,
    ...ENGINES.map((e) => {
      const s = result.engines[e.id];
      return `${e.label}: ${s.ok ? s.detail : `UNAVAILABLE — ${s.reason}`}`;
    }),
    `per engine and workload: warm-up ≥ ${t.minWarmup ?? 1} runs and ≥ ${t.warmupMs} ms, then ${t.budgetMs} ms / ≥ ${t.minReps} timed runs (fewer when one run is that slow) in ${t.rounds} round-robin chunks across engines; median` +
      (result.settings.filters.length > 0 ? ` · filter: ${result.settings.filters.join(' ')}` : ''),
    `each cell: median ms per op (matmul + read-back of the product) or per training step (forward + cross-entropy on one-hot targets + backward + Adam + loss read-back), and in brackets that time ÷ ${ENGINES.find((e) => e.id === REFERENCE_ENGINE)!.label}'s in this run (below 1 = faster)`,
    `timer: ${g.crossOriginIsolated ? 'performance.now() at µs resolution (the page is cross-origin isolated)' : 'performance.now() coarsened to 0.1 ms (the page is not cross-origin isolated): sub-millisecond times are rough'}`,
    `reads: synchronous where the backend has them, awaited (\`await t.data()\`) on WebGPU, so every time includes the device work`,
  ];
}

/** The note on software rendering, when the browser's WebGL2 or WebGPU is SwiftShader. */
export const SOFTWARE_NOTE =
  "NOTE: WebGL2 and WebGPU ran on SwiftShader, a software (CPU) implementation: the gpujs and TF.js webgl numbers show each engine's overhead, not GPU speed. Run `pnpm bench --serve` and open the URL in a browser on a machine with a GPU for real numbers (see bench/README.md).";
