import ts from 'typescript';
import { type Claim, parseClaim } from './expected.js';

/** A checked statement of an example: `expr; // expected`, `const v = expr; // expected`, `expr; // throws E`. */
export interface Assertion {
  readonly id: number;
  /** 0-based line of the statement's start inside the example code. */
  readonly codeLine: number;
  /** The statement as written. */
  readonly statement: string;
  /** The comment text after `//`. */
  readonly comment: string;
  readonly claim: Extract<Claim, { kind: 'value' } | { kind: 'throws' }>;
}

/** An example turned into JavaScript whose checked statements call `__check` / `__throws`. */
export interface CompiledExample {
  readonly js: string;
  /** True when the example awaits at top level (it then runs as an async function). */
  readonly async: boolean;
  readonly assertions: Assertion[];
  /** Reasons the example cannot run as written (syntax errors, claims on uncheckable lines, …). */
  readonly problems: string[];
}

/** The names the compiled code expects in scope besides the library's exports. */
export const HELPER_NAMES = ['__check', '__throws', '__throwsAsync'] as const;

interface LineComment {
  readonly pos: number;
  readonly end: number;
  readonly line: number;
  readonly text: string;
}

function lineComments(sf: ts.SourceFile): LineComment[] {
  const code = sf.text;
  const byPos = new Map<number, LineComment>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) {
      if (r.kind !== ts.SyntaxKind.SingleLineCommentTrivia || byPos.has(r.pos)) continue;
      const line = sf.getLineAndCharacterOfPosition(r.pos).line;
      byPos.set(r.pos, { pos: r.pos, end: r.end, line, text: code.slice(r.pos + 2, r.end) });
    }
  };
  const visit = (node: ts.Node): void => {
    add(ts.getLeadingCommentRanges(code, node.pos));
    add(ts.getTrailingCommentRanges(code, node.end));
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  return [...byPos.values()].sort((a, b) => a.pos - b.pos);
}

function hasTopLevelAwait(sf: ts.SourceFile): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier !== undefined)) found = true;
    else if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing)
      found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

function containsAwait(node: ts.Node): boolean {
  if (ts.isAwaitExpression(node)) return true;
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, containsAwait) ?? false;
}

/** The single identifier a `const v = expr;` statement declares, or null for any other statement. */
function declaredName(statement: ts.VariableStatement): string | null {
  const decls = statement.declarationList.declarations;
  const [decl] = decls;
  if (decls.length !== 1 || decl === undefined || decl.initializer === undefined || !ts.isIdentifier(decl.name))
    return null;
  return decl.name.text;
}

/** Compiles one example (TypeScript) into the JavaScript body the runner executes. */
export function compileExample(code: string): CompiledExample {
  const problems: string[] = [];
  const syntax = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
    fileName: 'example.ts',
  });
  for (const d of syntax.diagnostics ?? []) {
    const line = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    problems.push(`line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }

  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line;
  const lineStarts = sf.getLineStarts();
  const restOfLine = (pos: number): string => code.slice(pos, lineStarts[lineOf(pos) + 1] ?? code.length);
  const comments = lineComments(sf);
  const claimed = new Set<LineComment>();
  const assertions: Assertion[] = [];
  const inserts: { pos: number; text: string }[] = [];

  const commentFor = (statement: ts.Statement): LineComment | undefined => {
    const end = statement.end;
    const trailing = comments.find(
      (c) => c.pos >= end && c.line === lineOf(end) && code.slice(end, c.pos).trim() === '',
    );
    if (trailing !== undefined) return trailing;
    if (restOfLine(end).trim() !== '') return undefined;
    // `expr;` with the expected value on the next line, alone: `// [[1, 2], [3, 4]]`.
    const next = comments.find((c) => c.line === lineOf(end) + 1);
    if (next === undefined || code.slice(lineStarts[next.line]!, next.pos).trim() !== '') return undefined;
    const claim = parseClaim(next.text);
    return claim.kind === 'prose' ? undefined : next;
  };

  const visit = (node: ts.Node): void => {
    const isExpression = ts.isExpressionStatement(node);
    const name = ts.isVariableStatement(node) ? declaredName(node) : null;
    if (isExpression || name !== null) {
      const statement = node as ts.Statement;
      const comment = commentFor(statement);
      if (comment !== undefined && !claimed.has(comment)) {
        const claim = parseClaim(comment.text);
        const start = statement.getStart(sf);
        const codeLine = lineOf(start);
        if (claim.kind === 'malformed') {
          claimed.add(comment);
          problems.push(`line ${comment.line + 1}: \`//${comment.text}\`: ${claim.reason}`);
        } else if (claim.kind !== 'prose') {
          claimed.add(comment);
          const id = assertions.length;
          assertions.push({ id, codeLine, statement: statement.getText(sf), comment: comment.text.trim(), claim });
          if (claim.kind === 'throws') {
            const isAsync = containsAwait(statement);
            inserts.push({
              pos: start,
              text: isAsync ? `await __throwsAsync(${id}, async () => { ` : `__throws(${id}, () => { `,
            });
            inserts.push({ pos: statement.end, text: ` });` });
          } else if (isExpression) {
            const expression = (statement as ts.ExpressionStatement).expression;
            inserts.push({ pos: expression.getStart(sf), text: `__check(${id}, (` });
            inserts.push({ pos: expression.end, text: `))` });
          } else {
            inserts.push({ pos: statement.end, text: `; __check(${id}, ${name});` });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);

  for (const c of comments) {
    if (claimed.has(c)) continue;
    const claim = parseClaim(c.text);
    if (claim.kind === 'prose') continue;
    const what =
      claim.kind === 'malformed' ? claim.reason : 'it states a result, but follows no statement the runner can check';
    problems.push(
      `line ${c.line + 1}: \`//${c.text}\`: ${what} (write \`expr; // expected\` or \`const v = expr; // expected\`)`,
    );
  }

  let transformed = code;
  for (const { pos, text } of inserts.map((e, i) => ({ ...e, i })).sort((a, b) => b.pos - a.pos || b.i - a.i)) {
    transformed = transformed.slice(0, pos) + text + transformed.slice(pos);
  }
  const out = ts.transpileModule(transformed, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
    fileName: 'example.ts',
  });
  const js = out.outputText.replace(/^export \{\};\s*$/m, '');
  return { js, async: hasTopLevelAwait(sf), assertions, problems };
}
