import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubPort } from '../../src/github/index.ts';
import { lac } from '../support/cli.ts';
import type { TestRepo } from '../support/git.ts';
import { committedChange, repoWithChange } from '../support/diff-repo.ts';
import { useGitHubFake } from '../support/github-fake/hooks.ts';
import { CONTRACT } from '../support/inventory.ts';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));


const TODAY = ['--today', '2026-03-10'];

describe('lac diff', () => {
  it('tells the change in meaning, with its effect on seats, cost and findings (text)', async () => {
    const repo = repoWithChange(repos);
    const r = await lac(['diff', 'main', '--root', repo.dir, ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'main → working tree',
        '1 seat assigned, 0 removed, 1 tier change · annual cost +486.00 EUR · 2 findings introduced, 0 fixed',
        '',
        'contract.changed   figma-2026: lines[figma/full].quantity: 2 → 3',
        'seat.tier-changed  figma · Bob Byte (bob): viewer → full',
        'seat.assigned      figma · Cy Leaver (cy): assigned full since 2026-02-01',
        'seats figma/full: 1 → 3 of 3 entitled',
        'seats figma/viewer: 1 → 0 of unlimited entitled',
        'annual cost: 972.00 EUR → 1,458.00 EUR',
        'introduces: error seat-held-by-leaver inventory/assignments/figma.yaml:5 Cy Leaver (cy) left on 2026-01-31 and still holds a figma full seat',
        'introduces: warning assignment-before-start inventory/assignments/figma.yaml:5 Cy Leaver (cy) holds a figma full seat since 2026-02-01, after leaving on 2026-01-31',
        '',
      ].join('\n'),
    );
  });

  it('compares two revisions, and says so when nothing changed', async () => {
    const repo = committedChange(repos);
    const md = await lac(['diff', 'main', 'change', '--root', repo.dir, '--format', 'md', ...TODAY]);
    expect(md.stdout).toContain('| figma · Bob Byte (bob) | viewer → full |');
    expect(md.stdout).toContain('| figma | full | 1 | 3 | 3 |  |');
    expect(md.stdout).toContain('Annual cost of the contracts in force: 972.00 EUR → 1,458.00 EUR');
    const none = await lac(['diff', 'change', 'change', '--root', repo.dir, '--format', 'md', ...TODAY]);
    expect(none.stdout).toContain('No change to the inventory.');
    const json = JSON.parse((await lac(['diff', 'main', 'change', '--root', repo.dir, '--format', 'json', ...TODAY])).stdout) as { effects: { annual_cost: unknown } };
    expect(json.effects.annual_cost).toEqual({ currency: 'EUR', before: '972.00', after: '1458.00', delta: '486.00' });
  });

  it('defaults to the merge base with the default branch, and explains a bad revision', async () => {
    const repo = repoWithChange(repos);
    expect((await lac(['diff', '--root', repo.dir, ...TODAY])).stdout.split('\n')[0]).toBe('merge base with main → working tree');
    const bad = await lac(['diff', 'nope', '--root', repo.dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown revision "nope"');
  });
});

describe('lac diff --comment', () => {
  const gh = useGitHubFake({ repos: ['acme/licenses'] });

  it('posts one sticky comment, updates it on the next run, and writes nothing when unchanged', async () => {
    const repo = repoWithChange(repos);
    // Pull requests are issues to the comments API: one stands in for the pull request here.
    const { number } = await createGitHubPort({ env: gh.fake.env() }).ensureIssue({ key: 'test/pr', title: 'Seat changes', body: 'A change' });
    gh.fake.clearRequests();
    const event = join(repo.dir, '..', 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number } }));
    const env = { ...gh.fake.env(), GITHUB_EVENT_PATH: event };
    const first = await lac(['diff', 'main', '--root', repo.dir, '--format', 'md', '--comment', ...TODAY], { env });
    expect(first.stderr).toBe(`pull request #${number}: comment created\n`);
    const again = await lac(['diff', 'main', '--root', repo.dir, '--format', 'md', '--comment', ...TODAY], { env });
    expect(again.stderr).toBe(`pull request #${number}: comment unchanged\n`);
    repo.write({ 'inventory/contracts/figma-2026.yaml': CONTRACT });
    const updated = await lac(['diff', 'main', '--root', repo.dir, '--format', 'md', '--comment', ...TODAY], { env });
    expect(updated.stderr).toBe(`pull request #${number}: comment updated\n`);
    const comments = gh.fake.repo('acme/licenses').comments.filter((c) => c.issue_number === number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('### What this change does');
  });
});
