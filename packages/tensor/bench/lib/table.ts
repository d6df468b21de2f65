/** Markdown rendering of the results. */
import { AGREEMENT_TOLERANCE, type Cell, type Row } from './report.js';
import { ENGINE_IDS } from './types.js';

/** Three significant digits, without exponent notation for the usual ranges. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a >= 0.01) return x.toFixed(3);
  return x.toPrecision(2);
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function shorten(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function cellText(cell: Cell, unit: string): string {
  switch (cell.status) {
    case 'ok':
      return `${fmt(cell.throughput)} ${unit} (${fmt(cell.medianMs)} ms)`;
    case 'missing':
      return `**missing**: ${escape(shorten(cell.reason))}`;
    case 'unavailable':
      return '**unavailable**';
    case 'error':
      return `**error**: ${escape(shorten(cell.reason))}`;
    case 'skipped':
      return 'skipped';
  }
}

function ratioText(r: number | null): string {
  return r === null ? '—' : `${fmt(r)}×`;
}

function checkText(row: Row): string {
  const parts: string[] = [];
  for (const id of ENGINE_IDS) {
    const a = row.agreement[id];
    if (a === null) continue;
    const name = id === 'nn-cpu' ? '@nn' : id;
    parts.push(
      a.ok
        ? `${name} ok (${a.error === 0 ? '0' : a.error.toExponential(0)})`
        : `**${name} MISMATCH** (${a.error.toExponential(1)})`,
    );
  }
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** The results as a markdown table plus its legend. */
export function renderTable(rows: readonly Row[]): string {
  const header = [
    'workload',
    '@nn cpu',
    'tfjs-cpu',
    'tfjs-wasm',
    '@nn ÷ tfjs-cpu',
    '@nn ÷ tfjs-wasm',
    'check vs tfjs-cpu',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i >= 4 && i <= 5 ? ' ---: ' : ' --- ')).join('|')}|`,
  ];
  for (const row of rows) {
    const cells = [
      escape(row.label),
      ...ENGINE_IDS.map((id) => cellText(row.cells[id], row.unit)),
      ratioText(row.ratio['tfjs-cpu']),
      ratioText(row.ratio['tfjs-wasm']),
      checkText(row),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const notes = [...new Set(rows.flatMap((r) => (r.note === undefined ? [] : [r.note])))];
  lines.push(
    '',
    'Throughput from the median wall time of one run (op + `dataSync()` + dispose; inputs already on the engine), engines sampled',
    'round-robin in chunks within each workload so load changes hit all three alike.',
    'Ratios are @nn throughput ÷ TF.js throughput: > 1 means @nn is faster.',
    `check: max |Δ| / max(1, max |reference|) against tfjs-cpu, ok when ≤ ${AGREEMENT_TOLERANCE}.`,
    ...notes.map((n) => `${n}.`),
  );
  const reasons = new Map<string, string>();
  for (const row of rows) {
    for (const id of ENGINE_IDS) {
      const c = row.cells[id];
      if (c.status === 'unavailable') reasons.set(id, c.reason);
    }
  }
  for (const [id, reason] of reasons) lines.push(`${id} unavailable: ${escape(reason)}`);
  return lines.join('\n');
}
