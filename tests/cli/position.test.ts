// `lac position` (issue 17): the effective license position per product and tier, as of any
// date, with the contract lines and POs behind each entitlement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lac } from '../support/cli.ts';
import { tempRepo, type TestRepo } from '../support/git.ts';
import { files } from '../support/inventory.ts';

const CAD = `id: cad
name: CAD Suite
vendor: cadco
type: concurrent
tiers:
  - { id: pro, name: Professional }
  - { id: sim, name: Simulation }
`;
const cadContract = (sim: number) => `id: cad-2026
vendor: cadco
currency: EUR
start: 2026-01-01
end: 2026-12-31
po_number: PO-77
documents:
  - { title: Order form, url: "https://contracts.example/cad-2026.pdf" }
lines:
  - { license: cad, tier: pro, quantity: 5, unit_price: "1000.00" }
  - { license: cad, tier: sim, quantity: ${sim}, unit_price: "3000.00" }
`;
// Peaks per tier as the flexnet/rlm sources write them; the 2025 peak is outside the 90-day window.
const CAD_USAGE = `license: cad
source: flexnet
taken: 2026-03-09T06:00:00Z
peaks:
  - { date: 2025-10-01, tier: sim, in_use: 9, hours: 20, users: 9, denials: 0 }
  - { date: 2026-03-02, tier: pro, in_use: 4, hours: 20, users: 5, denials: 0 }
  - { date: 2026-03-02, tier: sim, in_use: 3, hours: 10, users: 3, denials: 2 }
accounts: []
`;
// Three billable full accounts against 2 full seats bought; deactivated and guest accounts are not billable.
const FIGMA_USAGE = `license: figma
source: csv
taken: 2026-03-09T06:00:00Z
accounts:
  - { account: ada@test.example, person: ada, tier: full, status: active, last_active: 2026-03-08 }
  - { account: bob@test.example, person: bob, tier: viewer, status: active, last_active: 2026-03-08 }
  - { account: x@test.example, tier: full, status: active, last_active: 2026-03-08 }
  - { account: y@test.example, tier: full, status: invited, last_active: null }
  - { account: z@test.example, tier: full, status: deactivated }
`;

let repo: TestRepo;
let first: string;
beforeAll(() => {
  repo = tempRepo();
  first = repo.commit({ ...files(), 'inventory/vendors/cadco.yaml': 'id: cadco\nname: CADco\n', 'inventory/licenses/cad.yaml': CAD, 'inventory/contracts/cad-2026.yaml': cadContract(1) }, { message: 'CAD suite', date: '2026-01-02T09:00:00Z' });
  repo.commit({ 'inventory/contracts/cad-2026.yaml': cadContract(2), 'inventory/usage/cad.yaml': CAD_USAGE, 'inventory/usage/figma.yaml': FIGMA_USAGE }, { message: 'One more simulation seat', date: '2026-03-05T09:00:00Z' });
});
afterAll(() => repo.cleanup());

describe('lac position', () => {
  it('shows entitlement, seats, accounts, peak and the shortfall with its true-up cost, and what is behind each figure', async () => {
    const r = await lac(['position', '--root', repo.dir, '--today', '2026-03-10']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Effective license position on 2026-03-10 (working tree); balance = entitled - deployed (negative: a shortfall); true-up per year in EUR; peaks since 2025-12-11
  vendor  license  tier     entitled  assigned  accounts  peak  deployed  balance  true-up
  cadco   cad      pro             5         0         0     4         4        1     0.00
  cadco   cad      sim             2         0         0     3         3       -1  3000.00
  figma   figma    full            2         1         3     —         3       -1   486.00
  figma   figma    viewer  unlimited         1         1     —         1        —     0.00

Behind the figures:
  cad pro:
    contract cad-2026 lines[0], PO PO-77: 5 × 1000.00 EUR per year (inventory/contracts/cad-2026.yaml:10) Order form <https://contracts.example/cad-2026.pdf>
    peak of 4 in use at once on 2026-03-02 (inventory/usage/cad.yaml:6)
  cad sim:
    contract cad-2026 lines[1], PO PO-77: 2 × 3000.00 EUR per year (inventory/contracts/cad-2026.yaml:11) Order form <https://contracts.example/cad-2026.pdf>
    peak of 3 in use at once on 2026-03-02 (inventory/usage/cad.yaml:7)
  figma full:
    contract figma-2026 lines[0]: 2 × 540.00 USD per year (inventory/contracts/figma-2026.yaml:11)
  figma viewer:
    contract figma-2026 lines[1]: unlimited × 0 USD per year (inventory/contracts/figma-2026.yaml:12)
`);
  });

  it('as of an earlier date: the inventory of the commit then, named in the output', async () => {
    const r = await lac(['position', '--root', repo.dir, '--at', '2026-01-31', '--vendor', 'cadco', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'as_of,vendor,license,license_name,tier,tier_name,type,entitled,assigned,accounts,peak,peak_date,deployed,balance,unit_cost,true_up,currency,contracts,po_numbers\r\n' +
        '2026-01-31,cadco,cad,CAD Suite,pro,Professional,concurrent,5,0,,,,,,1000.00,0.00,EUR,cad-2026 lines[0],PO-77\r\n' +
        '2026-01-31,cadco,cad,CAD Suite,sim,Simulation,concurrent,1,0,,,,,,3000.00,0.00,EUR,cad-2026 lines[1],PO-77\r\n',
    );
    const json = JSON.parse((await lac(['position', '--root', repo.dir, '--at', '2026-01-31', '--vendor', 'cadco', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ asOf: '2026-01-31', commit: first, currency: 'EUR' });
    expect(json.lines[1]).toMatchObject({ tier: 'sim', entitled: 1, peak: null, balance: null, unitCost: '3000.00', backing: [{ contract: 'cad-2026', po: 'PO-77', documents: [{ title: 'Order form', url: 'https://contracts.example/cad-2026.pdf' }] }] });
  });

  it('prints markdown for an issue or a PR, with data escaped', async () => {
    const r = await lac(['position', '--root', repo.dir, '--today', '2026-03-10', '--vendor', 'cadco', '--format', 'md']);
    expect(r.stdout).toContain('| cadco | cad | sim | 2 | 0 | 0 | 3 | 3 | -1 | 3000.00 |');
    expect(r.stdout).toContain('- **cad sim**\n  - contract cad-2026 lines\\[1\\], PO PO-77');
  });

  it('refuses an unknown vendor or format with a hint, exit 2', async () => {
    const vendor = await lac(['position', '--root', repo.dir, '--vendor', 'cadcoo']);
    expect(vendor.stderr).toBe('lac: no vendor "cadcoo"; did you mean "cadco"?\n  hint: vendor IDs are the file names in inventory/vendors/\n');
    expect(vendor.code).toBe(2);
    const format = await lac(['position', '--root', repo.dir, '--format', 'pdf']);
    expect(format.stderr).toBe('lac: --format pdf is not one of text, md, csv, json\n  hint: e.g. --format csv\n');
    expect(format.code).toBe(2);
  });
});
