// Evidence packs (issue 15) from a real git history: per fiscal quarter, the exact rows of each
// control (access removal, position at the period end, unreviewed changes, renewal decisions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidencePack } from '../../src/analysis/evidence/index.ts';
import { NOT_AVAILABLE } from '../../src/analysis/evidence/words.ts';
import { history } from '../../src/history/history.ts';
import { gitSource } from '../../src/inventory/git-source.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { formatEvidence } from '../../src/report/evidence/format.ts';
import { controlTable } from '../../src/report/evidence/tables.ts';
import { evidencePacks, periodsWithHistory, type EvidenceInput } from '../../src/report/evidence/run.ts';
import { buildEvidenceRepo, HOSTILE_TITLE, TODAY, withApprovals, type EvidenceRepo } from './fixture.ts';

const TZ = 'Europe/Berlin';

async function input(r: EvidenceRepo, approvals: boolean): Promise<EvidenceInput> {
  const head = r.repo.git(['rev-parse', 'HEAD']).trim();
  const { inventory } = await loadInventory(gitSource(r.repo.dir, head));
  const { events } = await history(r.repo.dir, { timeZone: TZ, diskCache: false });
  return { root: r.repo.dir, head, inventory, events: approvals ? withApprovals(r, events) : events, today: TODAY, timeZone: TZ };
}

const brief = (c: { commit: string; pr: number | null; approval: { status: string; approvers: string[] } | null } | null) =>
  (c ? `${c.commit.slice(0, 7)} #${c.pr ?? '-'} ${c.approval ? `${c.approval.status}${c.approval.approvers.length ? ` ${c.approval.approvers.join('+')}` : ''}` : 'n/a'}` : null);

