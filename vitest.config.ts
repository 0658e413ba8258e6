// Test runner settings, as three Vitest projects:
// - node: server, shared and integration tests (real servers, so allow time);
// - client: the SolidJS client's own tests, TSX compiled by vite-plugin-solid. Under Node,
//   solid-js's package exports would pick its server build, where effects run once and never
//   again; the 'browser' and 'development' conditions select the reactive development build (see
//   test/client/reactivity-smoke.test.ts). Vitest also passes them to Node as --conditions, so
//   solid-js/store and solid-js/web share the same solid-js instance;
// - e2e: the built client in a real Chromium against a real server (test/e2e/); one file at a
//   time, since a browser is heavy on a small machine.
import solid from 'vite-plugin-solid'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/client/**', 'test/e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ['browser', 'development'] },
        test: {
          name: 'client',
          include: ['test/client/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
