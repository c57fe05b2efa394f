import { afterEach, describe, expect, it } from 'vitest';
import { history } from '../../src/history/history.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { CONTRACT, files, LICENSE, PEOPLE, SEATS, VENDOR } from '../support/inventory.ts';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

/** A repo with the base inventory, then one commit with the given files; the events of that commit. */
async function eventsOf(change: Record<string, string | null>): Promise<string[]> {
  const repo = tempRepo();
  repos.push(repo);
  repo.commit(files(), { message: 'Initial inventory', date: '2026-01-02T09:00:00Z' });
  const sha = repo.commit(change, { message: 'Change', date: '2026-02-02T09:00:00Z' });
  const { events } = await history(repo.dir, { order: 'oldest', diskCache: false });
  return events.filter((e) => e.commit === sha).map((e) => {
    const subjects = (['license', 'person', 'device', 'contract', 'vendor'] as const).filter((k) => e[k]).map((k) => `${k}=${e[k]}`).join(' ');
    return `${e.type} ${subjects} ${JSON.stringify(e.details)}`;
  });
}

describe('events by meaning', () => {
  it('ignores reformatting: same data, other layout', async () => {
    const reflowed = SEATS.replace('{ person: ada, tier: full, since: 2026-01-05 }', '{ tier: full, person: ada, since: 2026-01-05 }   # lead designer');
    expect(await eventsOf({ 'inventory/assignments/figma.yaml': reflowed, 'inventory/vendors/figma.yaml': `# Figma\n${VENDOR}` })).toEqual([]);
  });

  it('reports seat notes and dates, person fields, license tiers and vendor fields as field changes', async () => {
    expect(await eventsOf({
      'inventory/assignments/figma.yaml': SEATS.replace('since: 2026-01-05 }', 'since: 2026-01-06, note: design lead }'),
      'inventory/people.yaml': PEOPLE.replace('department: sales', 'department: eng, manager: ada'),
      'inventory/licenses/figma.yaml': `${LICENSE.replace('name: Viewer', 'name: View only')}  - { id: dev, name: Dev Mode }\n`,
      'inventory/vendors/figma.yaml': `${VENDOR}website: https://www.figma.com\n`,
    })).toEqual([
      'seat.changed license=figma person=ada {"field":"since","from":"2026-01-05","to":"2026-01-06"}',
      'seat.changed license=figma person=ada {"field":"note","from":null,"to":"design lead"}',
      'license.changed license=figma {"field":"tiers[viewer].name","from":"Viewer","to":"View only"}',
      'license.changed license=figma {"field":"tiers[dev]","from":null,"to":{"id":"dev","name":"Dev Mode"}}',
      'person.changed person=bob {"field":"department","from":"sales","to":"eng"}',
      'person.changed person=bob {"field":"manager","from":null,"to":"ada"}',
      'vendor.changed vendor=figma {"field":"website","from":null,"to":"https://www.figma.com"}',
    ]);
  });

  it('reports contract lines added and removed, and a contract replaced by a new one', async () => {
    const next = CONTRACT.replace('id: figma-2026', 'id: figma-2027').replace('start: 2026-01-01', 'start: 2027-01-01').replace('end: 2026-12-31', 'end: 2027-12-31')
      .replace('renewal: { decision: undecided }', 'previous: figma-2026');
    expect(await eventsOf({
      'inventory/contracts/figma-2026.yaml': CONTRACT.replace(/ {2}- \{ license: figma, tier: viewer.*\n/, '').replace('auto_renew: true', 'auto_renew: false'),
      'inventory/contracts/figma-2027.yaml': next,
    })).toEqual([
      'contract.changed license=figma contract=figma-2026 {"field":"auto_renew","from":true,"to":false}',
      'contract.changed license=figma contract=figma-2026 {"field":"lines[figma/viewer]","from":{"license":"figma","tier":"viewer","quantity":"unlimited","unit_price":"0"},"to":null}',
      'contract.created license=figma contract=figma-2027 {"vendor":"figma","start":"2027-01-01","end":"2027-12-31","previous":"figma-2026","lines":[{"license":"figma","tier":"full","quantity":2,"unit_price":"540.00"},{"license":"figma","tier":"viewer","quantity":"unlimited","unit_price":"0"}]}',
    ]);
  });

  it('matches records by ID, not by path: a moved file with the same ID is no change; a new ID is a remove and a create', async () => {
    expect(await eventsOf({ 'inventory/vendors/figma.yaml': null, 'inventory/vendors/figma-inc.yaml': VENDOR })).toEqual([]);
    expect(await eventsOf({ 'inventory/vendors/figma.yaml': null, 'inventory/vendors/figma-inc.yaml': VENDOR.replace('id: figma', 'id: figma-inc') })).toEqual([
      'vendor.created vendor=figma-inc {"name":"Figma, Inc."}',
      'vendor.removed vendor=figma {"name":"Figma, Inc."}',
    ]);
  });

  it('reports device seats, removed people and removed licenses', async () => {
    expect(await eventsOf({
      'inventory/assignments/figma.yaml': `${SEATS}  - { device: build-01, tier: full, since: 2026-02-01 }\n`,
      'inventory/people.yaml': PEOPLE.split('\n').filter((l) => !l.includes('id: cy')).join('\n'),
      'inventory/contracts/figma-2026.yaml': null,
    })).toEqual([
      'seat.assigned license=figma device=build-01 {"tier":"full","since":"2026-02-01"}',
      'contract.removed license=figma contract=figma-2026 {"vendor":"figma","start":"2026-01-01","end":"2026-12-31"}',
      'person.removed person=cy {"name":"Cy Leaver","status":"leaver","end":"2026-01-31"}',
    ]);
  });

  it('reports a file that does not parse once, then compares its fix with the last version that did', async () => {
    const repo = tempRepo();
    repos.push(repo);
    repo.commit(files(), { message: 'Initial inventory', date: '2026-01-02T09:00:00Z' });
    const broken = repo.commit({ 'inventory/assignments/figma.yaml': `${SEATS}  - { person: dee, tier: full\n` }, { message: 'Broken', date: '2026-01-03T09:00:00Z' });
    const fixed = repo.commit({ 'inventory/assignments/figma.yaml': `${SEATS}  - { person: dee, tier: full, since: 2026-01-03 }\n` }, { message: 'Fixed', date: '2026-01-04T09:00:00Z' });
    const { events } = await history(repo.dir, { order: 'oldest', diskCache: false, since: '2026-01-03' });
    expect(events.map((e) => [e.commit, e.type, e.person ?? e.file])).toEqual([
      [broken, 'file.unreadable', 'inventory/assignments/figma.yaml'],
      [fixed, 'seat.assigned', 'dee'],
    ]);
  });

  it('counts accounts of successive usage snapshots', async () => {
    const repo = tempRepo();
    repos.push(repo);
    const usage = (n: number) => `license: figma\nsource: csv\ntaken: 2026-0${n}-01T06:00:00Z\naccounts:\n${Array.from({ length: n }, (_, i) => `  - { account: u${i}@test.example }\n`).join('')}`;
    repo.commit({ ...files(), 'inventory/usage/figma.yaml': usage(2) }, { message: 'Initial', date: '2026-01-02T09:00:00Z' });
    repo.commit({ 'inventory/usage/figma.yaml': usage(3) }, { message: 'Usage', date: '2026-03-01T09:00:00Z' });
    repo.commit({ 'inventory/usage/figma.yaml': null }, { message: 'No more usage', date: '2026-04-01T09:00:00Z' });
    const { events } = await history(repo.dir, { order: 'oldest', diskCache: false, license: 'figma', since: '2026-02-01' });
    expect(events.map((e) => [e.type, e.details])).toEqual([
      ['usage.snapshot', { source: 'csv', taken: '2026-03-01T06:00:00Z', accounts: 3, previous: 2 }],
      ['usage.removed', { source: 'csv', taken: '2026-03-01T06:00:00Z' }],
    ]);
  });

  it('takes squash titles and merge messages for pull request numbers, and nothing else', async () => {
    const { pullRequestNumber } = await import('../../src/history/commits.ts');
    expect(pullRequestNumber('Merge pull request #12 from org/branch\n\nAdd Dee')).toBe(12);
    expect(pullRequestNumber('Add Dee (#34)\n\n* commit one')).toBe(34);
    expect(pullRequestNumber('Fix #12 in the parser')).toBeNull();
    expect(pullRequestNumber('Merge branch main into feature')).toBeNull();
  });
});