describe('evidence packs', () => {
  let r: EvidenceRepo;
  let packs: EvidencePack[];
  let sha: (s: string) => string;
  beforeAll(async () => {
    r = buildEvidenceRepo();
    const i = await input(r, true);
    packs = await evidencePacks(i, periodsWithHistory(i));
    sha = (s) => s.slice(0, 7);
  });
  afterAll(() => r.repo.cleanup());
  const pack = (label: string) => packs.find((p) => p.period.label === label)!;

  it('has one pack per fiscal year and quarter from the first commit (2025-10-01) to today', () => {
    expect(packs.map((p) => [p.period.label, p.period.from, p.period.to, p.asOf])).toEqual([
      ['FY2025', '2025-01-01', '2025-12-31', '2025-12-31'], ['FY2025-Q4', '2025-10-01', '2025-12-31', '2025-12-31'],
      ['FY2026', '2026-01-01', '2026-12-31', TODAY], ['FY2026-Q1', '2026-01-01', '2026-03-31', '2026-03-31'], ['FY2026-Q2', '2026-04-01', '2026-06-30', TODAY],
    ]);
  });

  it('(a) access removal: each leaver whose last day is in the quarter, every seat with its removal commit, PR, approver and days', () => {
    const rows = (label: string) => pack(label).access.map((a) => [a.person, a.end, a.seat ? `${a.seat.license}/${a.seat.tier}` : null, a.removal?.on ?? null, brief(a.removal), a.days, a.status, `${a.file}${a.line ? `:${a.line}` : ''}`]);
    expect(rows('FY2026-Q1')).toEqual([
      ['hal', '2026-01-20', 'figma/viewer', '2026-01-18', `${sha(r.shas.hal)} #2 not-approved`, -2, 'on time', 'inventory/assignments/figma.yaml'],
      ['bob', '2026-02-10', 'figma/viewer', '2026-02-13', `${sha(r.shas.bob)} #4 approved ada-l`, 3, 'on time', 'inventory/assignments/figma.yaml'],
      ['bob', '2026-02-10', 'miro/member', '2026-02-13', `${sha(r.shas.bob)} #4 approved ada-l`, 3, 'on time', 'inventory/assignments/miro.yaml'],
      ['fay', '2026-03-15', null, null, null, null, 'no seats', 'inventory/people.yaml:7'],
      ['cy', '2026-03-31', 'figma/viewer', '2026-04-10', `${sha(r.shas.cy)} #- no-pull-request`, 10, 'late', 'inventory/assignments/figma.yaml'],
    ]);
    expect(rows('FY2026-Q2')).toEqual([
      ['dan', '2026-04-01', 'figma/viewer', null, null, 19, 'overdue, still held', 'inventory/assignments/figma.yaml:4'],
      ['eve', '2026-04-15', 'miro/member', null, null, 5, 'still held, within the deadline', 'inventory/assignments/miro.yaml:3'],
    ]);
    expect(rows('FY2026')).toEqual([...rows('FY2026-Q1'), ...rows('FY2026-Q2')]);
    expect(controlTable(pack('FY2026-Q1'), 'access-removal').totals).toBe('4 leavers, 4 seats: 4 removed (3 within the policy\'s 5 days), 0 still held.');
  });

  it('(b) the position per vendor on the quarter\'s last day, from the commit in force then, with the contract lines behind it', () => {
    const q1 = pack('FY2026-Q1');
    expect(q1.asOfCommit).toBe(r.repo.git(['rev-list', '-1', '--first-parent', '--before=2026-03-31T22:00:00Z', 'HEAD']).trim());
    const rows = (p: EvidencePack) => p.position!.map((l) => [l.vendor, l.license, l.tier, l.entitled, l.deployed, l.balance, l.trueUp, l.contracts.map((c) => `${c.contract} ${c.file}:${c.line}`)]);
    expect(rows(q1)).toEqual([
      ['figma', 'figma', 'full', null, 1, -1, null, []],
      ['figma', 'figma', 'viewer', null, 2, -2, null, []],
      ['miro', 'miro', 'member', null, 1, -1, null, []],
    ]);
    const q2 = pack('FY2026-Q2');
    expect(q2.asOfCommit).toBe(r.more.readme);
    expect(rows(q2)).toEqual([
      ['figma', 'figma', 'full', 3, 1, 2, '0.00', ['figma-2026 inventory/contracts/figma-2026.yaml:11']],
      ['figma', 'figma', 'viewer', 'unlimited', 1, null, '0.00', ['figma-2026 inventory/contracts/figma-2026.yaml:12']],
      ['miro', 'miro', 'member', null, 1, -1, null, []],
    ]);
    expect(controlTable(q1, 'license-position').totals).toBe('2 vendors, 3 license tiers; 3 tiers short by 4 seats; true-up 0.00 EUR per year plus unknown amounts (no price).');
  });

  it('(c) the changes that landed without an approving review, and the count of those whose record is not available', () => {
    const rows = (label: string) => pack(label).unreviewed.map((c) => [c.on, brief(c), c.author, c.summary, c.files]);
    expect(rows('FY2026-Q1')).toEqual([['2026-01-18', `${sha(r.shas.hal)} #2 not-approved`, 'Ada Lovelace', 'seat.removed', ['inventory/assignments/figma.yaml']]]);
    expect(rows('FY2026-Q2')).toEqual([
      ['2026-04-10', `${sha(r.shas.cy)} #- no-pull-request`, 'Ada Lovelace', 'seat.removed', ['inventory/assignments/figma.yaml']],
      ['2026-04-15', `${sha(r.more.quantity)} #8 not-approved`, '=Mal | *x* [y](javascript:alert(1))', 'contract.changed', ['inventory/contracts/figma-2026.yaml']],
    ]);
    expect(pack('FY2026-Q1').reviews).toEqual({ changes: 4, approved: 1, notApproved: 1, noPullRequest: 0, unavailable: 2 });
    expect(pack('FY2026-Q2').reviews).toEqual({ changes: 4, approved: 1, notApproved: 1, noPullRequest: 1, unavailable: 1 });
    expect(controlTable(pack('FY2026-Q2'), 'unreviewed-changes').totals).toBe(`4 changes to the inventory landed in the period: 1 approved, 1 merged without an approving review, 1 without a pull request, 1 whose review record is ${NOT_AVAILABLE}.`);
  });

  it('(d) the renewal decisions that landed in the quarter, who decided, and the PR\'s approvers', () => {
    expect(pack('FY2026-Q2').renewals.map((d) => [d.contract, d.decision, d.previous, d.decidedBy, d.decidedOn, d.change.on, brief(d.change), d.file])).toEqual([
      ['figma-2026', 'renew', 'undecided', 'ada', '2026-04-13', '2026-04-14', `${sha(r.more.renew)} #7 approved ada-l+bob-b`, 'inventory/contracts/figma-2026.yaml'],
    ]);
    expect(pack('FY2026-Q1').renewals).toEqual([]);
  });

  it('a control with no rows says so, in every format', () => {
    const q4 = pack('FY2025-Q4');
    expect(q4.access).toEqual([]);
    const t = controlTable(q4, 'access-removal');
    expect(t.empty).toBe('No leaver\'s last day falls in this period.');
    const origin = { head: 'abc', generated: TODAY };
    expect(formatEvidence(q4, 'text', origin, 'access-removal')).toContain('  No leaver\'s last day falls in this period.\n');
    expect(formatEvidence(q4, 'md', origin, 'renewal-decisions')).toContain('\nNo renewal decision landed in this period.\n');
    expect(formatEvidence(q4, 'csv', origin, 'access-removal')).toBe('\uFEFFPerson,Person_id,Person_email,Name,Last day,Seat,Removed on,Commit,Commit_id,Pull request,Approval,Days,Status,Record\r\n');
  });

  it('hostile commit and pull request text is escaped in markdown and neutralised in CSV', () => {
    const q2 = pack('FY2026-Q2');
    const md = formatEvidence(q2, 'md', { head: 'abc', generated: TODAY }, 'unreviewed-changes');
    expect(md).toContain('\\#8 &lt;script&gt;alert(1)&lt;/script&gt; &#124; \\*\\*bold\\*\\* @\u200beveryone');
    expect(md).toContain('=Mal &#124; \\*x\\* \\[y\\](javascript:alert(1))');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain(HOSTILE_TITLE);
    const csv = formatEvidence(q2, 'csv', { head: 'abc', generated: TODAY }, 'unreviewed-changes');
    // A cell a spreadsheet would run as a formula starts with an apostrophe (src/report/csv.ts).
    expect(csv).toContain(`,#8 ${HOSTILE_TITLE},'=Mal | *x* [y](javascript:alert(1)),`);
    expect(csv.split('\r\n')).toHaveLength(4);
  });
});

