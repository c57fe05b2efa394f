// The site's pages and tables from the fixture repository, as `lac site build` computes them before Astro renders them.
import { buildSiteInput } from '../../src/site/input.ts';
import { siteFromInput } from '../../src/site/site-data.ts';
import type { SiteData } from '../../src/site/types.ts';
import { buildSiteFixture, TODAY } from './fixture.ts';

export async function builtSite(): Promise<{ site: SiteData; cleanup: () => void }> {
  const fixture = buildSiteFixture();
  const site = siteFromInput(await buildSiteInput({ root: fixture.repo.dir, today: TODAY, env: { SOURCE_DATE_EPOCH: '1784000000' } }));
  return { site, cleanup: () => fixture.cleanup() };
}
