import type { TreeSource } from '../inventory/source.ts';
import { links } from './links.ts';
import { buildModel, type ModelOptions } from './model/build.ts';
import type { SiteModel } from './model/types.ts';
import { context, type Ctx } from './pages/context.ts';
import { atPages } from './pages/at.ts';
import { auditPages } from './pages/audit.ts';
import { compliancePage } from './pages/compliance.ts';
import { contractPages, contractsPage, renewalsPage } from './pages/contracts.ts';
import { departmentsPage } from './pages/departments.ts';
import { licensePages, licensesPage } from './pages/licenses.ts';
import { searchPage, sourcePages } from './pages/misc.ts';
import { overviewPage } from './pages/overview.ts';
import { peoplePage, personPages } from './pages/people.ts';
import { vendorPages, vendorsPage } from './pages/vendors.ts';
import type { Page, SiteData } from './types.ts';

/** The page builders, one per section of the site. */
const BUILDERS: ((ctx: Ctx) => Page | Page[])[] = [
  overviewPage, licensesPage, licensePages, contractsPage, contractPages, renewalsPage, vendorsPage, vendorPages,
  peoplePage, personPages, departmentsPage, compliancePage, auditPages, atPages, searchPage,
];

/** Pages and tables from a model (and the inventory files, for the source view). */
export async function siteFromModel(m: SiteModel, source?: TreeSource, ics = ''): Promise<SiteData> {
  const ctx = context(m, links(m.provenance.repoUrl, m.provenance.commit));
  const pages = [...BUILDERS.flatMap((b) => b(ctx)), ...(source ? await sourcePages(ctx, source) : [])];
  const seen = new Set<string>();
  for (const p of pages) {
    if (seen.has(p.route)) throw new Error(`two pages at ${p.route}`);
    seen.add(p.route);
  }
  return { base: '/', model: m, ics, pages, tables: ctx.tables };
}

/** Everything the Astro project renders, for a license repository. */
export async function buildSiteData(o: ModelOptions): Promise<SiteData> {
  const { model, source, ics } = await buildModel(o);
  return siteFromModel(model, source, ics);
}
