// `lac evidence`: the user's mistakes get a located message and exit 2, never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, lac, tempRepo as plainDir } from '../support/cli.ts';
import { files } from '../support/inventory.ts';
import { buildEvidenceRepo, TODAY, type EvidenceRepo } from './fixture.ts';

describe('lac evidence', () => {
  let r: EvidenceRepo;
  beforeAll(() => {
    r = buildEvidenceRepo();
  });
  afterAll(() => r.repo.cleanup());
  const run = (...args: string[]) => lac(['evidence', ...args, '--root', r.repo.dir, '--today', TODAY]);

  it('prints one control of a quarter as text, with the period, the commit and the totals', async () => {
    const out = await run('2026-Q2', '--control', 'renewal-decisions');
    expect(out.code, out.stderr).toBe(0);
    const head = r.repo.git(['rev-parse', 'HEAD']).trim();
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([`Evidence pack FY2026-Q2 (2026-04-01 to 2026-06-30), built from commit ${head} on ${TODAY}`, '', 'Renewal decisions']);
    expect(out.stdout).toContain('1 decision: 1 renew, 0 renegotiate, 0 cancel.\n');
  });

  it.each([
    [['2026-07'], 'lac: 2026-07 is not a fiscal year (2026) or a fiscal quarter (2026-Q2)\n  hint: e.g. lac evidence 2026-Q2\n'],
    [['2026-Q5'], 'lac: 2026-Q5 is not a fiscal year (2026) or a fiscal quarter (2026-Q2)\n  hint: e.g. lac evidence 2026-Q2\n'],
    [['2026', '--format', 'csv'], 'lac: --format csv is one control\'s table\n  hint: add --control, one of access-removal, license-position, unreviewed-changes, renewal-decisions\n'],
    [['2026', '--control', 'seats'], 'lac: --control seats is not one of access-removal, license-position, unreviewed-changes, renewal-decisions\n  hint: e.g. --control access-removal\n'],
    [['2027-Q1'], `lac: FY2027-Q1 starts on 2027-01-01, after today (${TODAY}): there is no evidence yet\n  hint: pass a period that has begun, or --today\n`],
    [['2026', '--format', 'pdf'], 'lac: --format pdf is not one of text, md, csv, json\n  hint: e.g. --format md\n'],
  ])('%j: exit 2 with what to do', async (args, message) => {
    const out = await run(...args);
    expect([out.code, out.stderr, out.stdout]).toEqual([2, message, '']);
  });

  it('outside a git repository: exit 2, the history is needed', async () => {
    const dir = plainDir(files());
    try {
      const out = await lac(['evidence', '2026', '--root', dir]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/^lac: .* is not a git repository\n  hint: history and --at read the git history/);
    } finally {
      cleanup(dir);
    }
  });
});
