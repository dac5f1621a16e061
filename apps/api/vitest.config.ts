import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000, env: { TZ: 'UTC' }, fileParallelism: false,
    // the demo environment every setupTestEnv copies, built once per run (@fixops/demo/test-db)
    globalSetup: [createRequire(import.meta.url).resolve('@fixops/demo/test-db-setup')],
  },
});
