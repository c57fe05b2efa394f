// The offboarding history (tests/offboarding/fixture.ts) and then a contract and its renewal decision:
// a direct push, an approved merge, a squash merge without approval whose author's name is hostile text;
// then a README edit.
import type { ChangeApproval } from '../../src/history/approval.ts';
import type { HistoryEvent } from '../../src/history/history.ts';
import { buildOffboardingRepo, type OffboardingRepo } from '../offboarding/fixture.ts';
import { ADA, type Author } from '../support/git.ts';
import { CONTRACT } from '../support/inventory.ts';

export { TODAY } from '../offboarding/fixture.ts';

export const MALLORY: Author = { name: '=Mal | *x* [y](javascript:alert(1))', email: 'mal@test.example' };
export const HOSTILE_TITLE = '<script>alert(1)</script> | **bold** @everyone';

export interface EvidenceRepo extends OffboardingRepo {
  more: { contract: string; renew: string; quantity: string; readme: string };
}

const decided = CONTRACT.replace('renewal: { decision: undecided }', 'renewal: { decision: renew, decided_by: ada, decided_on: 2026-04-13 }');

export function buildEvidenceRepo(): EvidenceRepo {
  const r = buildOffboardingRepo(5);
  const contract = r.repo.commit({ 'inventory/contracts/figma-2026.yaml': CONTRACT }, { message: 'Figma contract', date: '2026-04-12T09:00:00Z' });
  const renew = r.repo.mergePullRequest(7, 'renew-figma', { 'inventory/contracts/figma-2026.yaml': decided }, { message: 'Renew Figma', date: '2026-04-13T10:00:00Z', mergedBy: ADA, mergeDate: '2026-04-14T08:00:00Z' });
  const quantity = r.repo.squashPullRequest(8, { 'inventory/contracts/figma-2026.yaml': decided.replace('quantity: 2,', 'quantity: 3,') }, { message: 'More Figma', date: '2026-04-15T09:00:00Z', author: MALLORY });
  // A commit that changes nothing under inventory/: the site has no commit page for it.
  const readme = r.repo.commit({ 'README.md': '# Licenses\n' }, { message: 'Readme', date: '2026-04-16T09:00:00Z' });
  return { ...r, more: { contract, renew, quantity, readme } };
}

const approval = (status: ChangeApproval['status'], approvers: string[] = [], prTitle?: string): ChangeApproval => ({ status, reviewers: approvers, approvers, signature: 'unsigned', ...(prTitle ? { prTitle } : {}) });

/** The review records GitHub would give (the approvals work fills them from the API); the plain "Figma contract" push has none: not looked up. */
export function withApprovals(r: EvidenceRepo, events: HistoryEvent[]): HistoryEvent[] {
  const records = new Map<string, ChangeApproval>([
    [r.shas.hal, approval('not-approved', [], 'Offboard Hal')],
    [r.shas.bob, approval('approved', ['ada-l'], 'Offboard Bob')],
    [r.shas.cy, approval('no-pull-request')],
    [r.more.renew, approval('approved', ['ada-l', 'bob-b'], 'Renew Figma')],
    [r.more.quantity, approval('not-approved', [], HOSTILE_TITLE)],
  ]);
  return events.map((e) => (records.has(e.commit) ? { ...e, approval: records.get(e.commit)! } : e));
}
