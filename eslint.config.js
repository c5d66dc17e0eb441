// Holds the runtime lines of conventions.md: electron only in main/, Node only in src/node and main/,
// the renderer only on src/common.
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'worker_threads', 'better-sqlite3', 'ws', 'tsx'];
const noElectron = { name: 'electron', message: 'electron is imported only in main/.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-main/**', 'release/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  {
    files: ['src/node/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, 'react', 'react-dom'],
        patterns: [{ group: ['**/renderer/**', '**/main/**'], message: 'src/ never imports the shells or the UI.' }],
      }],
    },
  },
  {
    files: ['src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, 'react', 'react-dom'],
        patterns: [
          { group: nodeOnly, message: 'src/common runs in browsers too: no Node modules.' },
          { group: ['**/node/**', '**/renderer/**', '**/main/**'], message: 'src/common imports only src/common.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          { group: nodeOnly, message: 'The renderer has no Node: ask the host.' },
          { group: ['**/src/node/**', '**/main/**'], message: 'The renderer imports only src/common.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'main/ talks to the renderer only through the host contract.' }],
      }],
    },
  },
);
