/**
 * A confusion matrix: `counts[t][p]` is the number of examples of true class `t` predicted as `p`
 * (rows are the truth, columns the prediction, as in scikit-learn).
 */
export interface Confusion {
  readonly classes: number;
  readonly counts: number[][];
}

/**
 * Counts `labels[i]` against `predictions[i]`.
 * @throws RangeError if the lengths differ or a class is outside `[0, classes)`.
 */
export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes: number): Confusion {
  if (labels.length !== predictions.length) {
    throw new RangeError(`confusionMatrix: ${labels.length} labels but ${predictions.length} predictions`);
  }
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]!;
    const p = predictions[i]!;
    if (!Number.isInteger(t) || t < 0 || t >= classes || !Number.isInteger(p) || p < 0 || p >= classes) {
      throw new RangeError(`confusionMatrix: example ${i} has label ${t} / prediction ${p}, outside [0, ${classes})`);
    }
    counts[t]![p]!++;
  }
  return { classes, counts };
}

/** Examples counted. */
export function total(c: Confusion): number {
  return c.counts.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
}

/** Examples on the diagonal (predicted right). */
export function correct(c: Confusion): number {
  return c.counts.reduce((s, row, i) => s + row[i]!, 0);
}

/** Overall accuracy in [0, 1] (`NaN` with no examples). */
export function accuracy(c: Confusion): number {
  return correct(c) / total(c);
}

/** Per class: examples of that class, how many were right, and the accuracy (recall; `NaN` for an absent class). */
export function perClass(c: Confusion): { support: number; correct: number; accuracy: number }[] {
  return c.counts.map((row, i) => {
    const support = row.reduce((a, b) => a + b, 0);
    return { support, correct: row[i]!, accuracy: row[i]! / support };
  });
}
