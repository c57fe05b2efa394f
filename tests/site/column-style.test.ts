// What a table says once about its columns (src/site/column-style.ts), read per column by site/src/styles/columns.css:
// its stacked rows' names and its columns of dates. The browser test (tests/browser/print-mobile.test.ts) checks what renders.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dayColumns, STACK_LABELLED, stackLabelStyle } from '../../src/site/column-style.ts';
import { bodyRowsHtml } from '../../src/site/html/cells.ts';

const css = readFileSync(new URL('../../site/src/styles/columns.css', import.meta.url), 'utf8');

describe('column style', () => {
  test('a label is a CSS string: quotes, backslashes and line breaks escaped', () => {
    expect(stackLabelStyle(['License', "Owner's team", 'a\\b', 'two\nlines'])).toBe("--c1:'License';--c2:'Owner\\'s team';--c3:'a\\\\b';--c4:'two\\a lines'");
  });

  test(`only the first ${STACK_LABELLED} columns are named by the table; the stylesheet reads each of them on a phone and in print`, () => {
    const labels = Array.from({ length: STACK_LABELLED + 3 }, (_, i) => `c${i}`);
    expect(stackLabelStyle(labels).split(';')).toHaveLength(STACK_LABELLED);
    for (let i = 1; i <= STACK_LABELLED; i++) {
      expect(css).toContain(`table[data-table] td:nth-child(${i})::before { content: var(--c${i}); }`);
      expect(css).toContain(`table.stack-print td:nth-child(${i})::before { content: var(--c${i}); }`);
    }
    expect(css).not.toContain(`nth-child(${STACK_LABELLED + 1})`);
  });

  test('a column of dates (or empty cells, one date at least) is marked once; a date in another column is marked on its cell', () => {
    const t = {
      columns: [{ label: 'Since' }, { label: 'Ends' }, { label: 'Note' }, { label: 'Amount', numeric: true }, { label: 'Never' }],
      rows: [
        ['2026-01-02', { text: '2026-03-04 – 2026-05-06', href: '/x/' }, '2026-07-08', '2026-09-10', ''],
        ['2025-12-31', '', 'see the contract', '1', ''],
      ],
    };
    expect(dayColumns(t)).toEqual([1, 2]);
    const days = new Set(dayColumns(t));
    // The cells' own classes as the table's body is written (src/site/html/cells.ts): a date outside a date column is "day", a number "num".
    const classes = [...bodyRowsHtml(t.columns, t.rows, days, (r) => r).matchAll(/<td( class="([^"]*)")?/g)].map((m) => m[2] ?? '');
    expect(classes).toEqual(['', '', 'day', 'num', '', '', '', '', 'num', '']);
    for (let i = 1; i <= STACK_LABELLED; i++) expect(css).toContain(`table[data-days~="${i}"] td:nth-child(${i}) { white-space: normal; overflow-wrap: normal; }`);
  });
});
