// Agreement (issue 13): the offboarding figures the site shows — the compliance page's quarterly
// table, the late/open list, each leaver's seat removals on their person page — equal
// `lac report --format json` on the same repository, both from src/analysis/offboarding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareText, SEAT_STATUS_TEXT } from '../../src/analysis/offboarding/words.ts';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import type { CellValue, SiteData } from '../../src/site/types.ts';
import { lac } from '../support/cli.ts';
import { buildOffboardingRepo, TODAY, type OffboardingRepo } from '../offboarding/fixture.ts';

interface JsonSeat { license: string; tier: string; status: keyof typeof SEAT_STATUS_TEXT; days: { value: number }; removal: { value: { on: string; commit: string; pr: number | null } } | null }
interface JsonLeaver { person: string; end: string; verdict: string; seats: JsonSeat[] }
interface JsonQuarter { quarter: string; leavers: { value: number }; onTime: { value: number }; noSeats: { value: number }; late: { value: number }; overdue: { value: number }; pending: { value: number }; share: { value: { onTime: number; decided: number; percent: number | null } } | null }

const text = (c: CellValue) => (typeof c === 'string' ? c : c.text);
const cells = (site: SiteData, id: string) => site.tables[id]!.rows.map((r) => r.map(text));

describe('the site and lac report agree on offboarding', () => {
  let r: OffboardingRepo;
  let json: { quarters: JsonQuarter[]; leavers: JsonLeaver[] };
  let site: SiteData;
  beforeAll(async () => {
    r = buildOffboardingRepo(5);
    const out = await lac(['report', '--format', 'json', '--root', r.repo.dir, '--today', TODAY]);
    json = JSON.parse(out.stdout).offboarding;
    site = siteFromInput(await buildSiteInput({ root: r.repo.dir, today: TODAY, env: {} }));
  });
  afterAll(() => r.repo.cleanup());

  it('the compliance page\'s quarterly table is the report\'s quarters', () => {
    expect(json.quarters).toHaveLength(2);
    expect(cells(site, 'offboarding-quarters')).toEqual(json.quarters.map((q) => [
      q.quarter, String(q.leavers.value), String(q.onTime.value), String(q.noSeats.value), String(q.late.value), String(q.overdue.value), String(q.pending.value), shareText(q.share?.value),
    ]));
    expect(cells(site, 'offboarding-quarters')[0]).toEqual(['FY2026-Q1', '4', '3', '1', '1', '0', '0', '3/4 (75.0%)']);
    const compliance = site.pages.find((p) => p.route === '/compliance/')!;
    expect(compliance.sections).toContainEqual({ type: 'links', title: 'Offboarding evidence', links: [{ text: 'Late and open leavers, and every leaver\'s seat removals', href: '/compliance/offboarding/' }] });
  });

  it('the late and open list names the report\'s late, overdue and pending leavers', () => {
    expect(cells(site, 'offboarding-open').map((row) => row[1])).toEqual(json.leavers.filter((l) => ['late', 'overdue', 'pending'].includes(l.verdict)).map((l) => l.end));
    expect(cells(site, 'offboarding-open').map((row) => [row[0], row[3]])).toEqual([['Cy Late', 'late'], ['Dan Holds', 'overdue'], ['Eve Pending', 'pending']]);
  });

  it('each leaver\'s person page lists the report\'s seats: removal day, commit, PR, days, status', () => {
    for (const l of json.leavers) {
      const rows = cells(site, `person-${l.person}-offboarding`);
      expect(rows.map((row) => row.slice(1))).toEqual(l.seats.length === 0
        ? [['none held', l.end, '', '', '', '', 'no seats']]
        : l.seats.map((s) => [`${s.license} ${s.tier}`, l.end, s.removal?.value.on ?? 'still held', s.removal ? s.removal.value.commit.slice(0, 10) : '', s.removal?.value.pr ? `#${s.removal.value.pr}` : '', String(s.days.value), SEAT_STATUS_TEXT[s.status]]));
    }
    const bob = site.tables['person-bob-offboarding']!.rows[0]!;
    expect(bob[4]).toEqual({ text: r.shas.bob.slice(0, 10), href: `/audit/commit/${r.shas.bob}/`, id: r.shas.bob });
    expect(site.pages.find((p) => p.route === '/people/gus/')!.sections).toContainEqual({ type: 'text', title: 'Offboarding', text: 'Leaves on 2026-05-30: not counted until that day has passed.' });
    expect(site.tables['person-ada-offboarding']).toBeUndefined();
  });
});
