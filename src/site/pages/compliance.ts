import { countBySeverity } from '../../findings/finding.ts';
import { routes } from '../routes.ts';
import type { Page } from '../types.ts';
import type { Ctx } from './context.ts';
import { findingsTable } from './licenses.ts';
import { complianceSections } from './offboarding.ts';

/** Every finding of `lac check` at the commit the site was built from, linked to its line. */
export function compliancePage(ctx: Ctx): Page {
  const { m } = ctx;
  const c = countBySeverity(m.findings);
  return {
    route: routes.compliance, title: 'Compliance', nav: 'compliance', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'kpis', items: [{ label: 'Errors', value: String(c.error) }, { label: 'Warnings', value: String(c.warning) }, { label: 'Notices', value: String(c.notice) }] },
      { type: 'text', text: `The findings of lac check on the inventory at commit ${m.provenance.commit?.slice(0, 12) ?? '(working tree)'} as of ${m.provenance.today}. Each links to the line of the file at that commit.` },
      ctx.table(findingsTable(ctx, 'findings', 'Findings', m.findings)),
      ...complianceSections(ctx),
      { type: 'links', title: 'Evidence packs', links: [{ text: 'Per fiscal year and quarter: access removal, license position, unreviewed changes, renewal decisions', href: routes.evidence }] },
    ],
  };
}
