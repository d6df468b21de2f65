// Keeps the README true: its example runs and prints the output shown.
import * as autogradApi from '@nn/autograd';
import * as tensorApi from '@nn/tensor';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as optimApi from '../src/index.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

/** The text between `<!-- name:begin -->` and `<!-- name:end -->`. */
function section(text: string, name: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`section ${name} not found`);
  return text.slice(i + begin.length, j);
}

/** The first fenced code block of `text`, without its fences. */
function codeBlock(text: string): string {
  const m = /```\w*\n([\s\S]*?)```/.exec(text);
  if (m === null) throw new Error('no code block');
  return m[1]!;
}

/** Runs TypeScript example code whose imports are the @nn packages; returns what it printed. */
function runExample(code: string): string[] {
  const modules: Record<string, Record<string, unknown>> = {
    '@nn/tensor': tensorApi as unknown as Record<string, unknown>,
    '@nn/autograd': autogradApi as unknown as Record<string, unknown>,
    '@nn/optim': optimApi as unknown as Record<string, unknown>,
  };
  const body = code.replace(/^import\s*\{([^}]*)\}\s*from\s*'([^']+)';$/gm, (_all, names: string, from: string) => {
    if (modules[from] === undefined) throw new Error(`example imports ${from}`);
    const values = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0 && !n.startsWith('type '));
    for (const n of values) if (!(n in modules[from]!)) throw new Error(`${from} does not export ${n}`);
    return `const { ${values.join(', ')} } = __modules[${JSON.stringify(from)}];`;
  });
  const js = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const printed: string[] = [];
  const fakeConsole = { log: (...args: unknown[]) => printed.push(format(...args)) };
  const run = new Function('__modules', 'console', js) as (m: typeof modules, c: typeof fakeConsole) => void;
  tensorApi.tidy(() => run(modules, fakeConsole));
  return printed;
}

describe('README', () => {
  it('the example prints the output shown', () => {
    const readme = readFileSync(README, 'utf8');
    const printed = runExample(codeBlock(section(readme, 'readme-example:code')));
    expect(printed.join('\n')).toBe(codeBlock(section(readme, 'readme-example:output')).trim());
  });
});
