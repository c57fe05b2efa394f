// The repeated markup of tables, facts, links and source lines, as the components wrote it before it became one string
// (the 20,000-person site's pages are byte for byte the same; tests/browser covers how they show).
import { describe, expect, test } from 'vitest';
import { STACK_LABELLED } from '../../../src/site/column-style.ts';
import { bodyRowsHtml, cellHtml, factsHtml, headRowHtml, lineItemsHtml, linkItemsHtml } from '../../../src/site/html/cells.ts';
import type { Column } from '../../../src/site/types.ts';

const href = (route: string) => (route.startsWith('/') ? `/base${route}` : route);

describe('cells', () => {
  test('a cell is its text, linked under the base when it has a route; a table shows `shown` in place of the text', () => {
    expect(cellHtml('a < b', href)).toBe('a &lt; b');
    expect(cellHtml({ text: 'Figma', href: '/licenses/figma/' }, href)).toBe('<a href="/base/licenses/figma/">Figma</a>');
    expect(cellHtml({ text: 'x', href: 'https://e.example/?a=1&b=2' }, href)).toBe('<a href="https://e.example/?a=1&amp;b=2">x</a>');
    expect(cellHtml({ text: 'no link', href: '' }, href)).toBe('no link');
    const seat = { text: 'inventory/assignments/figma.yaml:6', shown: '6', href: '/source/x/#L6' };
    expect(cellHtml(seat, href)).toBe('<a href="/base/source/x/#L6">inventory/assignments/figma.yaml:6</a>');
    expect(cellHtml(seat, href, true)).toBe('<a href="/base/source/x/#L6">6</a>');
  });

  test("a table's rows: numeric cells right-aligned, a date outside the marked columns classed, text escaped", () => {
    const columns: Column[] = [{ label: 'License' }, { label: 'Since' }, { label: 'Seats', numeric: true }, { label: 'Note' }];
    const rows = [
      [{ text: 'Figma', href: '/licenses/figma/' }, '2026-01-02', '3', '2026-05-06 renewed'],
      ['O\'Brien & "co"', '', '0', ''],
    ];
    expect(headRowHtml(columns)).toBe('<tr><th>License</th><th>Since</th><th class="num">Seats</th><th>Note</th></tr>');
    expect(bodyRowsHtml(columns, rows, new Set([2]), href)).toBe(
      '<tr><td><a href="/base/licenses/figma/">Figma</a></td><td>2026-01-02</td><td class="num">3</td><td class="day">2026-05-06 renewed</td></tr>' +
        '<tr><td>O&#39;Brien &amp; &quot;co&quot;</td><td></td><td class="num">0</td><td></td></tr>',
    );
    expect(bodyRowsHtml(columns, [], new Set(), href)).toBe('');
  });

  test(`past ${STACK_LABELLED} columns a cell names its column in data-label`, () => {
    const columns: Column[] = Array.from({ length: STACK_LABELLED + 2 }, (_, i) => ({ label: `c"${i}` }));
    const html = bodyRowsHtml(columns, [columns.map((_, i) => String(i))], new Set(), href);
    expect(html).toContain(`<td>${STACK_LABELLED - 1}</td><td data-label="c&quot;${STACK_LABELLED}">${STACK_LABELLED}</td>`);
    expect(html.match(/data-label/g)).toHaveLength(2);
  });

  test('facts: term, a space, the value; a key fact weighs 5 in the search index; a list of values joined by commas', () => {
    const html = factsHtml(
      [
        { label: 'ID', value: 'ada', key: true },
        { label: 'Manager', value: { text: 'Diego <N>', href: '/people/diego/' } },
        { label: 'Owners', value: ['a & b', { text: 'C', href: '/people/c/', shown: 'unused' }] },
        { label: 'None', value: [] },
      ],
      href,
    );
    expect(html).toBe(
      '<div><dt>ID</dt> <dd data-pagefind-weight="5">ada</dd></div>' +
        '<div><dt>Manager</dt> <dd><a href="/base/people/diego/">Diego &lt;N&gt;</a></dd></div>' +
        '<div><dt>Owners</dt> <dd>a &amp; b, <a href="/base/people/c/">C</a></dd></div>' +
        '<div><dt>None</dt> <dd></dd></div>',
    );
  });

  test('links are list items; source lines are list items with the ID that links to each', () => {
    expect(linkItemsHtml([{ text: 'A', href: '/a/' }, { text: 'B&' }], href)).toBe('<li><a href="/base/a/">A</a></li><li>B&amp;</li>');
    expect(lineItemsHtml(['people:', "  - id: o'brien # <x>", ''])).toBe('<li id="L1">people:</li><li id="L2">  - id: o&#39;brien # &lt;x&gt;</li><li id="L3"></li>');
  });
});
