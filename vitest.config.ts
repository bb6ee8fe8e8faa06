import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests start real servers; give them room, but tests never assert on time.
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
