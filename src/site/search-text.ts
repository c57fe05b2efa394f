// What of a page goes to the search index. The lines of a source file (`ol.source`) and the rows of a table with its
// own CSV (`tbody`) are marked data-pagefind-ignore, so Pagefind indexes nothing in them; they are cut out before the
// page is sent, and the index is the same. At 100,000 people a file's page is up to 23 MB of HTML and its list is all
// but a few kilobytes of it: sent whole, each such page was copied through the queue, the JSON and base64 of
// Pagefind's pipe, and Pagefind's parser (issue 16).

// The elements cut: an `ol` or `tbody` whose opening tag carries data-pagefind-ignore. Neither holds another of its
// kind (a tbody never does; a source list's items are text), so the first closing tag after it ends it.
const IGNORED = /<(ol|tbody)\b[^>]*\sdata-pagefind-ignore(?:[\s=][^>]*)?>/g;

/** The page with the content of its ignored source lists and table bodies removed (the elements themselves kept, empty). */
export function searchable(html: string): string {
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
