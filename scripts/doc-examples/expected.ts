import ts from 'typescript';

/**
 * What a `// …` comment after an example statement claims:
 * - `value`: the statement's value equals a JS literal (`// [1, 2]`, `// 'int32'`, `// NaN`), optionally
 *   approximately (`// ≈ 0.6931`), optionally as a typed array (`// Float32Array [1, 2]`), optionally followed
 *   by a parenthesised remark (`// NaN (N - correction = 0)`);
 * - `throws`: the statement throws an instance of the named error class (`// throws ShapeError`);
 * - `prose`: anything else, which is just a comment;
 * - `malformed`: it starts like a claim (`≈`, `throws`, a typed-array name) but the rest does not parse.
 */
export type Claim =
  | { readonly kind: 'value'; readonly expected: unknown; readonly approx: boolean; readonly typedArray: string | null }
  | { readonly kind: 'throws'; readonly errorClass: string }
  | { readonly kind: 'prose' }
  | { readonly kind: 'malformed'; readonly reason: string };

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

function isLiteralTree(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isLiteralTree(node.expression);
  if (ts.isNumericLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  ) {
    return true;
  }
  if (ts.isIdentifier(node)) return node.text === 'NaN' || node.text === 'Infinity' || node.text === 'undefined';
  if (ts.isPrefixUnaryExpression(node)) {
    const op = node.operator;
    const arg = node.operand;
    return (
      (op === ts.SyntaxKind.MinusToken || op === ts.SyntaxKind.PlusToken) &&
      (ts.isNumericLiteral(arg) || (ts.isIdentifier(arg) && (arg.text === 'Infinity' || arg.text === 'NaN')))
    );
  }
  if (ts.isArrayLiteralExpression(node))
    return node.elements.every((e) => !ts.isOmittedExpression(e) && isLiteralTree(e));
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.every(
      (p) =>
        ts.isPropertyAssignment(p) &&
        (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) &&
        isLiteralTree(p.initializer),
    );
  }
  return false;
}

/** The value of `text` when it is exactly one JS literal (see `Claim`), else `undefined` in `ok: false`. */
export function parseLiteral(text: string): { ok: true; value: unknown } | { ok: false } {
  const source = `(${text}\n);`;
  const sf = ts.createSourceFile('literal.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const [statement, ...rest] = sf.statements;
  if (statement === undefined || rest.length > 0 || !ts.isExpressionStatement(statement)) return { ok: false };
  if (!isLiteralTree(statement.expression)) return { ok: false };
  try {
    // Only literal syntax reaches here (checked above); Function reports any remaining syntax error.
    return { ok: true, value: new Function(`'use strict'; return ${source}`)() as unknown };
  } catch {
    return { ok: false };
  }
}

/** Splits `literal (remark)` into `literal` when the text ends with a balanced parenthesised remark. */
function withoutRemark(text: string): string | null {
  if (!text.endsWith(')')) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(') depth--;
    if (depth === 0) {
      if (i === 0 || !/\s/.test(text[i - 1]!)) return null;
      return text.slice(0, i).trim();
    }
  }
  return null;
}

/** Classifies the text of a `//` comment (without the slashes). */
export function parseClaim(comment: string): Claim {
  let text = comment.trim();
  if (/^throws\b/.test(text)) {
    const m = /^throws\s+([A-Za-z_$][\w$]*)(\s|$|[:.,;(])/.exec(text);
    if (m === null) return { kind: 'malformed', reason: 'expected `throws <ErrorClass>`' };
    return { kind: 'throws', errorClass: m[1]! };
  }
  let approx = false;
  if (text.startsWith('≈')) {
    approx = true;
    text = text.slice(1).trim();
  }
  let typedArray: string | null = null;
  const typed = /^([A-Za-z0-9]+Array)\s+(\[[\s\S]*)$/.exec(text);
  if (typed !== null && TYPED_ARRAYS.includes(typed[1]!)) {
    typedArray = typed[1]!;
    text = typed[2]!;
  }
  let parsed = parseLiteral(text);
  if (!parsed.ok) {
    const bare = withoutRemark(text);
    if (bare !== null) parsed = parseLiteral(bare);
  }
  if (parsed.ok) {
    if (typedArray !== null && !Array.isArray(parsed.value)) {
      return { kind: 'malformed', reason: `${typedArray} must be followed by an array literal` };
    }
    return { kind: 'value', expected: parsed.value, approx, typedArray };
  }
  if (approx) return { kind: 'malformed', reason: '`≈` must be followed by a literal' };
  if (typedArray !== null) return { kind: 'malformed', reason: `${typedArray} must be followed by an array literal` };
  return { kind: 'prose' };
}
