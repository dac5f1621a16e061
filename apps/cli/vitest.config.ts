import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, env: { TZ: 'UTC' }, fileParallelism: true, maxWorkers: 2,
    // the demo databases tests copy (test-helpers/run.ts demoCopy), built once per run (@fixops/demo/test-db)
    globalSetup: [createRequire(import.meta.url).resolve('@fixops/demo/test-db-setup')],
  },
});
