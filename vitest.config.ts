import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The packed-package tests take minutes (each installs a license repository, and each workflow
 * runs its own `npm ci`): start them first, so that the rest of the suite runs beside them
 * instead of after them (a fresh clone has no timing cache to order by).
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (f: TestSpecification) => (f.moduleId.includes('/tests/package/') ? 0 : 1);
    return [...sorted].sort((a, b) => slow(a) - slow(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/no-network.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    sequence: { sequencer: SlowFirst },
  },
});
