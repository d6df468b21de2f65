import type { Io } from '../../src/io.js';
import type { OutStream } from '../../src/style.js';

/** An output stream that remembers what was written. */
export class Capture implements OutStream {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 100,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  lines(): string[] {
    return this.text.split('\n').filter((l) => l !== '');
  }
}

/** Fake stdout/stderr (not terminals) and an environment without colour settings. */
export function captureIo(env: Record<string, string | undefined> = {}): Io & { stdout: Capture; stderr: Capture } {
  return { stdout: new Capture(), stderr: new Capture(), env };
}
