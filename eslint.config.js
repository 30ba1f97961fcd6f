// ESLint for the server code (src, demo, test, bench). The console under web/ has its own tsconfig
// and is type-checked by `npm run typecheck`; it is not linted here.
//
// The rule set is chosen to find bugs, not to enforce a style: the recommended rules of ESLint and
// typescript-eslint, plus the type-aware promise rules. A promise must be awaited, returned, handled
// with .catch, or explicitly fired and forgotten with `void` (and a comment saying why that is safe).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['web/**', 'node_modules/**', 'data/**', '**/dist/**', 'coverage/**'] },
  {
    files: ['src/**/*.ts', 'demo/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Promises: the reason this linter exists.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // Other type-aware rules that catch real mistakes.
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Unused names are tsc's job (noUnusedLocals/noUnusedParameters in tsconfig.json).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // Plain JavaScript helpers (bench/mqtt-publisher.mjs, bin/symbiont.js) are not in a tsconfig.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['web/**'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'Buffer', 'performance', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']
          .map((name) => [name, 'readonly']),
      ),
    },
  },
);
