import Handlebars from 'handlebars';
import { Markdown, mdText } from './markdown.ts';

// A private instance: no helpers or partials leak in from elsewhere.
const hbs = Handlebars.create();

/** Every string in the view escaped as markdown text; `Markdown` values (lac's own markup) kept. */
function escapeView(value: unknown): unknown {
  if (value instanceof Markdown) return value.text;
  if (typeof value === 'string') return mdText(value);
  if (Array.isArray(value)) return value.map(escapeView);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeView(v)]));
  return value;
}

/**
 * Compiles a markdown template. Handlebars' own escaping is for HTML (it shows "&amp;" in code
 * spans), so it is off; instead every string of the view goes through `mdText` unless lac
 * marked it as markdown with `md(...)`, and no template can insert data raw.
 */
export function compileMarkdown(source: string, options: { strict?: boolean } = {}): (view: object) => string {
  const template = hbs.compile(source, { noEscape: true, strict: options.strict ?? true });
  return (view) => template(escapeView(view));
}
