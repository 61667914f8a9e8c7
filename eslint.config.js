import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'web/dist/', 'src/knowledge/generated/', 'reports/', 'fanzha-data/', 'test-artifacts/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core and its pure plug-ins (intelligence checkers, model scorer) do no I/O, so they run in the browser too.
    files: ['src/core/**/*.ts', 'src/intel/**/*.ts', 'src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'http', 'child_process', '../cli/*', '../server/*', '../store/*'] }],
    },
  },
);
