import { count, duration, percent } from './format.js';
import { makeStyle, type OutStream, type Style } from './style.js';

/** Running totals of an epoch, as the trainer reports them after each batch. */
export interface BatchProgress {
  /** Batches done (1-based: after the first batch, 1). */
  batch: number;
  /** Training examples seen so far this epoch. */
  samples: number;
  /** Mean training loss over the epoch so far. */
  loss: number;
  /** Training accuracy over the epoch so far, in [0, 1]. */
  accuracy: number;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** Pretty (redrawn bar) or plain lines; default: pretty when the stream is a TTY. */
  mode?: 'pretty' | 'plain';
  style?: Style;
  /** The clock in milliseconds (tests pass a fake one). */
  now?: () => number;
  /** In pretty mode, redraw at most this often (ms); default 100. */
  redrawMs?: number;
}

/** Draws the progress of one epoch after another. */
export interface Progress {
  /** A new epoch of `batches` batches begins. */
  start(epoch: number, epochs: number, batches: number): void;
  /** After each batch. */
  update(p: BatchProgress): void;
  /** The epoch is over: prints its final line; returns its duration in seconds. */
  end(p: BatchProgress): number;
}

/** The batches after which a plain log prints a line: the first batch at or past each 10% mark. */
export function checkpoints(batches: number): Set<number> {
  const marks = new Set<number>();
  for (let k = 1; k < 10; k++) marks.add(Math.ceil((k * batches) / 10));
  marks.delete(batches);
  marks.delete(0);
  return marks;
}

/**
 * A live progress bar per epoch: batch i/n, loss, accuracy, samples/s and ETA. In a terminal it
 * redraws one line in place (carriage return, ANSI colours via `style`); in a plain log (CI, a
 * pipe, a file) it prints one line at every 10% of the epoch and one at its end, so the log stays
 * short and readable.
 */
export function createProgress(stream: OutStream, options: ProgressOptions = {}): Progress {
  const pretty = (options.mode ?? (stream.isTTY === true ? 'pretty' : 'plain')) === 'pretty';
  const style = options.style ?? makeStyle(false);
  const now = options.now ?? (() => performance.now());
  const redrawMs = options.redrawMs ?? 100;
  let epoch = 0;
  let epochs = 0;
  let batches = 0;
  let started = 0;
  let lastDraw = -Infinity;
  let marks = new Set<number>();

  const head = (): string => `epoch ${String(epoch).padStart(String(epochs).length)}/${epochs}`;
  const stats = (p: BatchProgress, elapsed: number): { rate: number; eta: number } => {
    const rate = elapsed > 0 ? p.samples / elapsed : NaN;
    const eta = p.batch > 0 ? (elapsed / p.batch) * (batches - p.batch) : NaN;
    return { rate, eta };
  };
  const numbers = (p: BatchProgress, rate: number): string =>
    `loss ${p.loss.toFixed(4)}  acc ${percent(p.accuracy, 1)}  ${count(rate)} samples/s`;

  return {
    start(e, total, n) {
      [epoch, epochs, batches] = [e, total, n];
      started = now();
      lastDraw = -Infinity;
      marks = checkpoints(n);
    },
    update(p) {
      const t = now();
      const elapsed = (t - started) / 1000;
      const { rate, eta } = stats(p, elapsed);
      if (pretty) {
        if (t - lastDraw < redrawMs && p.batch < batches) return;
        lastDraw = t;
        const width = Math.max(10, Math.min(30, (stream.columns ?? 100) - 80));
        const filled = Math.round((p.batch / batches) * width);
        const bar = style.cyan('█'.repeat(filled)) + style.dim('░'.repeat(width - filled));
        const digits = String(batches).length;
        stream.write(
          `\r\x1b[2K${style.bold(head())} ${bar} ${String(p.batch).padStart(digits)}/${batches}  ` +
            `loss ${style.yellow(p.loss.toFixed(4))}  acc ${style.green(percent(p.accuracy, 1))}  ` +
            `${count(rate)} samples/s  ETA ${duration(eta)}`,
        );
      } else if (marks.has(p.batch)) {
        const pct = `${Math.floor((p.batch / batches) * 100)}%`.padStart(4);
        stream.write(`${head()}  ${pct}  batch ${p.batch}/${batches}  ${numbers(p, rate)}  ETA ${duration(eta)}\n`);
      }
    },
    end(p) {
      const elapsed = (now() - started) / 1000;
      const { rate } = stats(p, elapsed);
      const line = `${head()}  100%  batch ${p.batch}/${batches}  ${numbers(p, rate)}  in ${duration(elapsed)}`;
      stream.write(pretty ? `\r\x1b[2K${style.bold(head())}  ${line.slice(head().length + 2)}\n` : `${line}\n`);
      return elapsed;
    },
  };
}
