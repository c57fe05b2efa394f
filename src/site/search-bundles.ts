// Which pages each search bundle indexes (src/site/search-index.ts), as a glob Pagefind reads the site's folder through.
// Person pages are grouped by the leading characters of their folder's name, so that a bundle's glob names a few
// prefixes (`people/{ab*,ac*}/**/*.html`) rather than thousands of folders: Pagefind matches every path of the
// output against each bundle's glob.

/** The site's folders: top-level ones other than people/, and people/'s sub-folders with the pages each holds. */
export interface SiteLayout {
  folders: string[];
  /** people/<name>/: a person's page, or the list's pages (people/list/). */
  people: { name: string; pages: number }[];
}

interface Group {
  /** A glob of names: `ab*` every name starting with ab, or one name exactly. */
  alt: string;
  pages: number;
}

/** Names grouped by the shortest prefixes whose pages fit in a batch, in name order; a name that is a prefix of others split up stands alone. */
export function prefixGroups(people: readonly { name: string; pages: number }[], batch: number, prefix = ''): Group[] {
  const pages = people.reduce((n, p) => n + p.pages, 0);
  if (!people.length) return [];
  if (pages <= batch || people.length === 1) return [{ alt: `${prefix}*`, pages }];
  const out: Group[] = [];
  const next = new Map<string, { name: string; pages: number }[]>();
  for (const p of people) {
    const c = p.name[prefix.length];
    if (c === undefined) out.push({ alt: prefix, pages: p.pages });
    else if (next.has(c)) next.get(c)!.push(p);
    else next.set(c, [p]);
  }
  for (const key of [...next.keys()].sort()) out.push(...prefixGroups(next.get(key)!, batch, prefix + key));
  return out;
}

/** The globs of the bundles: the first every page but people's folders past `batch` less the others; each further one at most `batch` pages of people/. */
export function bundleGlobs(layout: SiteLayout, others: number, batch: number): string[] {
  // Names of folders are letters, digits, ".", "-" and "_": nothing a glob reads as a pattern.
  const glob = (groups: Group[]) => `people/{${groups.map((g) => g.alt).join(',')}}/**/*.html`;
  const bundles: Group[][] = [[]];
  let room = Math.max(0, batch - others);
  for (const g of prefixGroups(layout.people, batch)) {
    if (g.pages > room) {
      bundles.push([]);
      room = batch;
    }
    bundles.at(-1)!.push(g);
    room -= g.pages;
  }
  const [first, ...rest] = bundles;
  const firstGlob = `{${['*.html', ...layout.folders.map((f) => `${f}/**/*.html`), 'people/index.html', ...(first!.length ? [glob(first!)] : [])].join(',')}}`;
  return [firstGlob, ...rest.map(glob)];
}
