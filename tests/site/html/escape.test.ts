// The site's HTML helpers escape as Astro escapes an expression: the same function of Astro's runtime is the oracle.
import fc from 'fast-check';
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { describe, expect, test } from 'vitest';
import { attr, escapeText, link } from '../../../src/site/html/escape.ts';

// Strings rich in the characters that escaping concerns.
const risky = fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', "'", '"', '=', '/', 'é', '\n', '&amp;') });
const text = fc.oneof(risky, fc.string({ unit: 'grapheme' }));

describe('escaping as Astro does', () => {
  test('text: as Astro escapes a string expression ({value})', () => {
    fc.assert(fc.property(text, (s) => {
      expect(escapeText(s)).toBe(String(escapeHTML(s)));
    }));
    expect(escapeText(`Tom & Jerry's <b>"x"</b>`)).toBe('Tom &amp; Jerry&#39;s &lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  });

  test('an attribute: as Astro writes name={value}, absent for undefined and bare for ""', () => {
    const name = fc.constantFrom('href', 'class', 'id', 'data-label', 'aria-current', 'data-pagefind-weight');
    fc.assert(fc.property(name, fc.option(text, { nil: undefined }), (n, v) => {
      expect(attr(n, v)).toBe(String(addAttribute(v, n)));
    }));
    expect(attr('href', '/a?b=1&c="d"<e>')).toBe(' href="/a?b=1&amp;c=&quot;d&quot;<e>"');
    expect(attr('data-x', '')).toBe(' data-x');
    expect(attr('class', undefined)).toBe('');
  });

  test('a link escapes its address as an attribute and its text as text', () => {
    expect(link('/people/o"brien/?a&b', "O'Brien & <co>")).toBe('<a href="/people/o&quot;brien/?a&amp;b">O&#39;Brien &amp; &lt;co&gt;</a>');
  });
});
