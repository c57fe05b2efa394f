// The site's discovery page: the same undeclared apps and expensed-spend figures as `lac report`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import type { SiteData } from '../../src/site/types.ts';
import { cleanup, tempRepo } from '../support/cli.ts';
import { CONTRACT, files } from '../support/inventory.ts';

const CARDS = `source: cards
kind: expenses
as_of: 2026-11-20
currency: EUR
apps:
  - { app: figma-inc, name: FIGMA INC, users: 1, first_seen: 2026-09-03, last_seen: 2026-09-03, spend_90d: "90.00" }
  - { app: loom-com, name: LOOM.COM, users: 1, first_seen: 2026-09-12, last_seen: 2026-11-12, spend_90d: "45.00", recurring: true }
`;
const GOOGLE = `source: google
kind: google-workspace
as_of: 2026-11-20
outside_work_domains: 2
apps:
  - { app: calendly, name: Calendly, users: 4, first_seen: 2026-10-01, last_seen: 2026-10-05 }
`;

let dir: string;
let site: SiteData;
beforeAll(async () => {
  dir = tempRepo(files({
    'inventory/vendors/figma.yaml': 'id: figma\nname: Figma, Inc.\naliases: [FIGMA INC]\n',
    'inventory/contracts/figma-2026.yaml': CONTRACT,
    'inventory/discovered/cards.yaml': CARDS,
    'inventory/discovered/google.yaml': GOOGLE,
  }));
  site = siteFromInput(await buildSiteInput({ root: dir, today: '2026-11-20', env: { SOURCE_DATE_EPOCH: '1784000000' } }));
});
afterAll(() => cleanup(dir));

describe('the discovery page', () => {
  it('shows undeclared apps with their spend, and spend outside contracts beside contracted spend', () => {
    const page = site.pages.find((p) => p.route === '/discovered/')!;
    expect(page.title).toBe('Software outside the inventory');
    expect(page.sections[0]).toEqual({ type: 'kpis', items: [
      { label: 'Contracted spend, 2026-08-23 to 2026-11-20', value: '239.67 EUR' },
      { label: 'Spend outside contracts (expensed)', value: '135.00 EUR', note: '90.00 EUR to declared vendors, 45.00 EUR to undeclared apps' },
      { label: 'Undeclared apps', value: '2' },
    ] });
    expect(site.tables['undeclared-apps']!.rows).toEqual([
      ['cards', 'LOOM.COM', '1', '45.00', 'yes'],
      ['google', 'Calendly', '4', '', ''],
    ]);
  });

  it('is linked from the vendors page', () => {
    const vendors = site.pages.find((p) => p.route === '/vendors/')!;
    expect(JSON.stringify(vendors.sections)).toContain('"href":"/discovered/"');
  });
});
