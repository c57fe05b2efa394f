// Agreement (issue 17): the site's license position per vendor (its model and the vendor page's
// table) equals `lac position --vendor ID --format json`, and a contract page's recommended
// quantities and peak distributions equal `lac renewals --format json`.
import { describe, expect, it } from 'vitest';
import { downloads } from '../../src/site/downloads.ts';
import { buildModel } from '../../src/site/model/build.ts';
import { positionTableId } from '../../src/site/pages/position.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import { synthesize } from '../../src/synth/index.ts';
import { cleanup, lac, tempRepo } from '../support/cli.ts';
import { EXAMPLE_TODAY, exampleFiles } from '../support/example.ts';
import { tempRepo as gitRepo } from '../support/git.ts';
import { files } from '../support/inventory.ts';

async function agree(dir: string, today: string): Promise<number> {
  const { model } = await buildModel({ root: dir, today, env: {} });
  const site = siteFromInput({ base: '/', model, ics: '', sources: null });
  const vendors = [...new Set(model.position.lines.map((l) => l.vendor))].sort();
  for (const vendor of vendors) {
    const r = await lac(['position', '--root', dir, '--today', today, '--vendor', vendor, '--format', 'json']);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as { asOf: string; lines: typeof model.position.lines };
    expect(model.position.asOf).toBe(json.asOf);
    expect(model.position.lines.filter((l) => l.vendor === vendor)).toEqual(json.lines);
    // What the vendor page's table shows, figure by figure.
    const shown = site.tables[positionTableId(vendor)]!.rows.map((row) => row.slice(3).map((c) => (typeof c === 'string' ? c : c.text)));
    const dash = (n: number | string | null) => (n === null ? '—' : String(n));
    expect(shown).toEqual(json.lines.map((l) => [dash(l.entitled), String(l.assigned), dash(l.accounts), l.peak ? `${l.peak.inUse} (${l.peak.date})` : '—', dash(l.deployed), dash(l.balance), l.unitCost ?? '?', l.trueUp ?? '?']));
    // The vendor's CSV download is the CSV of `lac position --vendor`, after the site's byte order mark (issue 15).
    const csv = await lac(['position', '--root', dir, '--today', today, '--vendor', vendor, '--format', 'csv']);
    expect(downloads(site).find((f) => f.path === `position/${vendor}.csv`)!.body()).toBe('\uFEFF' + csv.stdout);
  }
  return vendors.length;
}

describe('the site and lac position agree', () => {
  it('on every vendor of the example organization', async () => {
    const dir = tempRepo(await exampleFiles());
    try {
      expect(await agree(dir, EXAMPLE_TODAY)).toBeGreaterThan(10);
    } finally {
      cleanup(dir);
    }
  });

  it('on every vendor of a generated organization', async () => {
    const dir = tempRepo(Object.fromEntries(synthesize({ people: 60, seed: 11 }).files));
    try {
      expect(await agree(dir, '2026-11-23')).toBeGreaterThan(3);
    } finally {
      cleanup(dir);
    }
  });
});

describe('the site and lac renewals agree on concurrent recommendations', () => {
  it('read from the daily peaks of every usage snapshot in the history', async () => {
    const peaks = (from: string, n: number, top: number) => Array.from({ length: n }, (_, i) => {
      const day = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      return `  - { date: ${day}, tier: full, in_use: ${i % 10 === 3 ? top : 3 + (i % 4)}${i === 3 ? ', denials: 1' : ''} }\n`;
    }).join('');
    const usage = (taken: string, body: string) => `license: figma\nsource: flexnet\ntaken: ${taken}T06:00:00Z\naccounts: []\npeaks:\n${body}`;
    const repo = gitRepo();
    try {
      repo.commit({ ...files({ 'inventory/licenses/figma.yaml': 'id: figma\nname: Figma\nvendor: figma\ntype: concurrent\nowner: ada\ntiers:\n  - { id: full, name: Full seat }\n  - { id: viewer, name: Viewer }\n' }), 'inventory/usage/figma.yaml': usage('2026-09-20', peaks('2026-09-01', 19, 9)) }, { message: 'usage', date: '2026-09-20T09:00:00Z' });
      // The newer snapshot no longer holds September: only the history does.
      repo.commit({ 'inventory/usage/figma.yaml': usage('2026-11-01', peaks('2026-10-15', 17, 6)) }, { message: 'usage', date: '2026-11-01T09:00:00Z' });
      const r = await lac(['renewals', '--root', repo.dir, '--today', '2026-11-02', '--within', '400', '--format', 'json']);
      expect(r.stderr).toBe('');
      const line = (JSON.parse(r.stdout) as { renewals: { contract: string; lines: { tier: string; recommended: number; peak_distribution: { days: number; denials: number } | null }[] }[] }).renewals.find((x) => x.contract === 'figma-2026')!.lines.find((l) => l.tier === 'full')!;
      expect([line.peak_distribution?.days, line.peak_distribution?.denials, line.recommended]).toEqual([36, 2, 10]);
      const { model } = await buildModel({ root: repo.dir, today: '2026-11-02', env: {} });
      const site = model.contracts.find((c) => c.id === 'figma-2026')!.lines.find((l) => l.tier === 'full')!;
      expect([site.recommended, site.distribution]).toEqual([line.recommended, line.peak_distribution]);
    } finally {
      repo.cleanup();
    }
  });
});

