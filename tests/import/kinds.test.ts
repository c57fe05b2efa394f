import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/check/run.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { ORG, PEOPLE } from '../support/inventory.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(cleanup));
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('one sheet per kind, and re-runs that update', () => {
  it('imports people, contracts and seats sheets one after the other into a green check', async () => {
    const dir = tempRepo({
      'inventory/org.yaml': ORG,
      'people.csv': 'Full name,Email,Status\nAda Lovelace,ada@acme.example,Active\nCy Old,cy@acme.example,Left\n',
      'people.yaml': 'kind: people\nlocale: en-GB\ncolumns: { person: Full name, email: Email, status: Status }\n',
      'contracts.csv': 'Product,Vendor,Tier,Seats,Price,Start,End,Order\nJira,Atlassian,Standard,10,€70.00,01/04/2026,31/03/2027,AT-1\n',
      'contracts.yaml': 'kind: contracts\nlocale: en-GB\ncolumns: { product: Product, vendor: Vendor, tier: Tier, quantity: Seats, cost: Price, start: Start, end: End, order_number: Order }\n',
      'seats.csv': 'Email,Product,Vendor,Tier,Since\nada@acme.example,Jira,Atlassian,Standard,02/04/2026\n',
      'seats.yaml': 'kind: seats\nlocale: en-GB\ncolumns: { email: Email, product: Product, vendor: Vendor, tier: Tier, since: Since }\n',
    });
    dirs.push(dir);
    for (const kind of ['people', 'contracts', 'seats']) {
      const r = await lac(['import', 'spreadsheet', `${kind}.csv`, '--mapping', `${kind}.yaml`], { cwd: dir });
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    expect(read(dir, 'inventory/people.yaml')).toContain('  - { id: cy, name: Cy Old, email: cy@acme.example, status: leaver }\n');
    expect(read(dir, 'inventory/contracts/jira-2026.yaml')).toContain('vendor: atlassian\ntitle: Jira until 2027-03-31\ncurrency: EUR\nstart: 2026-04-01\nend: 2027-03-31\norder_number: AT-1\nlines:\n  - { license: jira, tier: standard, quantity: 10, unit_price: "70.00" }\n');
    expect(read(dir, 'inventory/assignments/jira.yaml')).toContain('  - { person: ada, tier: standard, since: 2026-04-02 }\n');
    const findings = (await check(fsSource(dir), { today: '2026-05-01' })).findings.filter((f) => f.severity === 'error');
    expect(findings).toEqual([]);
  });

  it('a re-run after the sheet changed updates the contract in place, keeps comments, adds the new seat only', async () => {
    const mapping = 'locale: en-US\ncurrency: USD\ncolumns: { person: Name, email: Email, product: Product, tier: Tier, cost: Cost, renewal: Renewal }\n';
    const dir = tempRepo({ 'inventory/org.yaml': ORG, 'm.yaml': mapping, 's.csv': 'Name,Email,Product,Tier,Cost,Renewal\nAda,ada@acme.example,Figma,Full,540,03/01/2027\n' });
    dirs.push(dir);
    await lac(['import', 'spreadsheet', 's.csv', '--mapping', 'm.yaml', '--today', '2026-05-01'], { cwd: dir });
    const path = join(dir, 'inventory/contracts/figma-2026.yaml');
    writeFileSync(path, read(dir, 'inventory/contracts/figma-2026.yaml').replace('currency: USD\n', '# signed by Finance\ncurrency: USD\n'));
    writeFileSync(join(dir, 's.csv'), 'Name,Email,Product,Tier,Cost,Renewal\nAda,ada@acme.example,Figma,Full,540,03/01/2027\nBob,bob@acme.example,Figma,Full,540,03/01/2027\n');
    const r = await lac(['import', 'spreadsheet', 's.csv', '--mapping', 'm.yaml', '--today', '2026-05-02'], { cwd: dir });
    expect(r.stdout).toContain('contracts: 0 new, 1 updated, 0 unchanged');
    expect(read(dir, 'inventory/contracts/figma-2026.yaml')).toContain('# signed by Finance\ncurrency: USD\nstart: 2026-03-01\nend: 2027-02-28\nlines:\n  - { license: figma, tier: full, quantity: 2, unit_price: "540" }\n');
    expect(read(dir, 'inventory/assignments/figma.yaml').match(/person:/g)).toHaveLength(2);
    expect((await check(fsSource(dir), { today: '2026-05-02' })).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('says which exchange rates org.yaml lacks for the contracts it wrote', async () => {
    const dir = tempRepo({ 'inventory/org.yaml': ORG, 'm.yaml': 'locale: en-GB\ncolumns: { email: Email, product: Product, cost: Cost, renewal: Renewal }\n', 's.csv': 'Email,Product,Cost,Renewal\nada@acme.example,Xero,£300.00,01/04/2027\n' });
    dirs.push(dir);
    const r = await lac(['import', 'spreadsheet', 's.csv', '--mapping', 'm.yaml', '--dry-run'], { cwd: dir });
    expect(r.stdout).toContain('note: contracts in GBP: add exchange_rates: { GBP: "<value of 1 GBP in EUR>" } to inventory/org.yaml\n');
  });

  it('gathers one contract from rows of two tiers, and keeps the lines and title people wrote in a matched contract', async () => {
    const existing = `id: atlassian-2026
vendor: atlassian
title: Atlassian Cloud 2026
currency: EUR
start: 2026-04-01
end: 2027-03-31
lines:
  - { license: confluence, tier: standard, quantity: 5, unit_price: "60.00" }
  - { license: jira, tier: standard, quantity: 1, unit_price: "1.00" }
`;
    const dir = tempRepo({
      'inventory/org.yaml': ORG,
      'inventory/vendors/atlassian.yaml': 'id: atlassian\nname: Atlassian\n',
      'inventory/licenses/confluence.yaml': 'id: confluence\nname: Confluence\nvendor: atlassian\ntype: subscription\ntiers:\n  - { id: standard, name: Standard }\n',
      'inventory/licenses/jira.yaml': 'id: jira\nname: Jira\nvendor: atlassian\ntype: subscription\ntiers:\n  - { id: standard, name: Standard }\n',
      'inventory/contracts/atlassian-2026.yaml': existing,
      'c.csv': 'Product,Vendor,Tier,Seats,Price,Start,End\nJira,Atlassian,Standard,10,€70.00,2026-04-01,2027-03-31\nJira,Atlassian,Premium,2,€130.00,2026-04-01,2027-03-31\n',
      'c.yaml': 'kind: contracts\nlocale: en-GB\ncolumns: { product: Product, vendor: Vendor, tier: Tier, quantity: Seats, cost: Price, start: Start, end: End }\n',
    });
    dirs.push(dir);
    const r = await lac(['import', 'spreadsheet', 'c.csv', '--mapping', 'c.yaml'], { cwd: dir });
    expect(r.stdout).toContain('contracts: 0 new, 1 updated, 0 unchanged');
    expect(read(dir, 'inventory/contracts/atlassian-2026.yaml')).toBe(existing.replace('  - { license: jira, tier: standard, quantity: 1, unit_price: "1.00" }\n', '  - { license: jira, tier: standard, quantity: 10, unit_price: "70.00" }\n  - { license: jira, tier: premium, quantity: 2, unit_price: "130.00" }\n'));
    expect(read(dir, 'inventory/licenses/jira.yaml')).toContain('  - { id: premium, name: Premium }');
  });

  it('matches holders by full name to people.yaml when the sheet has no emails; an unknown or shared name is named', async () => {
    const people = PEOPLE.replace('people:\n', 'people:\n  - { id: ada2, name: Bob Byte, email: bob2@test.example, status: active }\n');
    const dir = tempRepo({
      'inventory/org.yaml': ORG,
      'inventory/people.yaml': people,
      's.csv': 'Person,Product,Tier,Cost,Renewal date\nAda Lovelace,Figma,Full,$540.00,03/01/2027\nZed Unknown,Figma,Full,$540.00,03/01/2027\nBob Byte,Figma,Full,$540.00,03/01/2027\n',
    });
    dirs.push(dir);
    const guess = await lac(['import', 'spreadsheet', 's.csv', '--guess'], { cwd: dir });
    writeFileSync(join(dir, 'm.yaml'), guess.stdout);
    expect(guess.stdout).toContain('kind: flat\n');
    const r = await lac(['import', 'spreadsheet', 's.csv', '--mapping', 'm.yaml', '--today', '2026-04-01'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not imported s.csv:3: "Zed Unknown" matches nobody in people.yaml by name; add an email column, or add them to people.yaml first\n');
    expect(r.stdout).toContain('not imported s.csv:4: "Bob Byte" is the name of more than one person in people.yaml; add an email column\n');
    expect(read(dir, 'inventory/assignments/figma.yaml')).toContain('seats:\n  - { person: ada, tier: full, since: 2026-04-01 }\n');
    expect(read(dir, 'inventory/people.yaml')).toBe(people);
  });
});
