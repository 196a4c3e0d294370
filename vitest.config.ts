import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit tests sit beside the module they test (src/**/x.test.ts); test/ holds end-to-end runs,
    // reference data, published examples and the bad-input corpus.
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
