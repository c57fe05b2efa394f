// The site's full-text search index, built while Astro renders (issue 16): the site's middleware
// (site/src/middleware.ts) hands each rendered page to the indexer, which sends it to Pagefind's service, a child
// process that parses it on the other core while Astro renders the next pages. No walk of the output is needed.
//
// Pagefind holds about 60 KB a page until it writes an index: 100,000 pages would take 6 GB. So the pages fill one
// index (a "bundle") at a time, `batch` pages each, in the order they are rendered; a full bundle is written
// (<dir>/pagefind/, <dir>/pagefind-2/, ...) and dropped while the next one fills. The search page merges the
// bundles listed in pagefind/lac-bundles.json (site/src/scripts/search.ts, Pagefind's mergeIndex).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { trace } from './trace.ts';
import { searchable } from './search-text.ts';

/** Pages a Pagefind index holds at most: 8,000 take about 550 MB. */
export const SEARCH_BATCH = 8000;

/** The file listing the bundles the search page merges into the first (names of directories beside pagefind/). */
export const BUNDLES_FILE = 'lac-bundles.json';

/**
 * Characters of HTML sent to Pagefind and not yet parsed, at most; beyond that the renderer waits, so that pages do
 * not pile up in memory when Pagefind falls behind (each is held once more, as its message, until Pagefind reads it).
 * Pagefind is the slower side (Astro renders person pages faster than one service parses them): the queue keeps
 * the services busy, and a larger one only holds more pages in memory. A queued page costs about ten times its
 * characters (its JSON, base64 and the pipe's buffer): at 20,000 people the live heap during the render was 510 MB
 * with 16 MB queued and 390 MB with 2 MB, in the same time.
 */
export const QUEUED = 2 * 1024 * 1024;

/**
 * Pagefind services (processes) the bundles take turns on: a service answers one message at a time, so while one
 * writes a full bundle (seconds), the next bundle's pages are parsed by the other, on the other core.
 */
export const SERVICES = 2;

const OPTIONS = {
  // One language: the pages are English, and a second index would double what the browser loads.
  // "#" is part of a word, so that "#52" finds pull request 52 and not every 52 on the site.
  forceLanguage: 'en', excludeSelectors: ['svg'], includeCharacters: '#',
};

// Once any page has data-pagefind-body, Pagefind leaves out the pages without it (the layout marks every page but
// the search page). A bundle filled page by page could hold none of them, so the rule is applied here, per page.
const BODY = /\sdata-pagefind-body[\s=>]/;

/** The part of Pagefind's Node API (the `pagefind` package) the indexer uses. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** Takes a rendered page, its route without the base path ("/people/ada/") and its HTML; resolves when there is room for the next. */
export type AddPage = (route: string, html: string) => Promise<void>;

export interface SearchOptions {
  /** Pages per bundle (SEARCH_BATCH). */
  batch?: number;
  /** Characters of HTML queued for Pagefind at most (QUEUED). */
  queued?: number;
  /** The services the bundles take turns on (default: SERVICES instances of the `pagefind` package, each its own process). */
  apis?: readonly PagefindApi[];
}

export interface Indexed {
  /** HTML pages rendered (handed to the indexer). */
  pages: number;
  /** Pages in the search index. */
  indexed: number;
  /** The bundles' folders written into dir: pagefind, pagefind-2, ... */
  bundles: string[];
}

interface Bundle {
  name: string;
  index: PagefindIndex;
  added: number;
  parsing: Promise<void>[];
}

const problem = (detail: string) => new Error(`the search index (Pagefind) could not be built: ${detail}`);

class Indexer {
  pages = 0;
  private indexed = 0;
  private readonly names: string[] = [];
  private filling: Promise<Bundle> | null = null;
  /** The pages sent and not yet parsed, and their characters. */
  private readonly inFlight = new Set<Promise<void>>();
  private queued = 0;
  /** The writes of the full bundles not yet written, oldest first: one after another, each removed when done. */
  private readonly writes: Promise<void>[] = [];
  /** The last page's turn to be sent. */
  private turn: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private closed = false;
  /** Set by end(): the last bundle sealed (or dropped), no page taken after. */
  private ended: Promise<void> | null = null;

  private readonly dir: string;
  private readonly batch: number;
  private readonly limit: number;
  private readonly apis: readonly PagefindApi[];

  constructor(dir: string, o: SearchOptions, apis: readonly PagefindApi[]) {
    this.dir = dir;
    this.batch = o.batch ?? SEARCH_BATCH;
    this.limit = o.queued ?? QUEUED;
    this.apis = apis;
  }

  readonly add: AddPage = (route, html) => {
    if (this.closed) return Promise.resolve();
    if (this.ended) return Promise.reject(problem(`a page (${route}) came after the last one`));
    this.pages++;
    if (!BODY.test(html)) return Promise.resolve();
    html = searchable(html);
    // One page after another, in the order they come, whenever Pagefind makes room: the bundles do not depend on timing.
    const sent = this.turn.then(() => this.send(route, html));
    this.turn = sent.catch(() => {});
    return sent;
  };

