// Pure: the Astro project imports this module (site/src/data.ts), so it must not reach git, the file system or the CLI.
import { links } from './links.ts';
import { context, type Ctx } from './pages/context.ts';
import { atPages } from './pages/at.ts';
import { auditPages } from './pages/audit.ts';
import { auditMonthPages } from './pages/audit-months.ts';
import { compliancePage } from './pages/compliance.ts';
import { offboardingPage } from './pages/offboarding.ts';
import { contractPages, contractsPage, renewalsPage } from './pages/contracts.ts';
import { departmentsPage } from './pages/departments.ts';
import { evidencePages } from './pages/evidence.ts';
import { discoveryPage } from './pages/discovery.ts';
import { forecastPage } from './pages/forecast.ts';
import { spendPages } from './pages/spend.ts';
import { licensePages, licensesPage } from './pages/licenses.ts';
import { searchPage, sourcePages, sourcesIndexPage } from './pages/misc.ts';
import { downloadsPage } from './pages/downloads.ts';
import { overviewPage } from './pages/overview.ts';
import { peoplePage, personPages } from './pages/people.ts';
import { positionPage } from './pages/position.ts';
import { vendorPages, vendorsPage } from './pages/vendors.ts';
import type { Page, SiteData, SiteInput } from './types.ts';

/** The page builders, one per section of the site. */
const BUILDERS: ((ctx: Ctx) => Page | Page[])[] = [
  overviewPage, licensesPage, licensePages, contractsPage, contractPages, renewalsPage, vendorsPage, vendorPages, positionPage,
  peoplePage, personPages, departmentsPage, spendPages, forecastPage, compliancePage, offboardingPage, evidencePages, auditPages, auditMonthPages, atPages, searchPage,
  discoveryPage,
];

/**
 * Pages and tables from the site input. Pure; the Astro project calls it once per build (site/src/data.ts),
 * so that only the model crosses the process boundary, not the pages derived from it.
 */
export function siteFromInput(input: SiteInput): SiteData {
  const m = input.model;
  const ctx = context(m, links(m.provenance.repoUrl, m.provenance.commit, m.provenance.prefix));
  const pages = [...BUILDERS.flatMap((b) => b(ctx)), ...(input.sources ? sourcePages(ctx, input.sources) : [])];
  // Last: the downloads page documents every table the others registered.
  pages.push(...(input.sources ? sourcesIndexPage(ctx, input.sources) : []), downloadsPage(ctx));
  const seen = new Set<string>();
  for (const p of pages) {
    if (seen.has(p.route)) throw new Error(`two pages at ${p.route}`);
    seen.add(p.route);
  }
  return { ...input, pages, tables: ctx.tables };
}
