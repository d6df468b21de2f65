import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** One ```ts block found under an `@example` tag of a TSDoc comment. */
export interface DocExample {
  /** Source file, relative to the package root with `/` separators (e.g. `src/ops/elementwise/add.ts`). */
  readonly file: string;
  /** 1-based line of the `@example` tag. */
  readonly line: number;
  /** The documented declaration: `add`, `Tensor`, `Tensor.toArray`, … */
  readonly symbol: string;
  /** The code inside the fence, with the comment's leading `*` stripped. */
  readonly code: string;
  /** 1-based source line of the first code line. */
  readonly codeLine: number;
}

/** What a scan of the sources found: the examples and the problems that keep one from running. */
export interface ExtractResult {
  readonly examples: DocExample[];
  /** `file:line message` for each malformed or unattached `@example`. */
  readonly problems: string[];
}

/** Every `.ts` file under `dir`, except tests and declaration files, sorted. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
        out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

function declarationName(node: ts.Node, sf: ts.SourceFile): string {
  const own = (n: ts.Node): string | undefined => {
    if (ts.isVariableStatement(n)) {
      const first = n.declarationList.declarations[0];
      return first === undefined ? undefined : first.name.getText(sf);
    }
    if (ts.isConstructorDeclaration(n)) return 'constructor';
    const name = ts.getNameOfDeclaration(n as ts.Declaration);
    return name === undefined ? undefined : name.getText(sf);
  };
  const name = own(node) ?? ts.SyntaxKind[node.kind];
  const parent = node.parent;
  if (ts.isClassLike(parent) || ts.isInterfaceDeclaration(parent) || ts.isObjectLiteralExpression(parent)) {
    const host = ts.isObjectLiteralExpression(parent) ? parent.parent : parent;
    const hostName =
      own(host) ?? (host.parent !== undefined && ts.isVariableDeclaration(host.parent) ? own(host.parent) : undefined);
    return `${hostName ?? '?'}.${name}`;
  }
  return name;
}

const FENCE_OPEN = /^```(ts|typescript)\s*$/;
const FENCE_CLOSE = /^```\s*$/;

/** Splits one JSDoc comment into examples; `startLine` is the comment's 1-based first line. */
function examplesOfComment(
  text: string,
  startLine: number,
  file: string,
  symbol: string,
  problems: string[],
): DocExample[] {
  const lines = text.split('\n').map((l) =>
    l
      .replace(/^\s*\/\*\*\s?/, '')
      .replace(/\s*\*\/\s*$/, '')
      .replace(/^\s*\*\s?/, ''),
  );
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/(^|\s)@example\b/.test(lines[i]!)) continue;
    const tagLine = startLine + i;
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (j >= lines.length || !FENCE_OPEN.test(lines[j]!.trim())) {
      problems.push(`${file}:${tagLine} ${symbol}: @example is not followed by a \`\`\`ts fence`);
      continue;
    }
    const code: string[] = [];
    let k = j + 1;
    for (; k < lines.length && !FENCE_CLOSE.test(lines[k]!.trim()); k++) code.push(lines[k]!);
    if (k >= lines.length) {
      problems.push(`${file}:${tagLine} ${symbol}: the \`\`\`ts fence of this @example is never closed`);
      continue;
    }
    if (code.every((l) => l.trim() === '')) {
      problems.push(`${file}:${tagLine} ${symbol}: empty @example`);
      continue;
    }
    out.push({ file, line: tagLine, symbol, code: code.join('\n'), codeLine: startLine + j + 1 });
    i = k;
  }
  return out;
}

/** Counts `@example` tags inside `/** … *\/` comments by text, to catch comments attached to nothing. */
function countExampleTags(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) n += (m[0].match(/(^|\s)@example\b/g) ?? []).length;
  return n;
}

/** Extracts the examples of one file (`root` is the package root used for relative names). */
export function extractFile(path: string, root: string, problems: string[]): DocExample[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(root, path).split(sep).join('/');
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const seen = new Set<number>();
  const out: DocExample[] = [];
  const visit = (node: ts.Node): void => {
    for (const doc of ts.getJSDocCommentsAndTags(node)) {
      if (!ts.isJSDoc(doc) || seen.has(doc.pos)) continue;
      seen.add(doc.pos);
      const start = doc.getStart(sf);
      const startLine = sf.getLineAndCharacterOfPosition(start).line + 1;
      out.push(...examplesOfComment(text.slice(start, doc.end), startLine, file, declarationName(node, sf), problems));
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  const tags = countExampleTags(text);
  const attached = out.length + problems.filter((p) => p.startsWith(`${file}:`)).length;
  if (tags !== attached) {
    problems.push(`${file}: ${tags} @example tags in doc comments, but only ${attached} belong to a declaration`);
  }
  return out;
}

/** Extracts every example under `srcDir`, in file and line order. */
export function extractExamples(srcDir: string, root: string): ExtractResult {
  const problems: string[] = [];
  const examples = sourceFiles(srcDir).flatMap((path) => extractFile(path, root, problems));
  return { examples, problems };
}
