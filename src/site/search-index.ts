// The site's full-text search index: Pagefind reads the rendered pages and writes its static index
// and scripts into <out>/pagefind/, which the search page loads from the site itself.
//
// Pagefind holds about 60 KB per page until it writes the index: 100,000 person pages would take
// 6 GB. Person pages beyond the first SEARCH_BATCH pages are indexed in further bundles of that many
// (<out>/pagefind-2/, ...), one at a time, which the search page merges (Pagefind's mergeIndex);
// their names are in <out>/pagefind/lac-bundles.json. Each bundle is the site's folder read through
// a glob of its pages.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Pages a Pagefind index holds at most: 8,000 take about 550 MB. */
export const SEARCH_BATCH = 8000;

/** The file listing the bundles the search page merges into the first (names of directories beside pagefind/). */
export const BUNDLES_FILE = 'lac-bundles.json';

const OPTIONS = {
  // One language: the pages are English, and a second index would double what the browser loads.
  // "#" is part of a word, so that "#52" finds pull request 52 and not every 52 on the site.
  forceLanguage: 'en', excludeSelectors: ['svg'], includeCharacters: '#',
};

const BUNDLE = /^pagefind(-\d+)?$/;

/** The site's person IDs (people/<id>/index.html; people/list/ holds the list's pages) and its other top-level folders. */
async function layoutOf(outDir: string): Promise<{ people: string[]; folders: string[] }> {
  const top = await readdir(outDir, { withFileTypes: true });
  const folders = top.filter((d) => d.isDirectory() && d.name !== 'people' && !BUNDLE.test(d.name)).map((d) => d.name).sort();
  const people = top.some((d) => d.isDirectory() && d.name === 'people') ? await readdir(join(outDir, 'people'), { withFileTypes: true }) : [];
  return { people: people.filter((d) => d.isDirectory() && d.name !== 'list').map((d) => d.name).sort(), folders };
}

/** The globs of the bundles: the first every page but person pages past `batch` less the others; each further one `batch` person pages. */
export function bundleGlobs(layout: { people: string[]; folders: string[] }, others: number, batch = SEARCH_BATCH): string[] {
  // IDs and route folders are letters, digits, ".", "-" and "_": nothing a glob reads as a pattern.
  const personPages = (ids: string[]) => (ids.length ? [`people/{${ids.join(',')}}/index.html`] : []);
  const first = Math.max(0, batch - others);
  const out = [`{${['*.html', ...layout.folders.map((f) => `${f}/**/*.html`), 'people/index.html', 'people/list/**/*.html', ...personPages(layout.people.slice(0, first))].join(',')}}`];
  for (let i = first; i < layout.people.length; i += batch) out.push(personPages(layout.people.slice(i, i + batch))[0]!);
  return out;
}

/** Indexes the pages the glob matches into one bundle at outDir/<bundle>/; returns the pages indexed. */
async function indexBundle(outDir: string, glob: string, bundle: string): Promise<number> {
  const created = await pagefind.createIndex(OPTIONS);
  const index = created.index;
  if (!index) throw new Error(created.errors.join('; '));
  try {
    const added = await index.addDirectory({ path: outDir, glob });
    const written = await index.writeFiles({ outputPath: join(outDir, bundle) });
    const errors = [...created.errors, ...added.errors, ...written.errors];
    if (errors.length) throw new Error(errors.join('; '));
  } finally {
    await index.deleteIndex();
  }
  // addDirectory counts the files it read; the entry file counts the pages indexed (those with data-pagefind-body).
  const entry = JSON.parse(await readFile(join(outDir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** Indexes every HTML page under outDir into outDir/pagefind/ (and further bundles); returns the number of pages indexed. */
export async function indexSite(outDir: string, batch = SEARCH_BATCH): Promise<number> {
  try {
    const layout = await layoutOf(outDir);
    const pages = (await readdir(outDir, { recursive: true })).map(String).filter((f) => f.endsWith('.html') && !/^pagefind(-\d+)?\//.test(f)).length;
    const globs = bundleGlobs(layout, pages - layout.people.length, batch);
    const names = globs.map((_, i) => (i === 0 ? 'pagefind' : `pagefind-${i + 1}`));
    let indexed = 0;
    for (const [i, glob] of globs.entries()) indexed += await indexBundle(outDir, glob, names[i]!);
    await writeFile(join(outDir, 'pagefind', BUNDLES_FILE), `${JSON.stringify(names.slice(1))}\n`);
    return indexed;
  } catch (e) {
    throw new Error(`the search index (Pagefind) could not be built: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    // Pagefind indexes in a child process (its binary in service mode); stop it so none outlives the build.
    await pagefind.close();
  }
}
