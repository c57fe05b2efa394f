// A license repo whose history offboards six leavers in different ways (tests/offboarding).
import { ADA, tempRepo, type TestRepo } from '../support/git.ts';
import { LICENSE, ORG, VENDOR } from '../support/inventory.ts';

export const TODAY = '2026-04-20';

const person = (id: string, name: string, tail = 'status: active') => `  - { id: ${id}, name: ${name}, email: ${id}@test.example, department: eng, start: 2020-01-01, ${tail} }\n`;
const leaver = (end: string) => `status: leaver, end: ${end}`;
const NAMES: Record<string, string> = { ada: 'Ada Admin', bob: 'Bob Byte', cy: 'Cy Late', dan: 'Dan Holds', eve: 'Eve Pending', fay: 'Fay Noseat', gus: 'Gus Future', hal: 'Hal Early', ivy: 'Ivy Before' };

/** Ivy left before the first commit. */
function people(ends: Record<string, string>): string {
  const all: Record<string, string> = { ivy: '2025-06-30', ...ends };
  return `people:\n${Object.entries(NAMES).map(([id, name]) => person(id, name, all[id] ? leaver(all[id]) : 'status: active')).join('')}`;
}

const seats = (license: string, tier: string, holders: string[]) => `license: ${license}\nseats:\n${holders.map((h) => `  - { person: ${h}, tier: ${h === 'ada' ? 'full' : tier}, since: 2025-01-06 }\n`).join('')}`;
const figma = (holders: string[]) => seats('figma', 'viewer', holders);
const miro = (holders: string[]) => seats('miro', 'member', holders);

export const org = (removalDays: number | null, fiscalStart = '01-01') =>
  `${ORG}fiscal_year_start: "${fiscalStart}"\n${removalDays === null ? '' : `policies:\n  offboarding: { removal_days: ${removalDays} }\n`}`;

const MIRO_LICENSE = 'id: miro\nname: Miro\nvendor: miro\ntype: subscription\nowner: ada\ntiers:\n  - { id: member, name: Member }\n';

export interface OffboardingRepo {
  repo: TestRepo;
  shas: { hal: string; bob: string; cy: string };
}

/**
 * Hal's seats went before his last day (one two months before: not his offboarding); Bob's both went
 * 3 days after his (PR #4, merged 23:30 UTC: the next day in Berlin); Cy's 10 days after the last day
 * of a quarter; Dan still holds his; Eve's deadline is today; Fay held none; Gus leaves next month; Ivy left before the history begins.
 */
export function buildOffboardingRepo(removalDays: number | null = 5, fiscalStart = '01-01'): OffboardingRepo {
  const repo = tempRepo();
  repo.commit({
    'inventory/org.yaml': org(removalDays, fiscalStart),
    'inventory/people.yaml': people({}),
    'inventory/vendors/figma.yaml': VENDOR,
    'inventory/vendors/miro.yaml': 'id: miro\nname: Miro\n',
    'inventory/licenses/figma.yaml': LICENSE,
    'inventory/licenses/miro.yaml': MIRO_LICENSE,
    'inventory/assignments/figma.yaml': figma(['ada', 'bob', 'cy', 'dan', 'hal']),
    'inventory/assignments/miro.yaml': miro(['bob', 'eve', 'hal']),
  }, { message: 'Initial inventory', date: '2025-10-01T09:00:00Z' });
  repo.commit({ 'inventory/assignments/miro.yaml': miro(['bob', 'eve']) }, { message: 'Hal no longer needs Miro', date: '2025-12-01T09:00:00Z' });
  const hal = repo.squashPullRequest(2, { 'inventory/assignments/figma.yaml': figma(['ada', 'bob', 'cy', 'dan']) }, { message: 'Offboard Hal', date: '2026-01-18T10:00:00Z' });
  repo.commit({ 'inventory/people.yaml': people({ hal: '2026-01-20' }) }, { message: 'Hal left', date: '2026-01-26T09:00:00Z' });
  const bob = repo.mergePullRequest(4, 'offboard-bob', {
    'inventory/people.yaml': people({ hal: '2026-01-20', bob: '2026-02-10' }),
    'inventory/assignments/figma.yaml': figma(['ada', 'cy', 'dan']),
    'inventory/assignments/miro.yaml': miro(['eve']),
  }, { message: 'Offboard Bob', date: '2026-02-12T16:00:00Z', mergedBy: ADA, mergeDate: '2026-02-12T23:30:00Z' });
  const ends = { hal: '2026-01-20', bob: '2026-02-10', fay: '2026-03-15', cy: '2026-03-31', dan: '2026-04-01', eve: '2026-04-15', gus: '2026-05-30' };
  repo.commit({ 'inventory/people.yaml': people(ends) }, { message: 'Leavers of March and April', date: '2026-03-20T09:00:00Z' });
  const cy = repo.commit({ 'inventory/assignments/figma.yaml': figma(['ada', 'dan']) }, { message: 'Remove Cy from Figma', date: '2026-04-10T08:00:00Z' });
  return { repo, shas: { hal, bob, cy } };
}
