// A small license repo whose history holds one of each kind of change.
import { ADA, tempRepo, type Author, type TestRepo } from '../support/git.ts';
import { CONTRACT, files, PEOPLE, SEATS } from '../support/inventory.ts';

export const BOB: Author = { name: 'Bob Byte', email: 'bob@test.example' };
export const DEE: Author = { name: 'Dee Signer', email: 'dee@test.example' };

export const PEOPLE_WITH_DEE = `${PEOPLE}  - { id: dee, name: Dee Dev, email: dee@test.example, department: eng, status: active, start: 2026-01-12 }\n`;
export const SEATS_WITH_DEE = `${SEATS}  - { person: dee, tier: full, since: 2026-01-12 }\n`;
export const SEATS_BOB_FULL = SEATS_WITH_DEE.replace('{ person: bob, tier: viewer', '{ person: bob, tier: full');
export const SEATS_BOB_GONE = SEATS_BOB_FULL.split('\n').filter((l) => !l.includes('person: bob')).join('\n');
export const PEOPLE_BOB_LEFT = PEOPLE_WITH_DEE.replace('status: active, start: 2021-06-01 }', 'status: leaver, start: 2021-06-01, end: 2026-02-27 }');
export const CONTRACT_RENEWED = CONTRACT.replace('start: 2026-01-01', 'start: 2027-01-01').replace('end: 2026-12-31', 'end: 2027-12-31').replace('quantity: 2,', 'quantity: 3,');
export const USAGE = `license: figma
source: csv
taken: 2026-12-20T06:00:00Z
accounts:
  - { account: ada@test.example, person: ada, tier: full, status: active, last_active: 2026-12-18 }
  - { account: dee@test.example, person: dee, tier: full, status: active, last_active: 2026-12-19 }
`;

export interface Fixture {
  repo: TestRepo;
  shas: { initial: string; readme: string; dee: string; upgrade: string; leaver: string; renewal: string; usage: string };
}

/** Seven commits: initial inventory, a README-only commit, PR #2 (merge), #3 (squash), a direct commit, #5, a signed usage snapshot. */
export function buildFixture(): Fixture {
  const repo = tempRepo();
  const initial = repo.commit(files(), { message: 'Initial inventory', date: '2026-01-02T09:00:00Z' });
  const readme = repo.commit({ 'README.md': '# Licenses\n' }, { message: 'Add a README', date: '2026-01-03T09:00:00Z' });
  const dee = repo.mergePullRequest(2, 'add-dee', { 'inventory/people.yaml': PEOPLE_WITH_DEE, 'inventory/assignments/figma.yaml': SEATS_WITH_DEE }, { message: 'Add Dee with a Figma seat', date: '2026-01-09T15:00:00Z', author: BOB, mergedBy: ADA, mergeDate: '2026-01-10T08:30:00Z' });
  const upgrade = repo.squashPullRequest(3, { 'inventory/assignments/figma.yaml': SEATS_BOB_FULL }, { message: 'Upgrade Bob to a full seat', date: '2026-02-01T10:00:00Z', author: BOB });
  const leaver = repo.commit({ 'inventory/people.yaml': PEOPLE_BOB_LEFT, 'inventory/assignments/figma.yaml': SEATS_BOB_GONE }, { message: 'Bob left', date: '2026-03-01T23:30:00Z' });
  const renewal = repo.squashPullRequest(5, { 'inventory/contracts/figma-2026.yaml': CONTRACT_RENEWED }, { message: 'Renew Figma for 2027 with one more seat', date: '2026-12-15T12:00:00Z' });
  const usage = repo.commit({ 'inventory/usage/figma.yaml': USAGE }, { message: 'Usage snapshot: figma', date: '2026-12-20T06:05:00Z', author: DEE, sign: true });
  return { repo, shas: { initial, readme, dee, upgrade, leaver, renewal, usage } };
}
