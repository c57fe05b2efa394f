// The reasons a renewal issue is closed, against the in-memory port (the HTTP flow is in issues.test.ts).
import { describe, expect, it } from 'vitest';
import { createMemoryGitHub, GitHubError } from '../../src/github/index.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { applyIssues, planIssues } from '../../src/renewals/issues.ts';
import { planRenewals, withinWindow } from '../../src/renewals/plan.ts';
import { FIGMA_CONTRACT, renewalFiles } from './helpers.ts';

async function runOn(gh: ReturnType<typeof createMemoryGitHub>, fileMap: Record<string, string>, today: string) {
  const { inventory } = await loadInventory(memorySource(fileMap));
  const all = planRenewals(inventory, today);
  const plan = planIssues({ inWindow: withinWindow(all, today, 90), all, open: await gh.port.listIssuesByLabel('lac', 'open'), labels: [] });
  return applyIssues(gh.port, plan);
}

const lastComment = (gh: ReturnType<typeof createMemoryGitHub>) => [...gh.comments.values()].at(-1)!.body;

describe('closing renewal issues', () => {
  it.each([
    ['a successor contract names it', { 'inventory/contracts/figma-2027.yaml': FIGMA_CONTRACT.replace('id: figma-2026', 'id: figma-2027\nprevious: figma-2026').replace('start: 2026-01-01', 'start: 2027-01-01').replace('end: 2026-12-31', 'end: 2027-12-31') }, 'Closing: renewed: `figma-2027` follows `figma-2026` (`previous: figma-2026`).'],
    ['a decision is recorded', { 'inventory/contracts/figma-2026.yaml': FIGMA_CONTRACT.replace('decision: undecided', 'decision: renegotiate\n  decided_by: ada\n  decided_on: 2026-10-25') }, 'Closing: decided: `renegotiate` is recorded by ada on 2026-10-25.'],
    ['the contract file is gone', { 'inventory/contracts/figma-2026.yaml': null }, 'Closing: contract `figma-2026` is no longer in the inventory (or no longer has a term).'],
  ] as const)('closes it when %s', async (_, change, comment) => {
    const gh = createMemoryGitHub();
    await runOn(gh, renewalFiles(), '2026-10-20');
    const opened = [...gh.issues.values()].find((i) => i.title.includes('Figma'))!;
    const out = await runOn(gh, renewalFiles(change as Record<string, string | null>), '2026-10-26');
    expect(out.find((o) => o.key === 'renewal/figma-2026/2026-12-31')?.action).toBe('closed');
    expect(gh.issues.get(opened.number)!.state).toBe('closed');
    expect(lastComment(gh)).toBe(comment);
    // The zoom issue is untouched, and a further run changes nothing.
    const writes = gh.writes.length;
    await runOn(gh, renewalFiles(change as Record<string, string | null>), '2026-10-26');
    expect(gh.writes.length).toBe(writes);
  });

  it('closes it when the contract renewed by itself, and opens the next term\'s issue when it is due', async () => {
    const gh = createMemoryGitHub();
    await runOn(gh, renewalFiles(), '2026-10-20');
    // Nobody recorded anything; on 2027-11-01 the contract rolled into 2027 and its next cancel-by is 2027-12-01.
    const out = await runOn(gh, renewalFiles(), '2027-11-01');
    expect(out.map((o) => [o.key, o.action])).toEqual([
      ['renewal/figma-2026/2027-12-31', 'created'],
      ['renewal/figma-2026/2026-12-31', 'closed'],
      ['renewal/zoom-2026/2027-02-28', 'closed'],
    ]);
    const comments = [...gh.comments.values()].map((c) => c.body);
    expect(comments).toContain('Closing: renewed: the term ending 2026-12-31 moved on (it renewed by itself); the term in force runs 2027-01-01 to 2027-12-31.');
    expect(comments).toContain('Closing: the term ended on 2027-02-28 and the contract did not renew.');
  });
});

describe('assignees GitHub rejects', () => {
  it('opens the issue unassigned when the owner cannot be assigned', async () => {
    const gh = createMemoryGitHub();
    const port = {
      ...gh.port,
      ensureIssue: async (spec: Parameters<typeof gh.port.ensureIssue>[0]) => {
        if (spec.assignees?.length) throw new GitHubError('POST /repos/{owner}/{repo}/issues', 422, 'Validation Failed (assignees: invalid)');
        return gh.port.ensureIssue(spec);
      },
    };
    const { inventory } = await loadInventory(memorySource(renewalFiles()));
    const all = planRenewals(inventory, '2026-10-20');
    const out = await applyIssues(port, planIssues({ inWindow: all, all, open: [], labels: [] }));
    expect(out.map((o) => o.action)).toEqual(['created', 'created']);
    expect([...gh.issues.values()].map((i) => i.assignees)).toEqual([[], []]);
  });
});
