import type { OutStream } from './style.js';

/** Where a command writes, and the environment it reads (process's own, or fakes in tests). */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
}

/** The real process streams and environment. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Writes `lines` to `stream`, one per line. */
export function println(stream: OutStream, ...lines: string[]): void {
  for (const line of lines) stream.write(`${line}\n`);
}
