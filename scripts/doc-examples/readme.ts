// Runs the code examples of READMEs and guides: a TypeScript block whose imports come from @nn
// packages is compiled, its imports are bound to the packages' exports, and what it prints with
// `console.log` is returned, so a test can compare it with the output block shown next to it.
import { format } from 'node:util';
import ts from 'typescript';

/** The exports of each package an example may import, by package name. */
export type ExampleModules = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The text between `<!-- name:begin -->` and `<!-- name:end -->`. */
export function section(text: string, name: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`section ${name} not found`);
  return text.slice(i + begin.length, j);
}

/** The first fenced code block of `text`, without its fences. */
export function codeBlock(text: string): string {
  const m = /```\w*\n([\s\S]*?)```/.exec(text);
  if (m === null) throw new Error('no code block');
  return m[1]!;
}

/** Compiles `code` (named imports from `modules` only, checked to exist) to a function body. */
function compileExample(code: string, modules: ExampleModules): string {
  const body = code.replace(/^import\s*\{([^}]*)\}\s*from\s*'([^']+)';$/gm, (_all, names: string, from: string) => {
    const exports = modules[from];
    if (exports === undefined) throw new Error(`example imports ${from}`);
    const values = names
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0 && !n.startsWith('type '));
    for (const n of values) if (!(n in exports)) throw new Error(`${from} does not export ${n}`);
    return `const { ${values.join(', ')} } = __modules[${JSON.stringify(from)}];`;
  });
  if (/^\s*import\s/m.test(body)) throw new Error('example has an import the runner cannot bind (use named imports)');
  return ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
}

/** A console whose `log` lines are collected. */
function recordingConsole(): { printed: string[]; console: { log: (...args: unknown[]) => void } } {
  const printed: string[] = [];
  return { printed, console: { log: (...args: unknown[]) => printed.push(format(...args)) } };
}

/**
 * Compiles and runs `code` (named imports from `modules` only, checked to exist) inside `wrap`
 * (e.g. `tidy`); returns the lines it printed.
 */
export function runCodeExample(code: string, modules: ExampleModules, wrap: (fn: () => void) => void): string[] {
  const { printed, console } = recordingConsole();
  const run = new Function('__modules', 'console', compileExample(code, modules)) as (
    m: ExampleModules,
    c: typeof console,
  ) => void;
  wrap(() => run(modules, console));
  return printed;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (m: ExampleModules, c: unknown) => Promise<void>;

/** `runCodeExample` for code that awaits (e.g. creating a backend); no wrapper, so dispose what it makes. */
export async function runAsyncCodeExample(code: string, modules: ExampleModules): Promise<string[]> {
  const { printed, console } = recordingConsole();
  await new AsyncFunction('__modules', 'console', compileExample(code, modules))(modules, console);
  return printed;
}

/** Runs the README's `readme-example:code` block and returns [printed, the `readme-example:output` block]. */
export function runReadmeExample(
  readme: string,
  modules: ExampleModules,
  wrap: (fn: () => void) => void,
): [string, string] {
  const printed = runCodeExample(codeBlock(section(readme, 'readme-example:code')), modules, wrap);
  return [printed.join('\n'), codeBlock(section(readme, 'readme-example:output')).trim()];
}

/** `runReadmeExample` for an example that awaits. */
export async function runAsyncReadmeExample(readme: string, modules: ExampleModules): Promise<[string, string]> {
  const printed = await runAsyncCodeExample(codeBlock(section(readme, 'readme-example:code')), modules);
  return [printed.join('\n'), codeBlock(section(readme, 'readme-example:output')).trim()];
}
