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

/**
 * Files that change what a process shares: they mock modules (vi.mock, vi.doMock with
 * resetModules), fake the clock or set environment variables that modules read. They run each in
 * a fresh process; every other file shares its worker's loaded modules with the files before it
 * (isolate: false), which saves about 0.9 s of start-up and module loading a file.
 */
const ISOLATED = ['tests/cli/fs-faults.test.ts', 'tests/inventory/spliced.test.ts', 'tests/util/trace.test.ts', 'tests/github/throttle.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
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
