// Lint: typescript-eslint's recommended rules plus the project's import boundaries
// (dependency-cruiser checks the same boundaries and cycles across the whole graph).
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '.dependency-cruiser.cjs',
      'dist/**',
      'node_modules/**',
      'data/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['client/public/sw.js'], languageOptions: { globals: globals.serviceworker } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/client/**'],
              message: 'shared/ is pure: it imports neither server/ nor client/.',
            },
            {
              group: ['node:*', 'fs', 'path', 'ws', 'hono', 'hono/*', 'better-sqlite3', 'pino'],
              message: 'shared/ does no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/room/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '@hono/*', 'ws', '**/http/**'],
              message: 'The room core knows no Hono and no ws.',
            },
          ],
        },
      ],
    },
  },
)