describe('evidence packs without the review records (no API access at build time)', () => {
  let r: EvidenceRepo;
  beforeAll(() => {
    r = buildEvidenceRepo();
  });
  afterAll(() => r.repo.cleanup());

  it('says "not available", never "none", for every approval, and lists no change as unreviewed', async () => {
    const i = await input(r, false);
    const [q1] = await evidencePacks(i, periodsWithHistory(i).filter((p) => p.label === 'FY2026-Q1'));
    expect(q1!.reviews).toEqual({ changes: 4, approved: 0, notApproved: 0, noPullRequest: 0, unavailable: 4 });
    expect(q1!.unreviewed).toEqual([]);
    const access = controlTable(q1!, 'access-removal');
    expect(access.rows.filter((row) => row[3] !== 'none held').map((row) => row[7])).toEqual([NOT_AVAILABLE, NOT_AVAILABLE, NOT_AVAILABLE, NOT_AVAILABLE]);
    expect(controlTable(q1!, 'unreviewed-changes').empty).toBe(`No change is known to have landed without an approving review; the review record of 4 changes is ${NOT_AVAILABLE}.`);
    expect(formatEvidence(q1!, 'text', { head: 'abc', generated: TODAY })).not.toMatch(/\bnone\b(?! held)/);
  });
});
