import { describe, expect, it } from 'vitest';
import { checkpoints, createProgress, type BatchProgress } from '../src/progress.js';
import { makeStyle, stripAnsi, wantsColor } from '../src/style.js';
import { Capture } from './support/io.js';

/** Runs one epoch of `batches` batches of 64, 10 ms each, through a progress bar. */
function runEpoch(stream: Capture, batches: number, mode?: 'pretty' | 'plain'): number {
  let t = 0;
  const p = createProgress(stream, { now: () => t, ...(mode ? { mode } : {}), style: makeStyle(stream.isTTY) });
  p.start(2, 5, batches);
  let last: BatchProgress = { batch: 0, samples: 0, loss: 0, accuracy: 0 };
  for (let b = 1; b <= batches; b++) {
    t += 10;
    last = { batch: b, samples: 64 * b, loss: 1 / b, accuracy: Math.min(1, b / batches) };
    p.update(last);
  }
  return p.end(last);
}

describe('checkpoints', () => {
  it('marks the first batch at or past each 10%', () => {
    expect([...checkpoints(125)]).toEqual([13, 25, 38, 50, 63, 75, 88, 100, 113]);
    expect([...checkpoints(100)]).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect([...checkpoints(3)]).toEqual([1, 2]);
    expect([...checkpoints(1)]).toEqual([]);
  });
});

describe('progress in a plain log (not a TTY)', () => {
  it('prints a line at every 10% and one at the end, no carriage returns or colours', () => {
    const out = new Capture(false);
    const seconds = runEpoch(out, 125);
    expect(seconds).toBeCloseTo(1.25);
    const lines = out.lines();
    expect(lines).toHaveLength(10);
    expect(out.text).not.toContain('\r');
    expect(out.text).not.toContain('\x1b');
    expect(lines[0]).toBe('epoch 2/5   10%  batch 13/125  loss 0.0769  acc 10.4%  6,400 samples/s  ETA 1.1s');
    expect(lines[4]).toMatch(/^epoch 2\/5 {3}50% {2}batch 63\/125 /);
    expect(lines[9]).toBe('epoch 2/5  100%  batch 125/125  loss 0.0080  acc 100.0%  6,400 samples/s  in 1.3s');
  });

  it('a one-batch epoch prints just the final line', () => {
    const out = new Capture(false);
    runEpoch(out, 1);
    expect(out.lines()).toEqual(['epoch 2/5  100%  batch 1/1  loss 1.0000  acc 100.0%  6,400 samples/s  in 0.0s']);
  });
});

describe('progress in a terminal', () => {
  it('redraws one line in place (throttled) and ends it with a newline', () => {
    const out = new Capture(true, 120);
    runEpoch(out, 125);
    const draws = out.text.split('\r\x1b[2K').filter((s) => s !== '');
    // 10 ms per batch, redrawn at most every 100 ms: about one draw in ten, plus the last batch and the end.
    expect(draws.length).toBeGreaterThan(10);
    expect(draws.length).toBeLessThan(20);
    expect(out.text.split('\n')).toHaveLength(2);
    expect(out.text).toContain('\x1b[');
    const lastBar = stripAnsi(draws.at(-2)!);
    expect(lastBar).toMatch(/^epoch 2\/5 █+ 125\/125 {2}loss 0\.0080 {2}acc 100\.0% {2}6,400 samples\/s {2}ETA 0\.0s$/);
    expect(stripAnsi(draws.at(-1)!)).toBe('epoch 2/5  100%  batch 125/125  loss 0.0080  acc 100.0%  6,400 samples/s  in 1.3s\n');
  });

  it('mode can be forced either way', () => {
    const plain = new Capture(true);
    runEpoch(plain, 20, 'plain');
    expect(plain.text).not.toContain('\r');
    const pretty = new Capture(false);
    runEpoch(pretty, 20, 'pretty');
    expect(pretty.text).toContain('\r');
  });
});

describe('wantsColor', () => {
  it('colours a terminal unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it', () => {
    expect(wantsColor({ write: () => true, isTTY: true }, {})).toBe(true);
    expect(wantsColor({ write: () => true, isTTY: false }, {})).toBe(false);
    expect(wantsColor({ write: () => true, isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ write: () => true, isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(wantsColor({ write: () => true }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColor({ write: () => true, isTTY: true }, { FORCE_COLOR: '0' })).toBe(true);
  });
});
