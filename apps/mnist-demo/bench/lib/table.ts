/** The markdown table of the trainer benchmark. */
import type { Cell, Row } from './execute.js';
import { ENGINES } from './workloads.js';

/** A throughput for a table: thousands separated above 100, 3 significant digits below. */
export function fmt(x: number): string {
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x.toPrecision(3);
}

export function cellText(c: Cell): string {
  return c.status === 'ok' ? fmt(c.samplesPerSecond) : c.status;
}

function ratioText(a: Cell, b: Cell): string {
  return a.status === 'ok' && b.status === 'ok' ? `${(a.samplesPerSecond / b.samplesPerSecond).toFixed(2)}×` : '—';
}

function lossText(r: Row): string {
  const nn = r.cells.nn;
  if (nn.status !== 'ok') return '—';
  const diffs = ENGINES.filter((e) => r.lossDiff[e.id] !== undefined).map(
    (e) => `${e.id.replace('tfjs-', '')} ${Math.max(...r.lossDiff[e.id]!).toExponential(0)}`,
  );
  return `${nn.losses.map((l) => l.toFixed(4)).join(', ')} · ${r.lossesAgree ? 'agree' : '**DISAGREE**'} (max rel. diff ${diffs.join(', ') || '—'})`;
}

function timedText(r: Row): string {
  return ENGINES.map((e) => {
    const c = r.cells[e.id];
    return c.status === 'ok' ? `${c.reps}` : '–';
  }).join('/');
}

/** The table (one row per workload) and notes for engines that did not run. */
export function renderTable(rows: readonly Row[]): string {
  const head = [
    'model',
    'batch',
    '@nn samples/s',
    'TF.js cpu',
    'TF.js wasm',
    '@nn ÷ cpu',
    '@nn ÷ wasm',
    'timed passes (@nn/cpu/wasm) × batches',
    'losses of steps 1–3 (@nn) · vs TF.js',
  ];
  const lines = [`| ${head.join(' | ')} |`, `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`];
  for (const r of rows) {
    lines.push(
      `| ${[
        r.model,
        r.batch,
        cellText(r.cells.nn),
        cellText(r.cells['tfjs-cpu']),
        cellText(r.cells['tfjs-wasm']),
        ratioText(r.cells.nn, r.cells['tfjs-cpu']),
        ratioText(r.cells.nn, r.cells['tfjs-wasm']),
        `${timedText(r)} × ${r.slice}`,
        lossText(r),
      ].join(' | ')} |`,
    );
  }
  const notes: string[] = [];
  for (const r of rows) {
    for (const e of ENGINES) {
      const c = r.cells[e.id];
      if (c.status !== 'ok') notes.push(`- ${r.id}, ${e.label}: ${c.status} — ${c.reason}`);
    }
  }
  return lines.join('\n') + (notes.length > 0 ? `\n\n${notes.join('\n')}` : '');
}
