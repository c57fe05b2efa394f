import { mdRow, mdText } from '../util/escape/markdown.ts';

// Figures, and the words that stand in for them: unlimited seats, an unknown amount or count.
const NUMERIC = /^(?:[-\d.,%—]*(?: \+ (?:unlimited|unknown))?|unlimited|unknown)$/;

/** A plain-text table: columns padded, numbers right-aligned. */
export function textTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, indent = '  '): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[c] ?? '')));
  const line = (r: readonly string[]) => indent + r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** A GitHub-flavoured Markdown table. */
export function mdTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[c] ?? '')));
  const out = [mdRow(header.map(mdText)), `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const r of rows) out.push(mdRow(r.map(mdText)));
  return out.join('\n') + '\n';
}
