/**
 * What the benchmark page and its Node driver (run.ts) share: the engines, the page's settings and
 * the result it hands back. Nothing here touches Node or the DOM.
 */
import type { Timing, TimingOptions } from '../../../../scripts/bench-kit/timing.js';

export type { Timing, TimingOptions };

/** The engines, in table order. TF.js webgl is the reference every ratio is taken against. */
export const ENGINES = [
  { id: 'nn-cpu', label: '@nn cpu' },
  { id: 'nn-webgl2', label: '@nn gpujs webgl2' },
  { id: 'nn-webgpu', label: '@nn gpujs webgpu' },
  { id: 'tfjs-webgl', label: 'TF.js webgl' },
  { id: 'tfjs-cpu', label: 'TF.js cpu' },
] as const;

export type EngineId = (typeof ENGINES)[number]['id'];

/** The engine every ratio is relative to. */
export const REFERENCE_ENGINE: EngineId = 'tfjs-webgl';

/** The engine every other engine's results are checked against (float32 on the host, exact summation order aside). */
export const CHECK_ENGINE: EngineId = 'nn-cpu';

/** The workloads' ids, in table order (the page's `WORKLOADS` has exactly these). */
export const WORKLOAD_IDS = ['matmul-128', 'matmul-256', 'matmul-512', 'mlp-step'] as const;

/** Settings of one page run, passed in the page URL's query (see `settingsToQuery`). */
export interface PageSettings {
  timing: TimingOptions;
  /** Run only the workloads whose id contains one of these (all when empty). */
  filters: string[];
}

/** Whether an engine could be created in this browser, and what it really runs on. */
export type EngineStatus = { ok: true; detail: string } | { ok: false; reason: string };

/** One engine's result on one workload. */
export type Cell = ({ status: 'ok' } & Timing) | { status: 'unavailable' | 'error'; reason: string };

/** One workload, every engine. */
export interface Row {
  id: string;
  /** For the table, e.g. `matmul 256×256 · 256`. */
  label: string;
  /** What one timed repetition is: `op` (one matmul and its read-back) or `step` (one training step). */
  unit: 'op' | 'step';
  cells: Record<EngineId, Cell>;
  /** Each engine's largest relative difference from {@link CHECK_ENGINE}'s values (see `check` in the page). */
  diffs: Partial<Record<EngineId, number>>;
  /** What `diffs` compare, e.g. "losses of steps 1–3". */
  checked: string;
  tolerance: number;
  agree: boolean;
}

/** What the browser reports about its graphics: the WebGL2 renderer and the WebGPU adapter. */
export interface GraphicsInfo {
  userAgent: string;
  webgl2: string | null;
  webgpu: string | null;
  /** Whether WebGL2 or WebGPU runs on SwiftShader (software: CPU, not GPU). */
  software: boolean;
  /** Whether the page is cross-origin isolated, which gives `performance.now()` microsecond resolution (else 100 µs). */
  crossOriginIsolated: boolean;
}

/** Everything the page hands back (and run.ts writes to results/latest.json). */
export interface PageResult {
  graphics: GraphicsInfo;
  tfjsVersion: string;
  settings: PageSettings;
  engines: Record<EngineId, EngineStatus>;
  rows: Row[];
  wallSeconds: number;
}

/** What the page exposes as `window.__nnBench` once it is done. */
export type PageOutcome = { done: true; result: PageResult } | { done: true; error: string };

/** The default timing: per engine and workload ≥ 2 warm-up runs and 300 ms, then 1.5 s / ≥ 5 timed runs. */
export const DEFAULT_TIMING: TimingOptions = {
  warmupMs: 300,
  minWarmup: 2,
  budgetMs: 1500,
  minReps: 5,
  maxReps: 200,
  rounds: 3,
};

/** The settings as a URL query (`?budget=…&filter=…`), read back by `settingsFromQuery`. */
export function settingsToQuery(settings: PageSettings): string {
  const q = new URLSearchParams({ budget: String(settings.timing.budgetMs) });
  if (settings.filters.length > 0) q.set('filter', settings.filters.join(','));
  return `?${q.toString()}`;
}

/** The settings of a page URL's query; defaults for what it leaves out. */
export function settingsFromQuery(search: string): PageSettings {
  const q = new URLSearchParams(search);
  const budget = Number(q.get('budget'));
  const timing = { ...DEFAULT_TIMING, ...(Number.isFinite(budget) && budget > 0 ? { budgetMs: budget } : {}) };
  const filters = (q.get('filter') ?? '').split(',').filter((f) => f !== '');
  return { timing, filters };
}
