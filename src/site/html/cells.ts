// The site's repeated markup (a table's rows, a record's facts, a list of links, a file's lines) as one HTML string
// each, placed with set:html: one Astro component or template per cell cost more than the page's other work.
import { DAY, STACK_LABELLED } from '../column-style.ts';
import type { Cell, CellValue, Column, Fact } from '../types.ts';
import { attr, escapeText, link } from './escape.ts';

/** A site route under the base path (site/src/href.ts). */
export type Href = (route: string) => string;

/** A cell's text, linked when it has a route; in a table, `shown` stands for the text. */
export function cellHtml(cell: CellValue, href: Href, inTable = false): string {
  if (typeof cell === 'string') return escapeText(cell);
  const text = (inTable ? cell.shown : undefined) ?? cell.text;
  return cell.href ? link(href(cell.href), text) : escapeText(text);
}

/** A table's header row: <tr><th>…</th>…</tr>, numeric columns right-aligned. */
export const headRowHtml = (columns: readonly Column[]): string =>
  `<tr>${columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeText(c.label)}</th>`).join('')}</tr>`;

/**
 * A table's body rows. `days`: the columns (1-based) marked as dates on the table (column-style.ts dayColumns);
 * a date elsewhere gets class "day". Past STACK_LABELLED a cell names its column in data-label.
 */
export function bodyRowsHtml(columns: readonly Column[], rows: readonly (readonly CellValue[])[], days: ReadonlySet<number>, href: Href): string {
  // Per column once, not per cell: its attributes, and whether its cells can need a date class.
  const fixed = columns.map((c, i) => (c.numeric ? ' class="num"' : '') + (i >= STACK_LABELLED ? attr('data-label', c.label) : ''));
  const dated = columns.map((c, i) => !c.numeric && !days.has(i + 1));
  let out = '';
  for (const row of rows) {
    out += '<tr>';
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      const day = (dated[i] ?? true) && DAY.test(typeof cell === 'string' ? cell : cell.text);
      out += `<td${day ? ' class="day"' : ''}${fixed[i] ?? ''}>${cellHtml(cell, href, true)}</td>`;
    }
    out += '</tr>';
  }
  return out;
}

/** A record's facts as <div><dt>label</dt> <dd>value</dd></div>, a list's values joined by ", ". */
// The space between term and value keeps them two words for the search index (Pagefind joins adjacent
// inline text); a key fact weighs there as a heading does, so that its record's page comes first.
export const factsHtml = (items: readonly Fact[], href: Href): string =>
  items
    .map((f) => {
      const value = Array.isArray(f.value) ? f.value.map((v) => cellHtml(v, href)).join(', ') : cellHtml(f.value, href);
      return `<div><dt>${escapeText(f.label)}</dt> <dd${f.key ? ' data-pagefind-weight="5"' : ''}>${value}</dd></div>`;
    })
    .join('');

/** Links as list items. */
export const linkItemsHtml = (links: readonly Cell[], href: Href): string => links.map((l) => `<li>${cellHtml(l, href)}</li>`).join('');

/** A file's lines as list items, each with the ID (#L<n>) that links to it. */
export const lineItemsHtml = (lines: readonly string[], start = 1): string => {
  let out = '';
  for (let i = 0; i < lines.length; i++) out += `<li id="L${i + start}">${escapeText(lines[i]!)}</li>`;
  return out;
};
