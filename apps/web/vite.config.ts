import { sveltekit } from '@sveltejs/kit/vite';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { settingOrFail } from '@fixops/config';

// The server build never bundles DuckDB or the workspace packages that open it: the dashboard
// reaches data only through the API (in-process when `fixops start` mounts it).
const SERVER_EXTERNAL = ['@duckdb/node-api', '@fixops/accounts', '@fixops/api', '@fixops/db', '@fixops/demo', '@fixops/ingest', '@fixops/metrics'];

const apiUrl = settingOrFail('apiUrl');

export default defineConfig({
  plugins: [sveltekit()],
  ssr: { external: SERVER_EXTERNAL },
  // `vite dev` against a running `fixops serve`: FIXOPS_API_URL=http://127.0.0.1:3000 pnpm --filter @fixops/web exec vite dev
  server: apiUrl ? { proxy: { '/api': apiUrl } } : {},
  test: {
    // e2e files each load the demo network and run Chromium: one file at a time on a small machine.
    fileParallelism: false,
    projects: [
      // Helpers and components, compiled by the Svelte plugin.
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      // The built server in a real browser: no Svelte plugin, so the build's *.svelte.js chunks load as they are.
      // Demo databases are loaded once per run and copied per file (@fixops/demo/test-db).
      { test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 240_000, globalSetup: [createRequire(import.meta.url).resolve('@fixops/demo/test-db-setup')] } },
    ],
  },
});
