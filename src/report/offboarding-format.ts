// The "Offboarding" section of `lac report`: quarterly timeliness and each leaver's seats.
import type { Offboarding } from '../analysis/offboarding/index.ts';
import { SEAT_STATUS_TEXT, shareText, VERDICT_TEXT } from '../analysis/offboarding/words.ts';
import { mdText } from '../util/escape/markdown.ts';
import { mdTable, textTable } from './table.ts';

const QUARTER_HEADER = ['quarter', 'leavers', 'on time', 'no seats', 'late', 'overdue', 'pending', 'share on time'];
const SEAT_HEADER = ['person', 'last day', 'license', 'tier', 'removed on', 'commit', 'PR', 'days', 'status'];

/** Whether the section has anything to say. */
export const offboardingShown = (o: Offboarding | undefined, note: string | undefined): boolean => note !== undefined || (o !== undefined && (o.leavers.length > 0 || o.leaving.length > 0 || o.beforeHistory.length > 0));

function intro(o: Offboarding): string {
  return o.removalDays === null
    ? 'No removal deadline (set policies.offboarding.removal_days in org.yaml): days are listed without verdicts.'
    : `Seats go within ${o.removalDays.value} days of the last day (policies.offboarding.removal_days).`;
}

function tables(o: Offboarding) {
  const quarters = o.quarters.map((q) => [q.quarter, String(q.leavers.value), o.removalDays ? String(q.onTime.value) : '—', String(q.noSeats.value), String(q.late.value), String(q.overdue.value), String(q.pending.value), shareText(q.share?.value)]);
  const seats = o.leavers.flatMap((l) => (l.seats.length === 0
    ? [[l.person, l.end, '—', '', '', '', '', '', VERDICT_TEXT[l.verdict]]]
    : l.seats.map((s) => {
      const r = s.removal?.value;
      return [l.person, l.end, s.license, s.tier, r?.on ?? 'still held', r ? r.commit.slice(0, 8) : '', r?.pr ? `#${r.pr}` : '', String(s.days.value), SEAT_STATUS_TEXT[s.status]];
    })));
  const list = (ls: Offboarding['leaving']) => ls.map((l) => `${l.person} (${l.end})`).join(', ');
  return { quarters, seats, leaving: list(o.leaving), before: list(o.beforeHistory) };
}

export function offboardingText(o: Offboarding | undefined, note: string | undefined): string {
  if (!offboardingShown(o, note)) return '';
  if (!o) return `\nOffboarding: ${note}\n`;
  const t = tables(o);
  return [
    `\nOffboarding, by fiscal quarter of the last day. ${intro(o)}\n`,
    textTable(QUARTER_HEADER, t.quarters),
    `\nLeavers' seats\n`,
    textTable(SEAT_HEADER, t.seats),
    t.leaving ? `Leaving on a day ahead (not counted yet): ${t.leaving}\n` : '',
    t.before ? `Left before the history begins (not counted): ${t.before}\n` : '',
  ].join('');
}

export function offboardingMarkdown(o: Offboarding | undefined, note: string | undefined): string {
  if (!offboardingShown(o, note)) return '';
  if (!o) return `\n## Offboarding\n\n${mdText(note!)}\n`;
  const t = tables(o);
  return [
    `\n## Offboarding\n\nBy fiscal quarter of the last day. ${mdText(intro(o))}\n\n`,
    mdTable(QUARTER_HEADER, t.quarters),
    `\n### Leavers' seats\n\n`,
    mdTable(SEAT_HEADER, t.seats),
    t.leaving ? `\nLeaving on a day ahead (not counted yet): ${mdText(t.leaving)}\n` : '',
    t.before ? `\nLeft before the history begins (not counted): ${mdText(t.before)}\n` : '',
  ].join('');
}

/** CSV columns after the report's own: filled on the offboarding rows only. */
export const OFFBOARDING_CSV_COLUMNS = ['last_day', 'removed_on', 'commit', 'pr', 'days', 'status', 'leavers', 'on_time', 'no_seats', 'late', 'overdue', 'pending', 'share_percent'];

/** Offboarding rows: the report's first five columns (section, license, tier, group, name), then OFFBOARDING_CSV_COLUMNS. */
export function offboardingCsv(o: Offboarding | undefined, width: number): Array<Array<string | number | null>> {
  if (!o) return [];
  const pad = (head: Array<string | number | null>, tail: Array<string | number | null>) => [...head, ...new Array<string>(width - head.length).fill(''), ...tail];
  const rows = o.quarters.map((q) => pad(['offboarding-quarter', '', '', q.quarter, `${q.from}..${q.to}`], ['', '', '', '', '', '', q.leavers.value, o.removalDays ? q.onTime.value : '', q.noSeats.value, q.late.value, q.overdue.value, q.pending.value, q.share?.value.percent ?? '']));
  for (const l of o.leavers) {
    if (l.seats.length === 0) rows.push(pad(['offboarding-seat', '', '', l.person, l.name], [l.end, '', '', '', '', l.verdict, '', '', '', '', '', '', '']));
    for (const s of l.seats) {
      const r = s.removal?.value;
      rows.push(pad(['offboarding-seat', s.license, s.tier, l.person, l.name], [l.end, r?.on ?? '', r?.commit ?? '', r?.pr ?? '', s.days.value, s.status, '', '', '', '', '', '', '']));
    }
  }
  return rows;
}
