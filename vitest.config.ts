import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The packed-package tests take minutes (each installs a license repository, and each workflow
 * runs its own `npm ci`), and the browser tests a minute or two each: start them first, so that
 * the many short files fill the two workers at the end instead of one long file running alone
 * (a fresh clone has no timing cache to order by).
 */
const SLOW = ['/tests/package/', '/tests/browser/'];
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW.findIndex((dir) => f.moduleId.includes(dir));
      return i < 0 ? SLOW.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/shared-root.ts'],
    setupFiles: ['tests/support/no-network.ts', 'tests/support/property-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine, which
    // leaves the second core idle while the packed-package tests wait on npm. Two workers run
    // them beside the rest; every test's budget holds on a busy 2-core machine.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
  },
});
