import { correct, perClass, total, type Confusion } from './confusion.js';
import { count, duration, percent, table } from './format.js';
import { makeStyle, stripAnsi, type Style } from './style.js';
import type { EpochResult } from './train.js';

const visible = (s: string): number => stripAnsi(s).length;

/** `'3 Dress'` for a named class, `'3'` when the name is the digit itself. */
function classLabel(i: number, names: readonly string[]): string {
  const name = names[i];
  return name === undefined || name === String(i) ? String(i) : `${i} ${name}`;
}

/** The line printed after each epoch: `epoch 2/5  test accuracy 91.20% (1824/2000)`. */
export function epochTestLine(epoch: number, epochs: number, conf: Confusion, style: Style = makeStyle(false)): string {
  const acc = correct(conf) / total(conf);
  return `epoch ${epoch}/${epochs}  test accuracy ${style.bold(percent(acc))} (${correct(conf)}/${total(conf)})`;
}

/**
 * The confusion matrix as a text table, rows = true class, columns = predicted class. The diagonal
 * is green and off-diagonal counts ≥ 1% of the row are yellow when colours are on.
 */
export function confusionTable(conf: Confusion, classNames: readonly string[], style: Style = makeStyle(false)): string[] {
  const header = ['true \\ predicted', ...conf.counts.map((_, j) => String(j))];
  const rows = conf.counts.map((row, i) => {
    const support = row.reduce((a, b) => a + b, 0);
    const cells = row.map((n, j) => {
      if (i === j) return style.green(String(n));
      if (n > 0 && n >= 0.01 * support) return style.yellow(String(n));
      return n === 0 ? style.dim('·') : String(n);
    });
    return [classLabel(i, classNames), ...cells];
  });
  const align: ('l' | 'r')[] = ['l', ...conf.counts.map(() => 'r' as const)];
  return ['Confusion matrix (rows: true class, columns: predicted class)', ...table([header, ...rows], align, visible).map((l) => `  ${l}`)];
}

/** Per-class accuracy (the share of each class predicted right) with a bar, worst class marked. */
export function perClassTable(conf: Confusion, classNames: readonly string[], style: Style = makeStyle(false)): string[] {
  const stats = perClass(conf);
  const present = stats.filter((s) => s.support > 0);
  const worst = present.length === 0 ? NaN : Math.min(...present.map((s) => s.accuracy));
  const rows = stats.map((s, i) => {
    const filled = Number.isFinite(s.accuracy) ? Math.round(s.accuracy * 20) : 0;
    const bar = '█'.repeat(filled) + style.dim('░'.repeat(20 - filled));
    const acc = percent(s.accuracy, 1);
    return [classLabel(i, classNames), String(s.correct), String(s.support), s.accuracy === worst ? style.red(acc) : acc, bar];
  });
  return [
    'Per-class accuracy',
    ...table([['class', 'correct', 'total', 'accuracy', ''], ...rows], ['l', 'r', 'r', 'r', 'l'], visible).map((l) => `  ${l}`),
  ];
}

/** Test accuracy (and training loss, accuracy, speed) after each epoch, as a table. */
export function epochTable(results: readonly EpochResult[], style: Style = makeStyle(false)): string[] {
  const best = Math.max(...results.map((r) => r.testAccuracy));
  const rows = results.map((r) => [
    String(r.epoch),
    r.trainLoss.toFixed(4),
    percent(r.trainAccuracy),
    r.testAccuracy === best ? style.bold(percent(r.testAccuracy)) : percent(r.testAccuracy),
    `${r.testCorrect}/${r.testTotal}`,
    count(r.samplesPerSecond),
    duration(r.trainSeconds + r.evalSeconds),
  ]);
  const header = ['epoch', 'train loss', 'train acc', 'test acc', 'correct', 'samples/s', 'time'];
  return ['Test accuracy per epoch', ...table([header, ...rows], ['r', 'r', 'r', 'r', 'r', 'r', 'r'], visible).map((l) => `  ${l}`)];
}
