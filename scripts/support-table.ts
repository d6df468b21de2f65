/**
 * Prints the op × backend support table and writes it into docs/support-table.md.
 *
 *   pnpm support-table            print the table and update docs/support-table.md
 *   pnpm support-table --check    exit 1 when docs/support-table.md is out of date (for CI)
 *
 * Rows are every primitive in `OP_NAMES`; columns are the backends below. A new backend adds one
 * entry to `BACKENDS` (its kernel table is read, no kernel is run), with the reason for each
 * primitive it lacks; the reasons are listed under the table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGpuJsBackend, UNSUPPORTED_OPS } from '@nn/backend-gpujs';
import { createCpuBackend } from '@nn/tensor';
import { format, resolveConfig } from 'prettier';
import { OP_NAMES, type Backend, type OpName } from '@nn/tensor/backend';

interface BackendColumn {
  /** Column heading. */
  readonly name: string;
  /** The kernel table; an op is supported when it has a kernel here. */
  readonly kernels: Backend['kernels'];
  /** Why each primitive it lacks is missing. */
  readonly missing: Readonly<Partial<Record<OpName, string>>>;
}

/** The gpu.js backend's kernel table, read from a backend in gpu.js's plain-JavaScript mode. */
async function gpujsKernels(): Promise<Backend['kernels']> {
  const backend = await createGpuJsBackend({ mode: 'cpu' });
  backend.dispose();
  return backend.kernels;
}

const BACKENDS: readonly BackendColumn[] = [
  { name: 'cpu', kernels: createCpuBackend().kernels, missing: {} },
  { name: 'gpujs', kernels: await gpujsKernels(), missing: UNSUPPORTED_OPS },
];

const START = '<!-- support-table:start -->';
const END = '<!-- support-table:end -->';
const TARGET = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'support-table.md');

function supports(column: BackendColumn, op: string): boolean {
  return typeof (column.kernels as Record<string, unknown>)[op] === 'function';
}

/** The table as markdown: one row per primitive, a ✓ or a blank per backend, and totals. */
export function renderTable(backends: readonly BackendColumn[] = BACKENDS): string {
  const header = `| Primitive | ${backends.map((b) => `\`${b.name}\``).join(' | ')} |`;
  const rule = `| --- | ${backends.map(() => ':---:').join(' | ')} |`;
  const rows = OP_NAMES.map(
    (op) => `| \`${op}\` | ${backends.map((b) => (supports(b, op) ? '✓' : '—')).join(' | ')} |`,
  );
  const totals = `| **total** | ${backends
    .map((b) => `${OP_NAMES.filter((op) => supports(b, op)).length} / ${OP_NAMES.length}`)
    .join(' | ')} |`;
  const reasons = backends.flatMap((b) =>
    OP_NAMES.filter((op) => !supports(b, op)).map(
      (op) => `- \`${b.name}\` lacks \`${op}\`: ${b.missing[op] ?? '**no reason given**'}`,
    ),
  );
  return [header, rule, ...rows, totals, ...(reasons.length > 0 ? ['', ...reasons] : [])].join('\n');
}

/** Primitives a backend lacks without saying why, or claims to lack while it has a kernel. */
function unexplained(backends: readonly BackendColumn[]): string[] {
  return backends.flatMap((b) =>
    OP_NAMES.filter((op) => supports(b, op) === (b.missing[op] !== undefined)).map((op) => `${b.name}: ${op}`),
  );
}

function spliceInto(document: string, table: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${TARGET}: expected the markers ${START} and ${END}, in that order`);
  }
  return `${document.slice(0, start + START.length)}\n${table}\n${document.slice(end)}`;
}

/** The document with the new table, formatted as `pnpm format` would leave it. */
async function render(current: string, table: string): Promise<string> {
  const options = (await resolveConfig(TARGET)) ?? {};
  return format(spliceInto(current, table), { ...options, filepath: TARGET });
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const wrong = unexplained(BACKENDS);
  if (wrong.length > 0) {
    console.error(`Every missing kernel needs a reason, and only missing kernels may have one: ${wrong.join(', ')}`);
    return 1;
  }
  const table = renderTable();
  const current = readFileSync(TARGET, 'utf8');
  const next = await render(current, table);
  if (check) {
    if (next !== current) {
      console.error('docs/support-table.md is out of date: run `pnpm support-table` and commit the result.');
      return 1;
    }
    console.log('docs/support-table.md is up to date.');
    return 0;
  }
  console.log(table);
  if (next !== current) {
    writeFileSync(TARGET, next);
    console.log('\nUpdated docs/support-table.md');
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
