// Holds the runtime lines of conventions.md: electron only in main/, Node only in src/node and main/,
// the renderer only on src/common.
import i18next from 'eslint-plugin-i18next';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const nodeOnly = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'worker_threads',
  'better-sqlite3',
  'ws',
  'tsx',
];
/** i18next/no-literal-string for the renderer's JSX; scripts/jsx-text-lint.test.ts shows it fires on a sample. */
const JSX_TEXT_RULE = {
  mode: 'jsx-only',
  'jsx-attributes': {
    include: [
      'aria-label',
      'aria-description',
      'aria-roledescription',
      'aria-valuetext',
      'title',
      'placeholder',
      'alt',
    ],
  },
  words: {
    exclude: [
      // Digits, punctuation and symbols alone; SHOUTED_CONSTANTS; the kebab-case head of a key (`site-${kind}`).
      '[0-9!-/:-@[-`{-~\\s·…–—×→←↑↓▲▼●○✓✕]+',
      '[A-Z_-]+',
      '[a-z][a-z0-9]*(-[a-z0-9]+)*-',
    ],
  },
  'should-validate-template': true,
  message: 'User-visible text comes from the dictionaries (t(...) in renderer/shared/i18n)',
};

const noElectron = { name: 'electron', message: 'electron is imported only in main/.' };

// The layer order inside src/node (docs/architecture.md): ports <- base <- store <- sync <- host <- serve | shell, the hub
// apart (it may use the store's opener). A layer imports only the layers below it; tests and test kits may span
// layers (an integration test starts a hub for a host), the code they test may not. import-graph.test.ts holds
// the same order and finds cycles between files.
const shellsAndUi = { group: ['**/renderer/**', '**/main/**'], message: 'src/ never imports the shells or the UI.' };
const layer = (folder, above, allow = [], files = [`src/node/${folder}/**/*.ts`], skip = []) => ({
  files,
  ignores: ['**/*.test.ts', '**/*-test-kit.ts', '**/*.fault.ts', '**/fixtures/**', ...skip],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [noElectron, 'react', 'react-dom'],
        patterns: [
          shellsAndUi,
          {
            group: [...above.map((f) => `**/${f}/**`), ...allow.map((a) => `!**/${a}`)],
            message: `src/node/${folder} must not import ${above.join(', ')} (the layer order of docs/architecture.md).`,
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-main/**', 'release/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked, prettier],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './renderer/tsconfig.json', './main/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function without await is kept where its contract promises a promise (createHost, the shell's start).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // Tests: matchers such as expect.any() are typed any, and fakes implement async interfaces without awaiting.
    files: ['**/*.test.ts', '**/*.e2e.ts', '**/*.fault.ts', '**/fixtures/**', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['src/node/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'react', 'react-dom'],
          patterns: [{ group: ['**/renderer/**', '**/main/**'], message: 'src/ never imports the shells or the UI.' }],
        },
      ],
    },
  },
  {
    files: ['src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'react', 'react-dom'],
          patterns: [
            { group: nodeOnly, message: 'src/common runs in browsers too: no Node modules.' },
            { group: ['**/node/**', '**/renderer/**', '**/main/**'], message: 'src/common imports only src/common.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: nodeOnly, message: 'The renderer has no Node: ask the host.' },
            { group: ['**/src/node/**', '**/main/**'], message: 'The renderer imports only src/common.' },
          ],
        },
      ],
    },
  },
  {
    // Every word an operator reads comes from the dictionaries (renderer/shared/i18n, id and en): no literal text in
    // JSX, nor in the attributes a person reads or a screen reader speaks. Digits, punctuation and all-capital
    // acronyms (OPD, CCTV) pass through the word list; a const named in capitals is the plugin's own exception.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', JSX_TEXT_RULE] },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'main/ talks to the renderer only through the host contract.' },
          ],
        },
      ],
    },
  },
  layer('ports', ['base', 'store', 'sync', 'host', 'serve', 'shell', 'hub']),
  layer('base', ['signing', 'store', 'sync', 'host', 'serve', 'shell', 'hub']),
  layer('signing', ['store', 'sync', 'host', 'serve', 'shell', 'hub']),
  layer('store', ['sync', 'host', 'serve', 'shell', 'hub']),
  layer('sync', ['host', 'serve', 'shell', 'hub']),
  layer('host', ['serve', 'shell', 'hub']),
  // serve and shell sit side by side; the shell serves the same files with the same headers.
  layer('serve', ['shell', 'hub'], [], undefined, ['src/node/serve/serve-cli.ts']),
  // A command line composes: `nawa serve` without --hub starts the demo hub beside the host.
  layer('serve', ['shell'], [], ['src/node/serve/serve-cli.ts']),
  layer('shell', ['serve', 'hub'], ['serve/static-files']),
  layer('hub', ['store', 'sync', 'host', 'serve', 'shell'], ['store/database']),
);
