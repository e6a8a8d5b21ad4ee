import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'docs/api/', 'node_modules/', 'coverage/', '.tmp/', 'examples/browser/dist/', 'studio/dist/', 'studio/.dist-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'Only src/cli may touch Node.' }] }],
      'no-restricted-globals': ['error', 'process', 'console', 'Buffer'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Function']", message: 'No code generation.' }, { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'bench/**/*.mjs', 'examples/**/*.mjs', 'examples/**/*.cjs', 'studio/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
