// ESLint flat config for the whole workspace (`pnpm lint`).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Deep imports into another package's sources or build output bypass its export map. */
const crossPackageImports = {
  patterns: [
    {
      regex: '^@nn/[^/]+/(src|dist)(/|$)',
      message:
        "Import another @nn package through its public entry points ('@nn/tensor', '@nn/tensor/backend'), never its src/ or dist/.",
    },
    {
      // `../../tensor/src/…` from another package (a package's own `../src/…` stays allowed).
      regex: '^(\\.\\./)+[^./][^/]*/(src|dist)(/|$)',
      message: 'Do not reach into a sibling package by relative path; import it by its @nn name.',
    },
  ],
};

export default defineConfig(
  globalIgnores(['**/dist/**', '**/node_modules/**', 'docs/api/**', '**/coverage/**', '**/.turbo/**', 'tmp/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': ['error', crossPackageImports],
    },
  },
  {
    // Published sources: named exports only, so every symbol has one name across ESM, CJS and docs.
    files: ['packages/*/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportDefaultDeclaration',
          message: 'Use a named export (no default exports in package sources).',
        },
        {
          selector: "ExportSpecifier[exported.name='default']",
          message: 'Use a named export (no default exports in package sources).',
        },
      ],
    },
  },
  {
    // Plain JavaScript files at the root (this config) run in Node.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
