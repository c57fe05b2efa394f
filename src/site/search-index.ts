// The site's full-text search index: Pagefind reads the rendered pages and writes its static index
// and scripts into <out>/pagefind/, which the search page loads from the site itself.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Indexes every HTML page under outDir into outDir/pagefind/; returns the number of pages indexed. */
export async function indexSite(outDir: string): Promise<number> {
  try {
    // One language: the pages are English, and a second index would double what the browser loads.
    // "#" is part of a word, so that "#52" finds pull request 52 and not every 52 on the site.
    const created = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: ['svg'], includeCharacters: '#' });
    const index = created.index;
    if (!index) throw new Error(created.errors.join('; '));
    const added = await index.addDirectory({ path: outDir });
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    const errors = [...created.errors, ...added.errors, ...written.errors];
    if (errors.length) throw new Error(errors.join('; '));
    // addDirectory counts the files it read; the entry file counts the pages indexed (those with data-pagefind-body).
    const entry = JSON.parse(await readFile(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  } catch (e) {
    throw new Error(`the search index (Pagefind) could not be built: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    // Pagefind indexes in a child process (its binary in service mode); stop it so none outlives the build.
    await pagefind.close();
  }
}
