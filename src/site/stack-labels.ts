// At phone width (and in print, for wide tables) a table's rows stack, each cell under its column's name.
// The names are set once per table as CSS custom properties that site/src/styles/stack-labels.css reads
// per column, instead of a data-label attribute on every cell (57 MB of a 20,000-person site).

/** Columns named through the table's custom properties; later columns carry a data-label per cell. */
export const STACK_LABELLED = 64;

/** A CSS string of text: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/[\n\r\f]/g, '\\a ')}'`;
}

/** The table's style attribute: `--c1:'License';--c2:'Tier';…` for its first STACK_LABELLED columns. */
export function stackLabelStyle(labels: readonly string[]): string {
  return labels.slice(0, STACK_LABELLED).map((l, i) => `--c${i + 1}:${cssString(l)}`).join(';');
}
