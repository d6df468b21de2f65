import { relative, sep } from 'node:path';
import ts from 'typescript';

/** An export and where it is declared. */
export interface ExportDeclaration {
  readonly module: string;
  readonly name: string;
  /** `file:line` of each declaration (several for overloads or merged declarations). */
  readonly locations: string[];
  readonly hasExample: boolean;
}

function hasExampleTag(decl: ts.Declaration): boolean {
  return ts.getJSDocTags(decl).some((tag) => tag.tagName.text === 'example');
}

/**
 * Resolves each of `names` exported by `entry` (through re-exports and aliases) to its declarations
 * and reports whether one of them carries an `@example` in its doc comment.
 */
export function exportExamples(entry: string, names: readonly string[], root: string): ExportDeclaration[] {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@nn/source'],
    noEmit: true,
    noLib: true,
    types: [],
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(entry);
  const moduleSymbol = sf === undefined ? undefined : checker.getSymbolAtLocation(sf);
  if (sf === undefined || moduleSymbol === undefined) throw new Error(`cannot load module ${entry}`);
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
  const module = relative(root, entry).split(sep).join('/');
  return names.map((name) => {
    const exported = exports.get(name);
    if (exported === undefined) return { module, name, locations: [], hasExample: false };
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decls = symbol.declarations ?? [];
    const locations = decls.map((d) => {
      const file = d.getSourceFile();
      const line = file.getLineAndCharacterOfPosition(d.getStart(file)).line + 1;
      return `${relative(root, file.fileName).split(sep).join('/')}:${line}`;
    });
    return { module, name, locations, hasExample: decls.some(hasExampleTag) };
  });
}
