// Agreement (issue 11): the site's figures (its data model, what every page shows) equal the figures
// of `lac report --format json`, for every license and tier, over generated and synthetic organizations.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/report/index.ts';
import { tierPrices } from '../../src/analysis/report/prices.ts';
import { seatUses, seatViews } from '../../src/analysis/report/seats.ts';
import { licenseTiers, tierCounts } from '../../src/analysis/report/tiers.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { markPointInTime } from '../../src/inventory/model.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { formatReport } from '../../src/report/format.ts';
import { buildModel } from '../../src/site/model/build.ts';
import { licenseFigures } from '../../src/site/model/figures.ts';
import { synthesize } from '../../src/synth/index.ts';
import { lac, tempRepo } from '../support/cli.ts';
import { org, render, TODAY } from './arbitrary.ts';
import { reportView, siteView, type JsonLicense } from './views.ts';

async function agree(files: Record<string, string>, today: string): Promise<void> {
  const { inventory } = await loadInventory(memorySource(files));
  const site = licenseFigures(inventory, today);
  const json = JSON.parse(formatReport(buildReport(inventory, today), 'json')) as { licenses: JsonLicense[] };
  expect(json.licenses.length).toBeGreaterThan(0);
  expect(siteView(site.licenses)).toEqual(reportView(json));
  // Counted without making the rows (a past day's view of a large organization), the same figures and count.
  const counted = licenseFigures(inventory, today, { seatRowsUpTo: site.seats.length - 1 });
  expect(counted.seats).toEqual([]);
  expect(counted.seatCount).toBe(site.seats.length);
  expect(counted.licenses).toEqual(site.licenses);
  // Up to its own count, the rows are made.
  expect(licenseFigures(inventory, today, { seatRowsUpTo: site.seats.length }).seats).toEqual(site.seats);
  // Without the chargeback (a past day's view): the same licenses and totals, no departments or cost centres.
  const bare = licenseFigures(inventory, today, { seatRowsUpTo: site.seats.length - 1, chargeback: false });
  expect(bare.licenses).toEqual(site.licenses);
  expect(bare.report.totals).toEqual(site.report.totals);
  expect([bare.report.departments, bare.report.costCentres]).toEqual([[], []]);
  // A past commit's inventory (marked point in time) gives the report from lighter seat views (seatUses): the same
  // report, and each seat's use and leaving as the live inventory's seat views say.
  const { inventory: past } = await loadInventory(memorySource(files));
  markPointInTime(past);
  expect(buildReport(past, today)).toEqual(buildReport(inventory, today));
  for (const rec of inventory.licenses.values()) {
    const live = seatViews(inventory, rec.data, today).map((v) => ({ seat: v.seat, i: v.i, use: v.use, left: v.left }));
    expect(seatUses(past, rec.data, today)).toEqual(live);
  }
  // The position's rows (tierCounts: seats counted, not looked at) are the report's rows, tier by tier.
  const prices = tierPrices(inventory, today, []);
  for (const rec of inventory.licenses.values()) {
    const full = licenseTiers(inventory, rec, prices.get(rec.data.id) ?? new Map(), today).map(({ report: r }) => ({ tier: r.tier, name: r.name, entitled: r.entitled.value, assigned: r.assigned.value }));
    expect(tierCounts(inventory, rec, prices.get(rec.data.id) ?? new Map())).toEqual(full);
  }
  // Every seat row the site lists counts where the report counts it.
  for (const l of json.licenses) {
    for (const t of l.tiers) {
      const rows = site.seats.filter((s) => s.license === l.id && s.tier === String(t.tier));
      const uses = ['active', 'inactive', 'unknown', 'cancelling'].map((u) => rows.filter((s) => s.use === u).length);
      expect([rows.length, ...uses]).toEqual([t.assigned!.value, t.active!.value ?? 0, t.inactive!.value, t.unknown!.value, t.cancelling!.value]);
    }
  }
}

describe('the site and lac report agree', () => {
  it('on every license and tier of generated organizations', async () => {
    await fc.assert(fc.asyncProperty(org, async (o) => agree(render(o), TODAY)), { numRuns: 40, seed: 7 });
  });

  it('on synthetic organizations of every license type', async () => {
    for (const seed of [1, 2, 3]) {
      const synth = synthesize({ people: 80, seed });
      await agree(Object.fromEntries(synth.files), '2026-11-23');
    }
  });

  it('the site model built from a repository equals `lac report --format json` run on it', async () => {
    const dir = tempRepo(Object.fromEntries(synthesize({ people: 40, seed: 5 }).files));
    try {
      const r = await lac(['report', '--format', 'json', '--root', dir, '--today', '2026-11-23']);
      expect(r.stderr).toBe('');
      const { model } = await buildModel({ root: dir, today: '2026-11-23', env: {} });
      expect(siteView(model.licenses)).toEqual(reportView(JSON.parse(r.stdout)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
