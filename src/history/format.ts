import { leftBy } from '../analysis/leaver.ts';
import type { HistoryEvent } from './history.ts';
import { approvalLine, approvalWords, approversWords, mergerWords, reviewersWords, signatureWords } from './approval-text.ts';
import { formatMarkdown } from './format-md.ts';
import { HISTORY_FORMATS, type HistoryFormat } from './formats.ts';
export { HISTORY_FORMATS, type HistoryFormat };

/** A value in an event's details, for people: "(none)" for absent, JSON for lists and mappings. */
export const show = (v: unknown): string => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
/** A field change as `field: from → to`. */
export const change = (d: Record<string, unknown>) => `${String(d.field)}: ${show(d.from)} → ${show(d.to)}`;

/** One line saying what happened, for text and CSV. */
export function summary(e: HistoryEvent): string {
  const d = e.details;
  const holder = e.person ?? e.device ?? '?';
  switch (e.type) {
    case 'seat.assigned': return `${holder} got a ${e.license} seat: ${show(d.tier)} since ${show(d.since)}`;
    case 'seat.removed': return `${holder} gave up a ${e.license} seat: ${show(d.tier)}`;
    case 'seat.tier-changed': return `${holder}'s ${e.license} seat: ${show(d.from)} → ${show(d.to)}`;
    case 'seat.changed': return `${holder}'s ${e.license} seat ${change(d)}`;
    case 'person.joined': return `${e.person} joined: ${show(d.name)}`;
    // A leaving date still ahead when the change landed (its UTC day) is "leaving", not "left" (src/analysis/leaver.ts).
    case 'person.left': return typeof d.end === 'string' && !leftBy(d.end, e.date.slice(0, 10)) ? `${e.person} is leaving (last day ${d.end})` : `${e.person} left${d.end ? ` (last day ${show(d.end)})` : ''}`;
    case 'person.changed': return `${e.person} ${change(d)}`;
    case 'person.removed': return `${e.person} removed from the directory`;
    case 'contract.created': return `contract ${e.contract} created: ${show(d.start)} to ${show(d.end)}`;
    case 'contract.renewed': {
      const [from, to] = [d.from as Record<string, unknown>, d.to as Record<string, unknown>];
      return `contract ${e.contract} renewed: ${show(from.start)}..${show(from.end)} → ${show(to.start)}..${show(to.end)}`;
    }
    case 'contract.changed': return `contract ${e.contract} ${change(d)}`;
    case 'contract.removed': return `contract ${e.contract} removed`;
    case 'license.created': return `license ${e.license} created: ${show(d.name)}`;
    case 'license.changed': return `license ${e.license} ${change(d)}`;
    case 'license.removed': return `license ${e.license} removed`;
    case 'vendor.created': return `vendor ${e.vendor} created: ${show(d.name)}`;
    case 'vendor.changed': return `vendor ${e.vendor} ${change(d)}`;
    case 'vendor.removed': return `vendor ${e.vendor} removed`;
    case 'usage.snapshot': return `usage snapshot of ${e.license}: ${show(d.accounts)} accounts${d.previous === null ? '' : ` (was ${show(d.previous)})`}`;
    case 'usage.removed': return `usage snapshot of ${e.license} removed`;
    case 'org.created': return `org settings created: ${show(d.name)}`;
    case 'org.changed': return `org ${change(d)}`;
    case 'org.removed': return 'org settings removed';
    case 'file.unreadable': return `${e.file} could not be read (YAML or encoding error)`;
  }
}

/** Text: one line per event, newest or oldest first as given; after each commit's events, its review record when looked up. */
export function formatText(events: readonly HistoryEvent[]): string {
  if (events.length === 0) return 'no changes\n';
  return events
    .map((e, i) => {
      const line = `${e.date.slice(0, 10)}  ${e.commit.slice(0, 8)}  ${(e.pr ? `#${e.pr}` : '-').padEnd(6)}${e.signed ? 'signed  ' : '        '}${e.author.padEnd(20)}  ${e.type.padEnd(18)}  ${summary(e)}\n`;
      const last = events[i + 1]?.commit !== e.commit;
      return last && e.approval ? `${line}${' '.repeat(12)}${approvalLine(e.approval, e.committer)}\n` : line;
    })
    .join('');
}

export const CSV_COLUMNS = [
  'date', 'commit', 'pr', 'author', 'email', 'signed', 'type', 'license', 'person', 'device', 'contract', 'vendor', 'summary', 'details', 'file',
  'committer', 'committer_email', 'approval', 'pr_title', 'pr_url', 'reviewers', 'approvers', 'merger', 'signature',
] as const;

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (= + - @, tab, CR)
 * gets a leading apostrophe: names and notes come from the repository, not from us (OWASP CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header row and CRLF line ends. */
export function formatCsv(events: readonly HistoryEvent[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      date: e.date, commit: e.commit, pr: e.pr === null ? '' : String(e.pr), author: e.author, email: e.email, signed: String(e.signed), type: e.type,
      license: e.license ?? '', person: e.person ?? '', device: e.device ?? '', contract: e.contract ?? '', vendor: e.vendor ?? '',
      summary: summary(e), details: JSON.stringify(e.details), file: e.file,
      committer: e.committer ?? '', committer_email: e.committerEmail ?? '', ...approvalCells(e),
    };
    rows.push(CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The approval columns: empty when nothing was looked up at all (not asked), the words otherwise. */
function approvalCells(e: HistoryEvent) {
  const a = e.approval;
  if (!a) return { approval: '', pr_title: '', pr_url: '', reviewers: '', approvers: '', merger: '', signature: '' };
  return {
    approval: approvalWords(a), pr_title: a.prTitle ?? '', pr_url: a.prUrl ?? '', reviewers: reviewersWords(a), approvers: approversWords(a),
    merger: mergerWords(a), signature: signatureWords(a),
  };
}

export function formatHistory(events: readonly HistoryEvent[], format: HistoryFormat): string {
  return [...formatHistoryChunks(events, format)].join('');
}

/**
 * Events per piece of JSON: a piece (about 640 bytes an event) stays under V8's 128 KiB limit for
 * objects of the young generation, whose memory is used again at each collection. Larger pieces are
 * each given fresh pages by the system: 500 events a piece cost 30,000 more page faults and 0.35 s
 * more on a warm 10,000-commit history (`npm run bench -- history`).
 */
export const JSON_CHUNK = 100;

/**
 * The same text in pieces to print one after the other: JSON a hundred events at a time, so
 * a long history is never one string of tens of megabytes (issue 16). Pieces end between events.
 */
export function* formatHistoryChunks(events: readonly HistoryEvent[], format: HistoryFormat): Generator<string> {
  if (format === 'json' && events.length > 0) yield* jsonChunks(events);
  else yield format === 'json' ? '[]\n' : format === 'csv' ? formatCsv(events) : format === 'md' ? formatMarkdown(events) : formatText(events);
}

/** `JSON.stringify(events, null, 2)` and a newline, JSON_CHUNK events a piece. */
function* jsonChunks(events: readonly HistoryEvent[]): Generator<string> {
  for (let i = 0; i < events.length; i += JSON_CHUNK) {
    // A slice printed as an array has its events indented as in the whole array: drop its brackets.
    const part = JSON.stringify(events.slice(i, i + JSON_CHUNK), null, 2);
    yield `${i === 0 ? '[\n' : ',\n'}${part.slice(2, -2)}${i + JSON_CHUNK >= events.length ? '\n]\n' : ''}`;
  }
}
