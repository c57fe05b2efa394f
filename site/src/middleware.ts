// Takes each rendered page from Astro (its route, its HTML) to data.onPage, which writes it and hands it to the
// build's search index while Astro renders the next (src/site/astro.ts, src/site/search-index.ts): Astro runs this
// middleware for every prerendered page at build time. The response given back has no body, so Astro writes no file
// of its own (its generate step skips a page without a body); waiting on onPage is the indexer's backpressure. Pages
// arrive in the order Astro renders them, its page list's (the render does no I/O), so the bundles are the same from
// build to build.
import type { MiddlewareHandler } from 'astro';
import { takeOver } from '../../dist/site/handoff.js';

const data = takeOver(import.meta.env.LAC_SITE_DATA);

/** The page's route without the base path: "/licenses/people/ada/" under "/licenses/" → "/people/ada/", as Pagefind records it (its search script adds the base back). */
const routeOf = (pathname: string): string => (pathname.startsWith(data.base) ? `/${pathname.slice(data.base.length)}` : pathname);

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const onPage = data.onPage;
  if (!onPage || !response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  await onPage(routeOf(context.url.pathname), await response.text());
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
};
