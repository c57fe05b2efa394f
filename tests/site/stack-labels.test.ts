// The stacked rows' column names: one style attribute per table (src/site/stack-labels.ts) read per column by
// site/src/styles/stack-labels.css. The browser test (tests/browser/print-mobile.test.ts) checks what renders.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { STACK_LABELLED, stackLabelStyle } from '../../src/site/stack-labels.ts';

const css = readFileSync(new URL('../../site/src/styles/stack-labels.css', import.meta.url), 'utf8');

describe('stack labels', () => {
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
});
