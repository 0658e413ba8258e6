// Builds the SolidJS client into dist/client; the dev server proxies the API and rooms to the
// Node server (npm run dev), so hot reload works against live boards.
import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

const api = process.env.API_URL ?? 'http://127.0.0.1:8080'

export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Every browser Vite's default target covers preloads modules natively: no polyfill needed.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': api,
      '/ws': { target: api.replace(/^http/, 'ws'), ws: true },
    },
  },
})
