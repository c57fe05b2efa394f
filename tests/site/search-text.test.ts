// What of a page is sent to the search index (src/site/search-text.ts): the <html> tag, the title and the main
// element, with the content of the lists and table bodies marked data-pagefind-ignore cut; Pagefind indexes the
// page the same. The last test runs the real Pagefind (the `pagefind` package's Node API,
// node_modules/pagefind/types/index.d.ts: createIndex, addHTMLFile, getFiles) on the page whole and cut, and
// compares the files it would write.
import { gunzipSync } from 'node:zlib';
import { createIndex, close } from 'pagefind';
import { afterAll, describe, expect, test } from 'vitest';
import { searchable } from '../../src/site/search-text.ts';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `<li>- id: person-${i} # zyzzyva line ${i}</li>`).join('');
const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>people.yaml · Org</title><link rel="stylesheet" href="/_astro/site.css"></head>';
const main = (n: number) => `<main data-pagefind-body data-pagefind-filter="kind:source"><h1>inventory/people.yaml</h1><p>Lines of the file.</p>`
  + `<section class="code"><ol class="source" style="--w:7ch" data-pagefind-ignore>${lines(n)}</ol></section>`
  + `<table><thead><tr><th>Person</th></tr></thead><tbody data-pagefind-ignore="">${'<tr><td><a href="/p/">Ada zyzzyva</a></td></tr>'.repeat(n)}</tbody></table>`
  + `<table><tbody><tr><td>kept row quokka</td></tr></tbody></table><ol><li>kept item</li></ol></main>`;
const sourcePage = (n: number) => `${HEAD}<body><a class="skip" href="#main">Skip</a><header><nav><ul><li><a href="/">Menu wombat</a></li></ul></nav>`
  + `<form role="search"><input name="q" placeholder="PO, email"></form></header>${main(n)}<footer><p>Built from commit abc1234 numbat</p></footer></body></html>`;

describe('searchable', () => {
  test('keeps the html tag, the title and the main element only; cuts the ignored source lines and table body, keeping the elements', () => {
    const out = searchable(sourcePage(3));
    expect(out).not.toMatch(/wombat|numbat|stylesheet|skip|search|charset/);
    expect(out.startsWith('<!DOCTYPE html><html lang="en"><head><title>people.yaml · Org</title></head><body><main data-pagefind-body')).toBe(true);
    expect(out).not.toContain('zyzzyva');
    expect(out).toContain('<ol class="source" style="--w:7ch" data-pagefind-ignore></ol>');
    expect(out).toContain('<tbody data-pagefind-ignore=""></tbody>');
    expect(out).toContain('<tbody><tr><td>kept row quokka</td></tr></tbody>');
    expect(out).toContain('<ol><li>kept item</li></ol>');
    // In the main element, only the cut parts differ.
    const cutMain = main(3).replace(lines(3), '').replace(/<tr><td><a href="\/p\/">Ada zyzzyva<\/a><\/td><\/tr>/g, '');
    expect(out).toBe(`<!DOCTYPE html><html lang="en"><head><title>people.yaml · Org</title></head><body>${cutMain}</body></html>`);
  });

  test('a page without a main element marked data-pagefind-body keeps its other parts', () => {
    const page = '<!doctype html><html lang="en"><head><title>Search</title></head><body><nav>Menu</nav><main><h1>Search</h1></main></body></html>';
    expect(searchable(page)).toBe(page);
  });

  test('a page with nothing ignored, an unclosed list, or an attribute that only starts alike is left as it is', () => {
    const plain = '<main data-pagefind-body><ol><li>a</li></ol><tbody><tr><td>b</td></tr></tbody></main>';
    expect(searchable(plain)).toBe(plain);
    const unclosed = '<main><ol class="source" data-pagefind-ignore><li>a</li>';
    expect(searchable(unclosed)).toBe(unclosed);
    const alike = '<main><ol data-pagefind-ignored-not><li>a</li></ol></main>';
    expect(searchable(alike)).toBe(alike);
  });

  afterAll(() => close());

  test('Pagefind writes the same index for the page whole and cut (navigation, head and footer left out)', async () => {
    const files = async (html: string) => {
      const { index } = await createIndex({});
      await index!.addHTMLFile({ url: '/source/inventory/people.yaml/', content: html });
      const { files } = await index!.getFiles();
      await index!.deleteIndex();
      // The fragment (the page's indexed text and metadata) and the word index; the entry file names the build.
      return files.filter((f) => /^(fragment|index)\//.test(f.path)).map((f) => [f.path, gunzipSync(f.content).toString('latin1')]).sort();
    };
    const whole = await files(sourcePage(400));
    const cut = await files(searchable(sourcePage(400)));
    expect(whole.length).toBeGreaterThan(1);
    expect(cut).toEqual(whole);
    expect(cut.map(([, t]) => t).join('')).toContain('quokka');
  }, 60_000);
});
