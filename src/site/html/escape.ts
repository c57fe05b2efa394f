// Text and attribute values escaped exactly as Astro escapes an expression (astro/dist/runtime/server/escape.js
// escapeHTML, render/util.js addAttribute): markup built here and placed with set:html is the markup Astro would write.

const SPECIAL = /[&<>'"]/;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text content: & < > ' " as entities. */
export const escapeText = (s: string): string => (SPECIAL.test(s) ? s.replace(/[&<>'"]/g, (c) => ENTITY[c]!) : s);

/** An ordinary attribute (not class:list, style objects or booleans): none for undefined, bare for "", else name="value" with & and " escaped. */
export function attr(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (value === '') return ` ${name}`;
  const v = value.includes('&') || value.includes('"') ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : value;
  return ` ${name}="${v}"`;
}

/** A link: <a href="…">text</a>. */
export const link = (url: string, text: string): string => `<a${attr('href', url)}>${escapeText(text)}</a>`;
