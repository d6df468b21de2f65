import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, correct, perClass, total } from '../src/confusion.js';
import { confusionTable, epochTable, epochTestLine, perClassTable } from '../src/report.js';
import { makeStyle, stripAnsi } from '../src/style.js';
import type { EpochResult } from '../src/train.js';

describe('confusionMatrix', () => {
  const labels = [0, 0, 0, 1, 1, 2, 2, 2, 2];
  const preds = [0, 0, 1, 1, 1, 2, 0, 2, 1];
  const c = confusionMatrix(labels, preds, 3);

  it('counts true class (rows) against predicted class (columns)', () => {
    expect(c.counts).toEqual([
      [2, 1, 0],
      [0, 2, 0],
      [1, 1, 2],
    ]);
    expect(total(c)).toBe(9);
    expect(correct(c)).toBe(6);
    expect(accuracy(c)).toBeCloseTo(6 / 9, 15);
  });

  it('per-class accuracy is the recall of each class', () => {
    expect(perClass(c)).toEqual([
      { support: 3, correct: 2, accuracy: 2 / 3 },
      { support: 2, correct: 2, accuracy: 1 },
      { support: 4, correct: 2, accuracy: 0.5 },
    ]);
    const absent = perClass(confusionMatrix([0], [0], 2))[1]!;
    expect(absent.support).toBe(0);
    expect(absent.accuracy).toBeNaN();
  });

  it('every row sums to the class count and every column to the prediction count', () => {
    const n = 500;
    const l = Array.from({ length: n }, (_, i) => (i * 7) % 10);
    const p = Array.from({ length: n }, (_, i) => (i * i + 3) % 10);
    const m = confusionMatrix(l, p, 10);
    for (let k = 0; k < 10; k++) {
      expect(m.counts[k]!.reduce((a, b) => a + b, 0)).toBe(l.filter((v) => v === k).length);
      expect(m.counts.reduce((s, row) => s + row[k]!, 0)).toBe(p.filter((v) => v === k).length);
    }
    expect(correct(m)).toBe(l.filter((v, i) => v === p[i]).length);
  });

  it('rejects mismatched lengths and classes out of range', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow('2 labels but 1 predictions');
    expect(() => confusionMatrix([0, 2], [0, 0], 2)).toThrow('example 1 has label 2');
    expect(() => confusionMatrix([0], [-1], 2)).toThrow('outside [0, 2)');
  });
});

describe('report tables', () => {
  const c = confusionMatrix([0, 0, 1, 1, 1, 2], [0, 1, 1, 1, 1, 0], 3);

  it('the confusion matrix table shows every count, dots for zeros off the diagonal', () => {
    expect(confusionTable(c, ['0', '1', '2'])).toEqual([
      'Confusion matrix (rows: true class, columns: predicted class)',
      '  true \\ predicted  0  1  2',
      '  0                 1  1  ·',
      '  1                 ·  3  ·',
      '  2                 1  ·  0',
    ]);
  });

  it('class names other than the digit itself are shown', () => {
    const lines = confusionTable(c, ['T-shirt/top', 'Trouser', 'Pullover']);
    expect(lines[2]).toMatch(/^ {2}0 T-shirt\/top {2,}1 {2}1 {2}·$/);
    expect(perClassTable(c, ['T-shirt/top', 'Trouser', 'Pullover'])[3]).toMatch(/^ {2}1 Trouser/);
  });

  it('the per-class table gives correct/total and accuracy', () => {
    const lines = perClassTable(c, ['0', '1', '2']);
    expect(lines[0]).toBe('Per-class accuracy');
    expect(lines[1]).toMatch(/^ {2}class {2}correct {2}total {2}accuracy$/);
    expect(lines[2]).toMatch(/^ {2}0 +1 +2 +50\.0% {2}█{10}░{10}$/);
    expect(lines[3]).toMatch(/^ {2}1 +3 +3 +100\.0% {2}█{20}$/);
    expect(lines[4]).toMatch(/^ {2}2 +0 +1 +0\.0% {2}░{20}$/);
  });

  it('colours do not change the layout', () => {
    const plain = confusionTable(c, ['0', '1', '2']);
    const coloured = confusionTable(c, ['0', '1', '2'], makeStyle(true));
    expect(coloured.join('\n')).toContain('\x1b[32m');
    expect(coloured.map(stripAnsi)).toEqual(plain);
    expect(perClassTable(c, ['0', '1', '2'], makeStyle(true)).map(stripAnsi)).toEqual(perClassTable(c, ['0', '1', '2']));
  });

  it('epoch lines and the per-epoch table', () => {
    expect(epochTestLine(2, 5, c)).toBe('epoch 2/5  test accuracy 66.67% (4/6)');
    const r: EpochResult = {
      epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, testAccuracy: 0.9, testCorrect: 1800, testTotal: 2000,
      trainSeconds: 2, evalSeconds: 0.5, samplesPerSecond: 4000,
    };
    expect(epochTable([r, { ...r, epoch: 2, testAccuracy: 0.95, testCorrect: 1900 }])).toEqual([
      'Test accuracy per epoch',
      '  epoch  train loss  train acc  test acc    correct  samples/s  time',
      '      1      0.5000     80.00%    90.00%  1800/2000      4,000  2.5s',
      '      2      0.5000     80.00%    95.00%  1900/2000      4,000  2.5s',
    ]);
  });
});
