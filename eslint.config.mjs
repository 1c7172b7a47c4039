import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['electron', 'better-sqlite3', 'kysely', 'pdfmake', 'pdf-to-printer', 'node:*', 'fs', 'path', 'os', 'child_process'];
// Text the user sees comes from the i18n catalogs; a CJK literal in a screen or a document is a slip.
const noCjkLiterals = [
  { selector: 'Literal[value=/[\\u4e00-\\u9fff]/]', message: 'User-visible text belongs in shared/i18n catalogs.' },
  { selector: 'TemplateElement[value.raw=/[\\u4e00-\\u9fff]/]', message: 'User-visible text belongs in shared/i18n catalogs.' },
  { selector: 'JSXText[value=/[\\u4e00-\\u9fff]/]', message: 'User-visible text belongs in shared/i18n catalogs.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', '.test-output/**', 'demo-output/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: nodeOnly.map((group) => ({ group: [group], message: 'The renderer runs as a web page: no Node or main-process modules.' })) }],
      'no-restricted-syntax': ['error', ...noCjkLiterals],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: nodeOnly.map((group) => ({ group: [group], message: 'shared/ is imported by both sides: no Node or Electron modules.' })) }],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The backend runs under plain Node; Electron stays in electron/main.' }] }],
    },
  },
  {
    files: ['electron/backend/documents/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noCjkLiterals] },
  },
);
