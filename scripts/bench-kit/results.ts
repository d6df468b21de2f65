/** Writing a benchmark harness's machine-readable results (bench/results/latest.json). */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Writes `json` to `<dir>latest.json` (creating `dir`), with non-finite numbers as strings
 * ("Infinity", "NaN") since JSON has none, and reports the path on stderr.
 *
 * @param dir - the results folder as a URL ending in `/`, e.g. `new URL('./results/', import.meta.url)`.
 */
export function writeLatestJson(dir: URL, json: unknown): void {
  const folder = fileURLToPath(dir);
  mkdirSync(folder, { recursive: true });
  const file = `${folder}latest.json`;
  writeFileSync(
    file,
    `${JSON.stringify(json, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`,
  );
  console.error(`\nwrote ${file}`);
}

/** The machine a run measured, as every harness's results start: date, Node, platform, CPU model, cores. */
export function machineFields(): { date: string; node: string; platform: string; cpu: string; cores: number } {
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()}-${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
  };
}
