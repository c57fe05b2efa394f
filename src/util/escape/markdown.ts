// The one escaping module for GitHub markdown (PR and issue titles and bodies, comments, job
// summaries). Data goes in through `mdText` or `mdCode`; lac's own markup is built around them.
// The only mentions are made by `mention`, and no data becomes a link, image or HTML element.

/** Markdown that lac built (or escaped): templates insert it as it is. */
export class Markdown {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** Wraps markdown that lac itself wrote (no data inside, or data already escaped here). */
export const md = (text: string): Markdown => new Markdown(text);

// C0 and C1 controls, DEL, bidirectional overrides and isolates, line and paragraph separators.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\t\r\n\u2028\u2029]+/g;
// Zero-width space: GitHub neither links nor notifies "@\u200bteam", and it shows as "@team".
const ZWSP = '\u200b';

/** One line: tabs and line breaks become spaces, other control characters are dropped. */
const oneLine = (s: string) => s.replace(BREAKS, ' ').replace(CONTROLS, '');

/** Breaks what GitHub turns into mentions and links by itself: @login, @org/team, e-mail, http://, www. */
const unlinked = (s: string) =>
  s
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`)
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, `$1:${ZWSP}`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);

/**
 * Data as inline markdown text, safe in a paragraph, heading, list item, quote or table cell:
 * no HTML, no markup, no mention, no link; `|` and line breaks cannot end a table row.
 */
export function mdText(value: string | number): string {
  const s = unlinked(oneLine(String(value)))
    .replace(/[\\`*_[\]~#!$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;');
  // A list marker, heading or setext underline is markup only at the start of a block.
  return s.replace(/^([-+=])(?=[\s=+-]|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Data in a code span (IDs, paths, revisions): shown as written, whatever its backticks; never a link or mention. */
export function mdCode(value: string): string {
  const s = oneLine(value);
  // A pipe ends a table cell even inside a code span, and `\|` shows outside tables: use text then.
  if (s.includes('|')) return mdText(s);
  if (s === '') return '';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A table row of cells that are already markdown (from `mdText`, `mdCode` and lac's markup). */
export const mdRow = (cells: ReadonlyArray<string | Markdown>): string => `| ${cells.map((c) => String(c).replace(BREAKS, ' ')).join(' | ')} |`;

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@?([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/;

/**
 * A mention lac means to make (a seat holder, a license or contract owner, a team): only a
 * well-formed GitHub login or `@org/team`; anything else is shown as escaped text.
 */
export function mention(login: string): string {
  if (LOGIN.test(login)) return `@${login}`;
  const team = TEAM.exec(login);
  return team ? `@${team[1]}/${team[2]}` : mdText(login);
}

/**
 * A pull request or issue title: one line, no mention. GitHub shows titles as text with code
 * spans only, so nothing else needs escaping.
 */
export const mdTitle = (value: string): string => oneLine(value).replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`).trim();
