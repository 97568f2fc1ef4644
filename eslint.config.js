import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', 'examples/**/*.js', 'test/fixtures/wechat/**/*.js', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/ and preload/ may import electron.' }] }],
    },
  },
  {
    files: ['main/**', 'preload/**', 'test/unit/main/**', 'test/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    // WeChat-format test apps: classic scripts in the mini program logic layer, with its globals
    files: ['test/fixtures/wechat/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        App: 'readonly', Page: 'readonly', Component: 'readonly', Behavior: 'readonly', getApp: 'readonly', getCurrentPages: 'readonly',
        wx: 'readonly', require: 'readonly', module: 'writable', exports: 'writable', requirePlugin: 'readonly', console: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', Date: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
