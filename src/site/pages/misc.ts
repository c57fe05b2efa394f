import { sourceRoute } from '../links.ts';
import { routes } from '../routes.ts';
import type { LazyPage, Page } from '../types.ts';
import type { Ctx } from './context.ts';

export function searchPage(): Page {
  return { route: routes.search, title: 'Search', nav: 'search', crumbs: [{ text: 'Overview', href: routes.overview }], sections: [{ type: 'search' }] };
}

/**
 * The site's own view of each inventory file with numbered lines, when findings cannot link to the repository's web
 * pages. Each is made when it is rendered: split into lines, a 100,000-person organization's files are millions of
 * strings, held through the whole render when made up front (issue 16).
 */
export function sourcePages(ctx: Ctx, sources: Record<string, string>): LazyPage[] {
  if (!ctx.links.local) return [];
  return Object.entries(sources).map(([file, text]) => ({ route: sourceRoute(file), make: () => sourcePage(ctx, file, text) }));
}

function sourcePage(ctx: Ctx, file: string, text: string): Page {
  return {
    route: sourceRoute(file), title: file, nav: 'source',
    crumbs: [{ text: 'Overview', href: routes.overview }, { text: 'Inventory files', href: routes.sources }],
    sections: [
      { type: 'text', text: `As of commit ${ctx.m.provenance.commit?.slice(0, 12) ?? '(working tree)'}.` },
      { type: 'code', file, lines: text.replace(/\r?\n$/, '').split(/\r?\n/) },
    ],
  };
}

/** The index of the inventory files the site shows (people.yaml, usage snapshots, the README...): without it some had no link to them. */
export function sourcesIndexPage(ctx: Ctx, sources: Record<string, string>): Page[] {
  if (!ctx.links.local) return [];
  const files = Object.keys(sources).sort();
  return [{
    route: routes.sources, title: 'Inventory files', nav: 'source', crumbs: [{ text: 'Overview', href: routes.overview }],
    sections: [
      { type: 'text', text: `The files under inventory/ as of commit ${ctx.m.provenance.commit?.slice(0, 12) ?? '(working tree)'}, each with numbered lines that findings and figures link to.` },
      { type: 'links', title: `${files.length} files`, links: files.map((f) => ({ text: f, href: sourceRoute(f) })) },
    ],
  }];
}