  private async send(route: string, html: string): Promise<void> {
    // Room first: the queue within its limit (a page larger than the limit goes alone), and no second full bundle while one is written.
    while ((this.inFlight.size > 0 && this.queued + html.length > this.limit) || this.writes.length > 1) await (this.writes.length > 1 ? this.writes[0] : Promise.race(this.inFlight));
    this.check();
    const bundle = await (this.filling ??= this.open());
    this.live();
    const parsed = bundle.index.addHTMLFile({ url: route, content: html }).then((r) => this.fail(r.errors), (e: unknown) => this.fail([e]));
    // The length, not the page, is kept until it is parsed.
    const size = html.length;
    const tracked = parsed.finally(() => {
      this.inFlight.delete(tracked);
      this.queued -= size;
    });
    this.inFlight.add(tracked);
    this.queued += size;
    bundle.parsing.push(parsed);
    if (++bundle.added === this.batch) this.seal(bundle);
  }

  /**
   * No more pages: the last bundle (or an empty one, so that the search page finds pagefind/) starts being written,
   * while the caller does other work. An index opened for pages that did not come is deleted.
   */
  readonly end = (): Promise<void> => {
    this.ended ??= this.turn.then(async () => {
      const last = await (this.filling ?? this.open());
      this.filling = null;
      if (last.added > 0 || this.names.length === 1) this.seal(last, false);
      else await this.drop(last);
    });
    return this.ended;
  };

  /** Writes the last bundle (see end) and the list of bundles. */
  async finish(): Promise<Indexed> {
    await this.end();
    await Promise.all(this.writes);
    this.check();
    await writeFile(join(this.dir, 'pagefind', BUNDLES_FILE), `${JSON.stringify(this.names.slice(1))}\n`);
    return { pages: this.pages, indexed: this.indexed, bundles: [...this.names] };
  }

  /** No call to Pagefind from now on: a call would start its service again. */
  close(): void {
    this.closed = true;
  }

  private async open(): Promise<Bundle> {
    this.live();
    const name = this.names.length === 0 ? 'pagefind' : `pagefind-${this.names.length + 1}`;
    const api = this.apis[this.names.length % this.apis.length]!;
    this.names.push(name);
    const created = await api.createIndex(OPTIONS);
    if (!created.index) throw problem(created.errors.join('; '));
    return { name, index: created.index, added: 0, parsing: [] };
  }

  /** An index opened for pages that did not come: deleted, its name given back (nothing was written for it). */
  private async drop(bundle: Bundle): Promise<void> {
    this.live();
    await bundle.index.deleteIndex();
    this.names.pop();
  }

  /**
   * The bundle takes no more pages: it is written once its pages are parsed and the bundles before it written.
   * The next bundle's index is asked for now, before the write: Pagefind's service answers one message at a time, so
   * an index asked for after the write was sent would come only when the write is done, and the render would wait
   * for it (5 s a bundle at 20,000 people). The last bundle (`next` false) has no next.
   */
  private seal(bundle: Bundle, next = true): void {
    trace(`search bundle ${bundle.name} full (${bundle.added} pages)`);
    this.filling = next && !this.closed ? this.open() : null;
    this.filling?.catch(() => {});
    const done: Promise<void> = (this.writes.at(-1) ?? Promise.resolve())
      .then(() => this.write(bundle))
      .catch((e: unknown) => this.fail([e]))
      .finally(() => this.writes.splice(this.writes.indexOf(done), 1));
    this.writes.push(done);
  }

  private async write(b: Bundle): Promise<void> {
    await Promise.all(b.parsing);
    this.live();
    const written = await b.index.writeFiles({ outputPath: join(this.dir, b.name) });
    this.fail(written.errors);
    this.live();
    await b.index.deleteIndex();
    this.indexed += await pageCount(join(this.dir, b.name));
    trace(`search bundle ${b.name} written`);
  }

  private fail(errors: unknown[]): void {
    if (errors.length && !this.failure) this.failure = problem(errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; '));
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private live(): void {
    if (this.closed) throw problem('stopped');
  }
}

/** The pages in a written bundle, from its entry file (Pagefind's own count). */
async function pageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/**
 * Runs render with a function that takes each rendered page into the search index, then writes the last bundle into
 * dir. render may call `end` once its last page is added, to have the last bundle written while it does other work;
 * a page added after that fails. Pagefind's service is stopped in every case, also when render fails.
 */
export async function indexWhile(dir: string, render: (add: AddPage, end: () => void) => Promise<void>, o: SearchOptions = {}): Promise<Indexed> {
  const apis = o.apis ?? (await pagefindServices(SERVICES));
  const indexer = new Indexer(dir, o, apis);
  try {
    await render(indexer.add, () => void indexer.end().catch(() => {}));
    return await indexer.finish();
  } finally {
    indexer.close();
    // Pagefind indexes in child processes (its binary in service mode); stop them so none outlives the build.
    await Promise.all(apis.map((api) => api.close()));
    trace('Pagefind closed');
  }
}

/**
 * n instances of Pagefind's Node API, each starting a service of its own: the package keeps one service per module
 * instance, and the same module under another query is another instance.
 */
async function pagefindServices(n: number): Promise<PagefindApi[]> {
  const url = import.meta.resolve('pagefind');
  const more = await Promise.all(Array.from({ length: n - 1 }, (_, i) => import(`${url}?service=${i + 2}`) as Promise<PagefindApi>));
  return [pagefind, ...more];
}
