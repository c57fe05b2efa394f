// The site's own view of an inventory file (src/site/pages/misc.ts): SOURCE_LINES lines a page, made when rendered,
// every line on the page its links point at, the lines the same as the file's.
import { describe, expect, test } from 'vitest';
import { lineItemsHtml } from '../../src/site/html/cells.ts';
import { links, SOURCE_LINES, sourceRoute } from '../../src/site/links.ts';
import type { Ctx } from '../../src/site/pages/context.ts';
import { sourcePages } from '../../src/site/pages/misc.ts';
import type { Page } from '../../src/site/types.ts';

const ctx = { links: links(null, null), m: { provenance: { commit: 'c0ffee'.padEnd(40, '0') } } } as unknown as Ctx;
const code = (p: Page) => p.sections.find((s) => s.type === 'code') as Extract<Page['sections'][number], { type: 'code' }>;
/** The lines as the view had them when a file was one page. */
const fileLines = (text: string) => text.replace(/\r?\n$/, '').split(/\r?\n/);

describe('the source view of a file', () => {
  const texts: [string, string][] = [];
  for (const n of [1, SOURCE_LINES - 1, SOURCE_LINES, SOURCE_LINES + 1, 2 * SOURCE_LINES + 7]) {
    const lines = Array.from({ length: n }, (_, i) => (i % 97 === 5 ? '' : `- id: person-${i}`));
    texts.push([`${n} lines, \\n`, `${lines.join('\n')}\n`], [`${n} lines, \\r\\n`, `${lines.join('\r\n')}\r\n`], [`${n} lines, no end`, lines.join('\n')], [`${n} lines, a blank last line`, `${lines.join('\n')}\n\n`]);
  }
  texts.push(['empty', ''], ['a lone \\r in a line', 'a\rb\r\n\r\nc\r\r\n']);

  test.each(texts)('%s: the parts, read in order, are the lines of the file, each under the route its links name', (_, text) => {
    const pages = sourcePages(ctx, { 'inventory/people.yaml': text });
    const expected = fileLines(text);
    expect(pages).toHaveLength(Math.ceil(expected.length / SOURCE_LINES));
    const made = pages.map((p) => p.make());
    expect(made.flatMap((p) => code(p).lines)).toEqual(expected);
    for (const [k, p] of made.entries()) {
      const first = k * SOURCE_LINES + 1;
      expect(p.route).toBe(pages[k]!.route);
      expect(p.route).toBe(k === 0 ? '/source/inventory/people.yaml/' : `/source/inventory/people.yaml/lines-${first}/`);
      expect(code(p).start ?? 1).toBe(first);
      // The first and last line of the part are on it, under the IDs that links to them name.
      const html = lineItemsHtml(code(p).lines, code(p).start);
      for (const line of [first, first + code(p).lines.length - 1]) {
        expect(ctx.links.blob('inventory/people.yaml', line)).toBe(`${p.route}#L${line}`);
        expect(html).toContain(`<li id="L${line}">`);
      }
      // A file of more than one part lists its parts; one of one part does not.
      const parts = p.sections.find((s) => s.type === 'links');
      if (made.length === 1) expect(parts).toBeUndefined();
      else expect(parts && 'links' in parts && parts.links.map((l) => l.href)).toEqual(pages.map((q) => q.route));
    }
  });

  test('routes: the first part without a suffix; a line beyond the file\'s first part on its own part', () => {
    expect(sourceRoute('inventory/org.yaml')).toBe('/source/inventory/org.yaml/');
    expect(sourceRoute('inventory/org.yaml', 1)).toBe('/source/inventory/org.yaml/');
    expect(sourceRoute('inventory/org.yaml', SOURCE_LINES)).toBe('/source/inventory/org.yaml/');
    expect(sourceRoute('inventory/org.yaml', SOURCE_LINES + 1)).toBe(`/source/inventory/org.yaml/lines-${SOURCE_LINES + 1}/`);
    expect(links(null, null).blob('inventory/org.yaml')).toBe('/source/inventory/org.yaml/');
    // With a repository web address, lines link there, whatever the line.
    expect(links('https://github.com/acme/licenses', 'abc').blob('inventory/org.yaml', SOURCE_LINES * 3)).toBe(`https://github.com/acme/licenses/blob/abc/inventory/org.yaml#L${SOURCE_LINES * 3}`);
  });
});
