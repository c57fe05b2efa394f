// Every chart on every page of the site comes with its figures as a table on the same page (issue 15:
// screen readers, print and narrow screens read the table).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import type { SiteData } from '../../src/site/types.ts';
import { buildSiteFixture, TODAY, type SiteFixture } from './fixture.ts';

let fixture: SiteFixture;
let site: SiteData;

beforeAll(async () => {
  fixture = buildSiteFixture();
  site = siteFromInput(await buildSiteInput({ root: fixture.repo.dir, today: TODAY, env: { SOURCE_DATE_EPOCH: '1784000000' } }));
}, 60_000);
afterAll(() => fixture.cleanup());

test('each chart names a table shown on its own page', () => {
  const missing: string[] = [];
  let charts = 0;
  for (const page of site.pages) {
    const tables = new Set(page.sections.flatMap((s) => (s.type === 'table' ? [s.table] : [])));
    for (const s of page.sections) {
      if (s.type !== 'chart') continue;
      charts++;
      if (!s.table || !tables.has(s.table)) missing.push(`${page.route}: "${s.title}" → ${s.table ?? 'no table'}`);
    }
  }
  expect(missing).toEqual([]);
  expect(charts).toBeGreaterThanOrEqual(8);
});
