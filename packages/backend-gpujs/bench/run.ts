/**
 * `pnpm bench` in packages/backend-gpujs: builds the benchmark page (bench/page, with Vite, from
 * the @nn sources; no network), serves it on 127.0.0.1, drives Chromium (Debian's, through
 * playwright-core, with the flags of test/chromium.ts: SwiftShader for WebGL2 and WebGPU) until
 * the page is done, then prints the table and writes bench/results/latest.json. With `--serve` it
 * only serves the page, for a browser on a machine with a GPU. See lib/args.ts for the options.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { machineFields, writeLatestJson } from '../../../scripts/bench-kit/results.js';
import { CHROMIUM_ARGS } from '../test/chromium.js';
import { parseArgs, USAGE, UsageError, type Args } from './lib/args.js';
import { describeRun, renderTable, SOFTWARE_NOTE } from './lib/table.js';
import { DEFAULT_TIMING, settingsToQuery, WORKLOAD_IDS, type PageOutcome } from './lib/types.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
/** The built page (ignored by git, as every dist/). */
const OUT_DIR = here('./dist/');
/** The whole page run must end within this (it takes about a minute on 2 cores with SwiftShader). */
const PAGE_TIMEOUT_MS = 300_000;
/** The flags that make Chromium render WebGL2 and WebGPU with SwiftShader. */
const SWIFTSHADER_FLAGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--use-webgpu-adapter=swiftshader',
];

/** Bundles bench/page into bench/dist: @nn from its TypeScript sources, gpu.js's browser build, TF.js; not minified (gpu.js compiles kernel source text). */
async function buildPage(): Promise<void> {
  await build({
    configFile: false,
    root: here('./page/'),
    base: './',
    logLevel: 'warn',
    resolve: {
      conditions: ['@nn/source', 'module', 'browser', 'development|production'],
      alias: { '@nn/backend-gpujs': here('../src/index.ts') },
    },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
    },
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Cross-origin isolation, for `performance.now()` at µs resolution instead of 100 µs (everything is same-origin). */
const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * Serves `dir` on 127.0.0.1:`port` (a loopback origin is a secure context, as WebGPU needs), cross-origin
 * isolated.
 */
async function serve(dir: string, port: number): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(dir, path.normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...ISOLATION_HEADERS }).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Chromium's flags: test/chromium.ts's, less `--headless` when headed and SwiftShader's when asked. */
function chromiumFlags(args: Args): string[] {
  return CHROMIUM_ARGS.filter(
    (flag) => !(args.headed && flag === '--headless') && !(!args.swiftshader && SWIFTSHADER_FLAGS.includes(flag)),
  );
}

/** Opens `url` in Chromium, forwards the page's progress to stderr, and returns its outcome. */
async function drive(args: Args, url: string): Promise<{ outcome: PageOutcome; version: string; flags: string[] }> {
  const flags = chromiumFlags(args);
  const browser = await chromium.launch({ executablePath: args.chromium, headless: !args.headed, args: flags });
  try {
    const page = await browser.newPage();
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith('[bench] ')) console.error(`  ${text.slice('[bench] '.length)}`);
      else if (msg.type() === 'error') console.error(`  [page console] ${text.split('\n')[0]}`);
    });
    page.on('pageerror', (e) => console.error(`  [page error] ${e.message.split('\n')[0]}`));
    await page.goto(url);
    await page.waitForFunction(() => window.__nnBench?.done === true, undefined, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 250,
    });
    const outcome = await page.evaluate(() => window.__nnBench!);
    return { outcome, version: browser.version(), flags };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = args.filters.filter((f) => !WORKLOAD_IDS.some((id) => id.includes(f)));
  if (unknown.length > 0)
    throw new UsageError(`no workload matches ${unknown.join(' ')}; ids: ${WORKLOAD_IDS.join(', ')}`);
  const started = Date.now();
  console.error('building the page (vite) …');
  await buildPage();
  const { server, origin } = await serve(OUT_DIR, args.serve ? args.port : 0);
  const url = `${origin}/index.html${settingsToQuery({ timing: { ...DEFAULT_TIMING, budgetMs: args.budgetMs }, filters: args.filters })}`;
  if (args.serve) {
    console.log(
      `Serving the benchmark page: open\n\n  ${url}\n\nin a browser with WebGL2 and WebGPU (Chrome or Edge) on the machine with the GPU; keep the tab in front.`,
    );
    console.log(
      'The table appears in the page when it is done, with a link to download the result as JSON. Ctrl-C stops the server.',
    );
    process.once('SIGINT', () => server.close(() => process.exit(0)));
    return;
  }
  if (args.swiftshader) console.error(`\n${SOFTWARE_NOTE}\n`);
  console.error(`${args.headed ? 'headed' : 'headless'} Chromium ${args.chromium} → ${url}`);
  let driven: Awaited<ReturnType<typeof drive>>;
  try {
    driven = await drive(args, url);
  } finally {
    server.close();
  }
  const { outcome } = driven;
  if (!('result' in outcome)) throw new Error(`the benchmark page failed:\n${outcome.error}`);
  const result = outcome.result;
  const seconds = (Date.now() - started) / 1000;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const env = [
    `Chromium ${driven.version} (${args.headed ? 'headed' : 'headless'}) on ${os.platform()}-${os.arch()} · ${cpu} · ${os.cpus().length} cores`,
    ...describeRun(result),
    `wall time: ${seconds.toFixed(1)} s (page ${result.wallSeconds.toFixed(1)} s; the rest is the Vite build and Chromium start)`,
  ];
  console.log(`\n## @nn gpu.js backend, browser benchmark (ms per op or step, lower is better)\n`);
  if (result.graphics.software) console.log(`> ${SOFTWARE_NOTE}\n`);
  console.log(`${env.map((l) => `- ${l}`).join('\n')}\n`);
  console.log(renderTable(result));
  if (args.writeJson) {
    writeLatestJson(new URL('./results/', import.meta.url), {
      ...machineFields(),
      chromium: { path: args.chromium, version: driven.version, headless: !args.headed, flags: driven.flags },
      ...result,
      pageSeconds: result.wallSeconds,
      wallSeconds: seconds,
    });
  }
  const failed = result.rows.some((r) => !r.agree || Object.values(r.cells).some((c) => c.status === 'error'));
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    console.error(e.message);
    process.exitCode = 2;
    return;
  }
  console.error(e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 8).join('\n') : e);
  process.exitCode = 1;
});
