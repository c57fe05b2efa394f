// Agreement (issue 15): the site's evidence packs — the model, each control's page and its CSV —
// equal `lac evidence <period>` on the same repository, both from src/analysis/evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROLS } from '../../src/analysis/evidence/index.ts';
import { NOT_AVAILABLE } from '../../src/analysis/evidence/words.ts';
import { tableCsv } from '../../src/site/downloads.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import type { CellValue, SiteData } from '../../src/site/types.ts';
import { lac } from '../support/cli.ts';
import { buildEvidenceRepo, HOSTILE_TITLE, MALLORY, TODAY, type EvidenceRepo } from '../evidence/fixture.ts';

const text = (c: CellValue) => (typeof c === 'string' ? c : c.text);

describe('the site and lac evidence agree on the evidence packs', () => {
  let r: EvidenceRepo;
  let site: SiteData;
  beforeAll(async () => {
    r = buildEvidenceRepo();
    site = siteFromInput(await buildSiteInput({ root: r.repo.dir, today: TODAY, env: {} }));
  });
  afterAll(() => r.repo.cleanup());

  it('the site model\'s packs are lac evidence --format json for each period', async () => {
    const packs = site.model.evidence!;
    expect(packs.map((p) => p.period.label)).toEqual(['FY2025', 'FY2025-Q4', 'FY2026', 'FY2026-Q1', 'FY2026-Q2']);
    for (const p of packs) {
      const out = await lac(['evidence', p.period.label.slice(2), '--format', 'json', '--root', r.repo.dir, '--today', TODAY]);
      expect(out.code, out.stderr).toBe(0);
      const { head, generated, ...json } = JSON.parse(out.stdout);
      expect([head, generated]).toEqual([site.model.provenance.commit, TODAY]);
      expect(json).toEqual(JSON.parse(JSON.stringify(p)));
    }
  });

  it('each control\'s page holds the table lac evidence --format csv prints, with the document\'s heading facts and totals', async () => {
    for (const control of CONTROLS) {
      const out = await lac(['evidence', '2026-Q2', '--control', control, '--format', 'csv', '--root', r.repo.dir, '--today', TODAY]);
      expect(tableCsv(site.tables[`evidence-2026-Q2-${control}`]!)).toBe(out.stdout);
      const page = site.pages.find((p) => p.route === `/evidence/2026-Q2/${control}/`)!;
      expect(page.sections.map((s) => s.type)).toEqual(['facts', 'text', 'table', 'text', 'links']);
      expect(page.sections[4]).toMatchObject({ links: [{ href: `/download/csv/evidence-2026-Q2-${control}.csv` }, { href: '/evidence/2026-Q2/' }] });
    }
    const facts = site.pages.find((p) => p.route === '/evidence/2026-Q1/license-position/')!.sections[0]!;
    expect(facts).toMatchObject({ type: 'facts', items: [
      { label: 'Control', value: 'License position per vendor at the period end' },
      { label: 'Period', value: 'FY2026-Q1: 2026-01-01 to 2026-03-31' },
      { label: 'Built from commit', value: r.more.readme },
      { label: 'Position as of (day, commit)', value: ['2026-03-31', { text: site.model.evidence![3]!.asOfCommit, href: `/audit/commit/${site.model.evidence![3]!.asOfCommit}/` }] },
      { label: 'Generated' }, { label: 'Organization', value: 'Test Co' },
    ] });
  });

  it('a commit that changed nothing under inventory/ has no page to link to: the document names it as text', () => {
    const facts = site.pages.find((p) => p.route === '/evidence/2026-Q2/')!.sections[0] as { items: { label: string; value: unknown }[] };
    expect(facts.items.slice(1, 3)).toEqual([{ label: 'Built from commit', value: r.more.readme }, { label: 'Position as of (day, commit)', value: [TODAY, r.more.readme] }]);
    expect(site.pages.some((p) => p.route === `/audit/commit/${r.more.readme}/`)).toBe(false);
  });

  it('rows link to their commit; without API access every approval reads "not available"; hostile author text stays text', () => {
    const rows = site.tables['evidence-2026-Q1-access-removal']!.rows;
    expect(rows[1]!.slice(0, 8)).toEqual([{ text: 'bob', id: 'bob', href: '/people/bob/' }, 'Bob Byte', '2026-02-10', 'figma viewer', '2026-02-13', { text: r.shas.bob, id: r.shas.bob, href: `/audit/commit/${r.shas.bob}/` }, '#4', NOT_AVAILABLE]);
    const changes = site.tables['evidence-2026-Q2-unreviewed-changes']!;
    expect(changes.rows).toEqual([]);
    expect(changes.empty).toBe(`No change is known to have landed without an approving review; the review record of 4 changes is ${NOT_AVAILABLE}.`);
    const decisions = site.tables['evidence-2026-Q2-renewal-decisions']!.rows;
    expect(decisions.map((row) => row.map(text))).toEqual([['figma-2026', 'renew', 'undecided', 'ada', '2026-04-13', '2026-04-14', r.more.renew, '#7', NOT_AVAILABLE, 'inventory/contracts/figma-2026.yaml']]);
    expect(decisions[0]![0]).toEqual({ text: 'figma-2026', id: 'figma-2026', href: '/contracts/figma-2026/' });
    expect(decisions[0]![9]).toEqual({ text: 'inventory/contracts/figma-2026.yaml', href: '/source/inventory/contracts/figma-2026.yaml/' });
    expect(JSON.stringify(site.tables)).not.toContain(HOSTILE_TITLE);
    expect(site.model.evidence![4]!.reviews).toEqual({ changes: 4, approved: 0, notApproved: 0, noPullRequest: 0, unavailable: 4 });
    expect(MALLORY.name).toMatch(/^=/);
  });

  it('the index lists each period with its row counts and links each document; the compliance page links the index; pages stay periods × 5 + 1', () => {
    expect(site.tables['evidence-periods']!.rows.map((row) => row.map(text))).toEqual([
      ['FY2025', '2025-01-01', '2025-12-31', '0', '3', '0', '0'],
      ['FY2025-Q4', '2025-10-01', '2025-12-31', '0', '3', '0', '0'],
      ['FY2026', '2026-01-01', '2026-12-31', '7', '3', '0', '1'],
      ['FY2026-Q1', '2026-01-01', '2026-03-31', '5', '3', '0', '0'],
      ['FY2026-Q2', '2026-04-01', '2026-06-30', '2', '3', '0', '1'],
    ]);
    expect(site.tables['evidence-periods']!.rows[4]![3]).toEqual({ text: '2', href: '/evidence/2026-Q2/access-removal/' });
    expect(site.pages.filter((p) => p.route.startsWith('/evidence/'))).toHaveLength(5 * 5 + 1);
    const compliance = site.pages.find((p) => p.route === '/compliance/')!;
    expect(compliance.sections).toContainEqual(expect.objectContaining({ type: 'links', title: 'Evidence packs', links: [expect.objectContaining({ href: '/evidence/' })] }));
    const whole = site.pages.find((p) => p.route === '/evidence/2026-Q2/')!;
    expect(whole.sections.filter((s) => s.type === 'table')).toEqual(CONTROLS.map((c) => ({ type: 'table', table: `evidence-2026-Q2-${c}` })));
  });
});
