// The full text people read: the issue body, its comments and the pull request body, locked as files.
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { issueBody, overdueComment, reminderComment } from '../../src/renewals/issue-body.ts';
import { planRenewals } from '../../src/renewals/plan.ts';
import { prBody } from '../../src/renewals/prs.ts';
import { figmaUsage, renewalFiles } from './helpers.ts';

async function figma(today: string) {
  const { inventory } = await loadInventory(memorySource(renewalFiles({ 'inventory/usage/figma.yaml': figmaUsage('2026-10-01T06:00:00Z', 13, 4) })));
  return planRenewals(inventory, today).find((r) => r.id === 'figma-2026')!;
}

describe('renewal texts', () => {
  it('issue body inside the decision window', async () => {
    await expect(issueBody(await figma('2026-10-20'))).toMatchFileSnapshot('./__snapshots__/issue-notice-window.md');
  });

  it('issue body once the cancel-by date passed', async () => {
    await expect(issueBody(await figma('2026-12-03'))).toMatchFileSnapshot('./__snapshots__/issue-past-cancel-by.md');
  });

  it('comments', async () => {
    const r = await figma('2026-11-02');
    expect(reminderComment(r, 30)).toBe('@ada-l 30 days or fewer to the cancel-by date of **Figma Organization 2026**: 2026-12-01. The decision is still **undecided**; without notice by then it renews by itself on 2027-01-01.');
    expect(overdueComment(await figma('2026-12-02'))).toBe('> [!CAUTION]\n> @ada-l The cancel-by date of **Figma Organization 2026** (2026-12-01) passed and no decision is recorded. It renews by itself on 2027-01-01.');
  });

  it('pull request body', async () => {
    await expect(prBody(await figma('2026-10-20'))).toMatchFileSnapshot('./__snapshots__/pull-request.md');
  });
});
