// Issue 15: every page the site generates is reachable by following links from the overview, and the audit trail by month.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteFromInput } from '../../src/site/site-data.ts';
import { NAV, type Cell, type CellValue, type Page, type SiteData } from '../../src/site/types.ts';
import { builtSite } from './built.ts';

let site: SiteData;
let cleanup: () => void;

beforeAll(async () => ({ site, cleanup } = await builtSite()));
afterAll(() => cleanup());

/** The routes a page links to, as the components render them (site/src/components); the layout adds the main navigation and the footer. */
function linksOf(d: SiteData, p: Page): string[] {
  const out: string[] = [...NAV.map((n) => n[2]), '/downloads/', ...p.crumbs.map((c) => c.href ?? '')];
  const cell = (c: CellValue | undefined) => { if (c && typeof c === 'object' && c.href) out.push(c.href); };
  const cells = (cs: (Cell | undefined)[]) => cs.forEach(cell);
  for (const s of p.sections) {
    if (s.type === 'kpis') out.push(...s.items.flatMap((k) => (k.href ? [k.href] : [])));
    if (s.type === 'table') d.tables[s.table]!.rows.forEach((r) => r.forEach(cell));
    if (s.type === 'facts') s.items.forEach((i) => (Array.isArray(i.value) ? i.value.forEach(cell) : cell(i.value)));
    if (s.type === 'links') cells(s.links);
    if (s.type === 'pager') cells([...s.pages, s.prev, s.next]);
  }
  return out.map((h) => h.replace(/#.*$/, '')).filter((h) => h.startsWith('/') && !h.startsWith('/download/'));
}

/** The pages reached from the overview, and the links to pages that do not exist. */
function crawl(d: SiteData): { pages: Map<string, Page>; reached: Set<string>; broken: string[] } {
  const pages = new Map(d.pages.map((p) => [p.route, p]));
  const reached = new Set<string>(['/']);
  const queue = ['/'];
  const broken: string[] = [];
  while (queue.length) {
    const from = queue.shift()!;
    for (const to of linksOf(d, pages.get(from)!)) {
      if (!pages.has(to)) broken.push(`${from} -> ${to}`);
      else if (!reached.has(to)) { reached.add(to); queue.push(to); }
    }
  }
  return { pages, reached, broken };
}

describe('reachability', () => {
  test('with a repository web address (sources linked there, no source pages), every page is reached and no link is broken', () => {
    const remote = siteFromInput({ ...site, model: { ...site.model, provenance: { ...site.model.provenance, repoUrl: 'https://git.test.example/org/licenses' } }, sources: null });
    const { pages, reached, broken } = crawl(remote);
    expect(broken).toEqual([]);
    expect([...pages.keys()].filter((r) => !reached.has(r))).toEqual([]);
    expect(pages.has('/source/')).toBe(false);
  });

  test('crawling links from the overview reaches every generated page, and nothing else', () => {
    const { pages, reached, broken } = crawl(site);
    expect(broken).toEqual([]);
    expect([...pages.keys()].filter((r) => !reached.has(r))).toEqual([]);
    expect(reached.size).toBe(pages.size);
    // The pages nothing linked to before issue 15: people.yaml's and a usage file's source view.
    expect(reached).toContain('/source/inventory/people.yaml/');
    expect(reached).toContain('/source/inventory/usage/figma.yaml/');
  });

  test('1,200 people: the list is three pages with a pager; only people with a seat or a change have a page, the rest are unlinked rows', () => {
    const ada = site.model.people.find((p) => p.id === 'ada')!;
    const extra = Array.from({ length: 1197 }, (_, i) => ({ ...ada, id: `p${String(i).padStart(4, '0')}`, name: `Person ${i}`, email: `p${i}@test.example`, seats: 0 }));
    const big = siteFromInput({ ...site, model: { ...site.model, people: [...site.model.people, ...extra] } });
    const { pages, reached, broken } = crawl(big);
    expect(broken).toEqual([]);
    expect([...pages.keys()].filter((r) => !reached.has(r))).toEqual([]);
    expect([...pages.keys()].filter((r) => r.startsWith('/people/'))).toEqual(['/people/', '/people/list/2/', '/people/list/3/', '/people/ada/', '/people/bob/', '/people/cy/']);
    const list = (route: string) => big.pages.find((p) => p.route === route)!.sections.flatMap((s) => (s.type === 'table' && s.table.startsWith('people-page-') ? big.tables[s.table]!.rows : []));
    expect([1, 2, 3].map((n) => list(n === 1 ? '/people/' : `/people/list/${n}/`).length)).toEqual([500, 500, 200]);
    expect(list('/people/list/3/').at(-1)![0]).toEqual({ text: 'Person 1196', id: 'p1196', email: 'p1196@test.example' });
    expect(list('/people/')[0]![0]).toMatchObject({ text: 'Ada Lovelace', href: '/people/ada/' });
    expect(big.tables['people-page-2']!.csv).toBe('people');
    expect(big.tables['people-page-2']!.title).toBe('Everyone: 501–1000 of 1200');
    expect(big.pages.find((p) => p.route === '/people/list/2/')!.sections.filter((s) => s.type === 'pager').map((s) => s.type === 'pager' && s.current)).toEqual([2, 2]);
    // One page of people has no pager.
    expect(site.pages.find((p) => p.route === '/people/')!.sections.some((s) => s.type === 'pager')).toBe(false);
    expect(big.tables.people!.rows.length).toBe(1200);
  });

  test('1,100 seats of one license: its list is three pages of seats with a pager, each a view of seats.csv, all reached from the license page', () => {
    const seat = site.model.seats.find((x) => x.license === 'figma' && x.person === 'ada')!;
    const extra = Array.from({ length: 1100 - site.model.seats.filter((x) => x.license === 'figma').length }, (_, i) => ({ ...seat, device: `laptop-${String(i).padStart(4, '0')}`, person: null, line: 100 + i }));
    const big = siteFromInput({ ...site, model: { ...site.model, seats: [...site.model.seats, ...extra] } });
    const { pages, reached, broken } = crawl(big);
    expect(broken).toEqual([]);
    expect([...pages.keys()].filter((r) => !reached.has(r))).toEqual([]);
    expect([...pages.keys()].filter((r) => r.startsWith('/licenses/figma/'))).toEqual(['/licenses/figma/', '/licenses/figma/seats/2/', '/licenses/figma/seats/3/']);
    const shown = (route: string) => big.pages.find((p) => p.route === route)!.sections.flatMap((s) => (s.type === 'table' && s.table.startsWith('license-figma-seats') ? big.tables[s.table]!.rows : []));
    const lists = ['/licenses/figma/', '/licenses/figma/seats/2/', '/licenses/figma/seats/3/'].map(shown);
    expect(lists.map((l) => l.length)).toEqual([500, 500, 100]);
    // Every seat of the license once, in the order of seats.csv; each page's table opens that file.
    const all = big.tables.seats!.rows.filter((r) => (r[1] as { id?: string }).id === 'figma').map((r) => [r[0], ...r.slice(2)]);
    expect(lists.flat()).toEqual(all);
    expect(['license-figma-seats', 'license-figma-seats-2', 'license-figma-seats-3'].map((t) => big.tables[t]!.csv)).toEqual(['seats', 'seats', 'seats']);
    expect(big.tables['license-figma-seats-3']!.title).toBe('Who holds the seats: 1001–1100 of 1100');
    const pager = big.pages.find((p) => p.route === '/licenses/figma/seats/2/')!.sections.find((s) => s.type === 'pager')!;
    expect(pager).toMatchObject({ current: 2, prev: { href: '/licenses/figma/' }, next: { href: '/licenses/figma/seats/3/' } });
  });

  test('a license page whose figures come from a usage snapshot cites and links that file', () => {
    const page = site.pages.find((p) => p.route === '/licenses/figma/')!;
    expect(linksOf(site, page)).toContain('/source/inventory/usage/figma.yaml/');
    const sources = site.tables['license-figma-sources']!.rows;
    expect(sources.at(-1)).toEqual(['all tiers', 'active, idle, last active', { text: 'inventory/usage/figma.yaml', href: '/source/inventory/usage/figma.yaml/' }, 'usage snapshot taken 2026-07-01T06:00:00Z']);
  });
});
