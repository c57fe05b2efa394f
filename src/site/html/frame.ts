// The frame around every page's content (the section navigation, the breadcrumb, the provenance footer) as HTML strings
// for site/src/layouts/Layout.astro: about a tenth of a page's markup, rendered on each of 100,000 pages.
import type { Provenance } from '../model/types.ts';
import { routes } from '../routes.ts';
import { NAV, type Cell, type NavKey } from '../types.ts';
import { attr, escapeText, link } from './escape.ts';
import type { Href } from './cells.ts';

/** The main navigation's items, the current section marked. */
export const navItemsHtml = (current: NavKey, href: Href): string =>
  NAV.map(([key, label, route]) => `<li><a${attr('href', href(route))}${current === key ? ' aria-current="page"' : ''}>${escapeText(label)}</a></li>`).join('');

/** The breadcrumb's items. */
export const crumbItemsHtml = (crumbs: readonly Cell[], href: Href): string => crumbs.map((c) => `<li>${link(href(c.href ?? '/'), c.text)}</li>`).join('');

/** The footer's sentence: the commit (linked when the repository's web address is known), the dates, the downloads. `repo`: the repository's web page, if any. */
// Each time's text is its machine-readable value (an ISO date or UTC time): no datetime attribute repeats it.
export function provenanceHtml(p: Provenance, href: Href, repo: string | null): string {
  const short = p.commit ? `<code>${escapeText(p.commit.slice(0, 12))}</code>` : '';
  const commit = !p.commit ? 'none (not a git repository)' : p.repoUrl ? `<a${attr('href', `${p.repoUrl}/commit/${p.commit}`)}>${short}</a>` : short;
  return (
    `Built from commit ${commit}` +
    (p.commitDate ? ` of <time>${escapeText(p.commitDate)}</time>` : '') +
    (p.dirty ? ' (uncommitted changes to inventory/ are not included)' : '') +
    `; figures as of <time>${escapeText(p.today)}</time>; built <time>${escapeText(p.builtAt)}</time> by lac ${escapeText(p.version)}.` +
    ` ${link(href(routes.dataJson), 'All data (JSON, gzip)')} · ${link(href('/downloads/'), 'Downloads and CSV columns')}` +
    (repo ? ` · ${link(repo, 'Repository')}` : '')
  );
}
