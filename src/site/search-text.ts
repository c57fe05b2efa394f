// What of a page goes to the search index. Pagefind reads only the element marked data-pagefind-body (the layout's
// <main>), the <html> tag and the title: the navigation, the stylesheet links and the footer are left out. That is
// 40 % of a person's page, and Pagefind's parse took 30 % less time without it (3,000 person pages at 20,000
// people: 1.4 -> 1.0 s of its CPU), the index byte for byte the same. The lines of a source file (`ol.source`) and
// the rows of a table with its own CSV (`tbody`) are marked data-pagefind-ignore, so Pagefind indexes nothing in
// them; they are cut out before the page is sent, and the index is the same. At 100,000 people a file's page is up
// to 23 MB of HTML and its list is all but a few kilobytes of it: sent whole, each such page was copied through the
// queue, the JSON and base64 of Pagefind's pipe, and Pagefind's parser (issue 16).

// The elements cut: an `ol` or `tbody` whose opening tag carries data-pagefind-ignore. Neither holds another of its
// kind (a tbody never does; a source list's items are text), so the first closing tag after it ends it.
const IGNORED = /<(ol|tbody)\b[^>]*\sdata-pagefind-ignore(?:[\s=][^>]*)?>/g;

// The one element Pagefind indexes: <main data-pagefind-body ...> (site/src/layouts/Layout.astro). A main holds no
// other, so the last </main> closes it.
const MAIN = /<main\b[^>]*\sdata-pagefind-body[\s=>]/;
const HTML = /<html\b[^>]*>/;
const TITLE = /<title>[^<]*<\/title>/;

/**
 * The page as Pagefind is sent it: its <html> tag, its title and its main element, with the content of the main
 * element's ignored source lists and table bodies removed (the elements themselves kept, empty). A page without
 * such a main element keeps all its other parts.
 */
export function searchable(html: string): string {
  // Cut first: a source page's list is most of its characters, and the main element is then copied without it.
  return mainOnly(cutIgnored(html));
}

/** `<!DOCTYPE html><html ...><head><title>...</title></head><body><main data-pagefind-body ...>...</main></body></html>`. */
function mainOnly(html: string): string {
  const main = MAIN.exec(html);
  const end = main ? html.lastIndexOf('</main>') : -1;
  const open = HTML.exec(html);
  if (!main || !open || end < main.index) return html;
  return `<!DOCTYPE html>${open[0]}<head>${TITLE.exec(html)?.[0] ?? ''}</head><body>${html.slice(main.index, end + '</main>'.length)}</body></html>`;
}

/** The page with the content of its ignored source lists and table bodies removed (the elements themselves kept, empty). */
function cutIgnored(html: string): string {
  let out = '';
  let from = 0;
  IGNORED.lastIndex = 0;
  for (let m = IGNORED.exec(html); m; m = IGNORED.exec(html)) {
    const open = m.index + m[0].length;
    const close = html.indexOf(`</${m[1]}>`, open);
    if (close < 0) break; // not closed: left as it is
    out += html.slice(from, open);
    from = close;
    IGNORED.lastIndex = close;
  }
  return from === 0 ? html : out + html.slice(from);
}
