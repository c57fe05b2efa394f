// The site's full-text search index: Pagefind reads the rendered pages and writes its static index
// and scripts into <out>/pagefind/, which the search page loads from the site itself.
//
// Pagefind holds about 60 KB per page until it writes the index: 100,000 person pages would take
// 6 GB. Person pages beyond the first SEARCH_BATCH pages are indexed in further bundles of that many
// (<out>/pagefind-2/, ...), one at a time, which the search page merges (Pagefind's mergeIndex);
// their names are in <out>/pagefind/lac-bundles.json.
import { link, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';

const STAGING = '.lac-search-';

/** Pages a Pagefind index holds at most. */
export const SEARCH_BATCH = 8000;

/** The file listing the bundles the search page merges into the first (names of directories beside pagefind/). */
export const BUNDLES_FILE = 'lac-bundles.json';

const OPTIONS = {
  // One language: the pages are English, and a second index would double what the browser loads.
  // "#" is part of a word, so that "#52" finds pull request 52 and not every 52 on the site.
  forceLanguage: 'en', excludeSelectors: ['svg'], includeCharacters: '#',
};

/** The HTML pages under outDir (relative paths): the person pages (people/<id>/index.html) and the rest. */
async function pagesOf(outDir: string): Promise<{ people: string[]; rest: string[] }> {
  const all = (await readdir(outDir, { recursive: true })).map(String).filter((f) => f.endsWith('.html') && !/^(pagefind(-\d+)?\/|\.lac-search-)/.test(f)).sort();
  const person = /^people\/[^/]+\/index\.html$/;
  return { people: all.filter((f) => person.test(f)), rest: all.filter((f) => !person.test(f)) };
}

/** Links the files into a fresh directory in outDir (same paths below it), for Pagefind to read as a site. */
async function stage(outDir: string, files: string[]): Promise<string> {
  // Inside the output: the same file system for hard links, and nothing left in the user's directories.
  const dir = await mkdtemp(join(outDir, STAGING));
  for (const f of files) {
    await mkdir(dirname(join(dir, f)), { recursive: true });
    // A hard link costs nothing; where the file system has none, a copy.
    await link(join(outDir, f), join(dir, f)).catch(() => copyFile(join(outDir, f), join(dir, f)));
  }
  return dir;
}

/** Indexes the files into one bundle at outDir/<bundle>/; returns the pages indexed. */
async function indexBundle(outDir: string, files: string[], bundle: string, whole: boolean): Promise<number> {
  const created = await pagefind.createIndex(OPTIONS);
  const index = created.index;
  if (!index) throw new Error(created.errors.join('; '));
  // A site of one bundle is read where it is.
  const staged = whole ? outDir : await stage(outDir, files);
  try {
    const added = await index.addDirectory({ path: staged });
    const written = await index.writeFiles({ outputPath: join(outDir, bundle) });
    const errors = [...created.errors, ...added.errors, ...written.errors];
    if (errors.length) throw new Error(errors.join('; '));
  } finally {
    await index.deleteIndex();
    if (!whole) await rm(staged, { recursive: true, force: true });
  }
  // addDirectory counts the files it read; the entry file counts the pages indexed (those with data-pagefind-body).
  const entry = JSON.parse(await readFile(join(outDir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** The bundles: the first holds every page but person pages past `batch`; each further one `batch` person pages. */
export function bundlesOf(pages: { people: string[]; rest: string[] }, batch = SEARCH_BATCH): string[][] {
  const first = Math.max(0, batch - pages.rest.length);
  const out = [[...pages.rest, ...pages.people.slice(0, first)]];
  for (let i = first; i < pages.people.length; i += batch) out.push(pages.people.slice(i, i + batch));
  return out;
}

/** Indexes every HTML page under outDir into outDir/pagefind/ (and further bundles); returns the number of pages indexed. */
export async function indexSite(outDir: string, batch = SEARCH_BATCH): Promise<number> {
  try {
    const bundles = bundlesOf(await pagesOf(outDir), batch);
    const names = bundles.map((_, i) => (i === 0 ? 'pagefind' : `pagefind-${i + 1}`));
    let pages = 0;
    for (const [i, files] of bundles.entries()) pages += await indexBundle(outDir, files, names[i]!, bundles.length === 1);
    await writeFile(join(outDir, 'pagefind', BUNDLES_FILE), `${JSON.stringify(names.slice(1))}\n`);
    return pages;
  } catch (e) {
    throw new Error(`the search index (Pagefind) could not be built: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    // Pagefind indexes in a child process (its binary in service mode); stop it so none outlives the build.
    await pagefind.close();
  }
}
