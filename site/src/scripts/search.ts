// The search page's client script: reads ?q= (and ?kind=), asks the site's own Pagefind index, lists the pages found.

/** The part of Pagefind's browser API (pagefind.js) this page uses. */
interface Pagefind {
  mergeIndex(path: string): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<Hit> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface Hit { url: string; excerpt: string; meta: { title?: string; kind?: string } }

const SHOWN = 50;

/** The excerpt's text with Pagefind's <mark> highlights kept as elements; any other markup becomes text. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.body.childNodes].map((n) => {
    if (n.nodeName !== 'MARK') return document.createTextNode(n.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = n.textContent;
    return mark;
  });
}

function item(h: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = h.url;
  a.textContent = h.meta.title ?? h.url;
  const p = document.createElement('p');
  p.append(...excerptNodes(h.excerpt));
  li.append(a, ` (${h.meta.kind ?? 'page'})`, p);
  return li;
}

/** Loads Pagefind from the site (its URL under the base path) and shows the results for the page's query. */
export async function runSearch(pagefindUrl: string): Promise<void> {
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim() ?? '';
  const kind = params.get('kind') ?? '';
  const input = document.getElementById('q') as HTMLInputElement;
  const select = document.getElementById('kind') as HTMLSelectElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  input.value = q;
  const pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
  // A large site's person pages are in further bundles beside pagefind/ (src/site/search-index.ts).
  const bundles = (await fetch(new URL('lac-bundles.json', new URL(pagefindUrl, location.href))).then((r) => (r.ok ? r.json() : []))) as string[];
  for (const b of bundles) await pagefind.mergeIndex(new URL(`../${b}/`, new URL(pagefindUrl, location.href)).pathname);
  const kinds = Object.keys((await pagefind.filters()).kind ?? {}).sort();
  select.append(...kinds.map((k) => new Option(k, k, false, k === kind)));
  if (!q) return;
  status.textContent = `Searching for “${q}”…`;
  const found = await pagefind.search(q, kind ? { filters: { kind } } : {});
  const hits = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
  const more = found.results.length > SHOWN ? ` (the first ${SHOWN} shown)` : '';
  status.textContent = hits.length ? `${found.results.length} pages found for “${q}”${more}` : `Nothing found for “${q}”`;
  list.replaceChildren(...hits.map(item));
  list.dataset.query = q;
}
