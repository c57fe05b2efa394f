// The site's full-text search index: Pagefind reads the rendered pages and writes its static index
// and scripts into <out>/pagefind/, which the search page loads from the site itself.
//
// Pagefind holds about 60 KB per page until it writes the index: 100,000 person pages would take
// 6 GB. Person pages beyond the first SEARCH_BATCH pages are indexed in further bundles of that many
// (<out>/pagefind-2/, ...), one at a time, which the search page merges (Pagefind's mergeIndex);
// their names are in <out>/pagefind/lac-bundles.json. Each bundle is the site's folder read through
// a glob of its pages (./search-bundles.ts).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { bundleGlobs, type SiteLayout } from './search-bundles.ts';
import { trace } from './trace.ts';

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

/** The site's top-level folders, people/'s folders with their pages (people/<id>/index.html; people/list/ holds the list's pages), and the pages to index. */
async function layoutOf(outDir: string): Promise<SiteLayout & { pages: number }> {
  const top = await readdir(outDir, { withFileTypes: true });
  const folders = top.filter((d) => d.isDirectory() && d.name !== 'people' && !BUNDLE.test(d.name)).map((d) => d.name).sort();
  const html = (await readdir(outDir, { recursive: true })).map(String).filter((f) => f.endsWith('.html') && !/^pagefind(-\d+)?\//.test(f));
  const people = new Map<string, number>();
  for (const f of html) {
    const [first, name, rest] = f.split(sep, 3);
    if (first === 'people' && rest !== undefined) people.set(name!, (people.get(name!) ?? 0) + 1);
  }
  return { folders, people: [...people].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, pages]) => ({ name, pages })), pages: html.length };
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
    const globs = bundleGlobs(layout, layout.pages - layout.people.reduce((n, p) => n + p.pages, 0), batch);
    const names = globs.map((_, i) => (i === 0 ? 'pagefind' : `pagefind-${i + 1}`));
    let indexed = 0;
    trace(`search layout read: ${globs.length} bundles`);
    for (const [i, glob] of globs.entries()) {
      indexed += await indexBundle(outDir, glob, names[i]!);
      trace(`search bundle ${i + 1} indexed`);
    }
    await writeFile(join(outDir, 'pagefind', BUNDLES_FILE), `${JSON.stringify(names.slice(1))}\n`);
    return indexed;
  } catch (e) {
    throw new Error(`the search index (Pagefind) could not be built: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    // Pagefind indexes in a child process (its binary in service mode); stop it so none outlives the build.
    await pagefind.close();
    trace('Pagefind closed');
  }
}
