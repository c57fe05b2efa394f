// Edits of contract text for the demo's history: the same contract one term earlier, or with
// another renewal decision.
import { addDays, addMonths } from '../util/dates.ts';

/** Years in dates, titles and numbers moved back by `years`. */
export const shiftYear = (s: string, years: number) =>
  s.replace(/\b(20\d\d)-(\d\d)\b(?!-)/g, (_, y: string, yy: string) => `${Number(y) - years}-${String((Number(yy) - years + 100) % 100).padStart(2, '0')}`)
    .replace(/\b(20\d\d)\b(?!-\d)/g, (_, y: string) => String(Number(y) - years));

/** The same contract one term earlier: dates, title, order numbers and document paths moved back. */
export function earlierTerm(text: string, months: number): string {
  const years = Math.round(months / 12);
  return text.split('\n').map((line) => {
    const m = /^(start|end|signed): (\d{4}-\d{2}-\d{2})(.*)$/.exec(line);
    if (m) {
      const d = m[1] === 'end' ? addDays(addMonths(addDays(m[2]!, 1), -months), -1) : addMonths(m[2]!, -months);
      return `${m[1]}: ${d}${m[3]}`;
    }
    if (/^po_number: /.test(line)) return line.replace(/20\d\d/, (y) => String(Number(y) - years));
    if (/^(title|order_number): /.test(line) || /^ {2}- \{ title: .*url: /.test(line)) return shiftYear(line, years);
    return line;
  }).join('\n');
}

/** The contract before its renewal decision was recorded. */
export const undecided = (text: string): string => withRenewal(text, '{ decision: undecided }');

/** The contract with another `renewal:` block. */
export function withRenewal(text: string, block: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('renewal:'));
  if (i < 0) {
    if (block.includes('undecided')) return text;
    const at = lines.findIndex((l) => l.startsWith('previous:'));
    lines.splice(at < 0 ? (lines[lines.length - 1] === '' ? lines.length - 1 : lines.length) : at, 0, `renewal: ${block}`);
    return lines.join('\n');
  }
  let j = i + 1;
  while (j < lines.length && /^ +\S/.test(lines[j]!)) j++;
  lines.splice(i, j - i, `renewal: ${block}`);
  return lines.join('\n');
}
