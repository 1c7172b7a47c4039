import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/backend/**/*.test.ts'],
    environment: 'node',
    // PDF rendering with a full CJK font takes a few hundred ms the first time.
    testTimeout: 30_000,
    // A suite's setup writes through the whole backend (the fuzz renders papers): as long as a test may take.
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
