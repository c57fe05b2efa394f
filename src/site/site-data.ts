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
import type { LazyPage, Page, SiteData, SiteInput, Table } from './types.ts';

/** The page builders, one per section of the site. */
const BUILDERS: ((ctx: Ctx) => Page | (Page | LazyPage)[])[] = [
  overviewPage, licensesPage, licensePages, contractsPage, contractPages, renewalsPage, vendorsPage, vendorPages, positionPage,
  peoplePage, personPages, departmentsPage, spendPages, forecastPage, compliancePage, offboardingPage, evidencePages, auditPages, auditMonthPages, atPages, searchPage,
  discoveryPage,
];

export const isLazy = (p: Page | LazyPage): p is LazyPage => 'make' in p;

/**
 * The pages and the site's tables from the site input: what `lac site build` renders. A person's page is a
 * LazyPage, made (with its own tables) when Astro renders it. Pure.
 */
export function sitePages(input: SiteInput): { pages: (Page | LazyPage)[]; tables: Record<string, Table> } {
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
  return { pages, tables: ctx.tables };
}

/** Every page made, with every table (a made page's own ones joined to the site's): the whole site at once, for checks. */
export function siteFromInput(input: SiteInput): SiteData {
  const { pages, tables } = sitePages(input);
  const made = pages.map((p) => (isLazy(p) ? p.make() : p));
  for (const p of made) {
    for (const [id, t] of Object.entries(p.tables ?? {})) {
      if (tables[id]) throw new Error(`duplicate table id ${id}`);
      tables[id] = t;
    }
  }
  return { ...input, pages: made, tables };
}
