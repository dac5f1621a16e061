import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Tests render the components from source: the server entry's import of the compiled
// ./Report.svelte.js is pointed at ./Report.svelte, which the Svelte plugin compiles.
export default defineConfig({
  plugins: [svelte({ compilerOptions: { css: 'injected' } })],
  resolve: { alias: [{ find: /^\.\/Report\.svelte\.js$/, replacement: './Report.svelte' }] },
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000, env: { TZ: 'UTC' } },
});
