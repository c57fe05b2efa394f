import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { alarmTrigger, escapeText, foldLine, writeCalendar } from '../../src/report/ical.ts';
import { cleanup, tempRepo } from '../support/cli.ts';
import { FIGMA_CONTRACT, lac, renewalFiles } from './helpers.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) cleanup(dir);
  dir = undefined;
});

const octets = (s: string) => new TextEncoder().encode(s).length;

/** A title with every character TEXT escaping cares about, and enough multi-byte letters to need folding. */
const TITLE = 'Figma Organization; Design, Research & Prototyping — Zürich/Kraków/東京 team (2026)';

async function ics(today: string, extra: string[] = []): Promise<string> {
  dir ??= tempRepo(renewalFiles({ 'inventory/contracts/figma-2026.yaml': FIGMA_CONTRACT.replace('Figma Organization 2026', JSON.stringify(TITLE)) }));
  const r = await lac(['renewals', '--format', 'ics', '--today', today, '--root', dir, ...extra]);
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('iCalendar writer', () => {
  it('escapes TEXT and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const folded = foldLine(`SUMMARY:${'東'.repeat(60)}`);
    expect(folded.split('\r\n').map(octets)).toEqual([74, 73, 43]);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'東'.repeat(60)}`);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
  });

  it('writes alarm triggers for 09:00 on the day N days before', () => {
    expect(alarmTrigger(90)).toBe('-P89DT15H');
    expect(alarmTrigger(1)).toBe('-PT15H');
    expect(alarmTrigger(0)).toBe('PT9H');
  });

  it('ends every line with CRLF, including the last', () => {
    const text = writeCalendar({ prodId: '-//t//t//EN', events: [] });
    expect(text).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n');
  });
});

describe('lac renewals --format ics', () => {
  it('is read back by ical.js: all-day events per renewal and cancel-by date, alarms at the reminder thresholds', async () => {
    const text = await ics('2026-10-20');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text.split('\r\n').every((line) => octets(line) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Test Co: renewals');
    const events = cal.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        summary: e.summary,
        start: e.startDate.toString(),
        allDay: e.startDate.isDate,
        end: e.endDate.toString(),
        stamp: String(v.getFirstPropertyValue('dtstamp')),
        alarms: v.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds() / 3600),
      };
    });
    expect(events).toEqual([
      { uid: 'cancel-by-figma-2026-2026-12-31@lac', summary: `Cancel-by date: ${TITLE}`, start: '2026-12-01', allDay: true, end: '2026-12-02', stamp: '2026-01-01T00:00:00Z', alarms: [-90 * 24 + 9, -60 * 24 + 9, -30 * 24 + 9, -14 * 24 + 9, -7 * 24 + 9] },
      { uid: 'renewal-figma-2026-2026-12-31@lac', summary: `Renews: ${TITLE}`, start: '2027-01-01', allDay: true, end: '2027-01-02', stamp: '2026-01-01T00:00:00Z', alarms: [] },
      { uid: 'cancel-by-zoom-2026-2027-02-28@lac', summary: 'Cancel-by date: zoom-2026', start: '2027-01-01', allDay: true, end: '2027-01-02', stamp: '2026-03-01T00:00:00Z', alarms: [-90 * 24 + 9, -60 * 24 + 9, -30 * 24 + 9, -14 * 24 + 9, -7 * 24 + 9] },
      { uid: 'renewal-zoom-2026-2027-02-28@lac', summary: 'Ends unless renewed: zoom-2026', start: '2027-03-01', allDay: true, end: '2027-03-02', stamp: '2026-03-01T00:00:00Z', alarms: [] },
    ]);
    const first = new ICAL.Event(cal.getAllSubcomponents('vevent')[0]!);
    expect(first.description.split('\n')).toEqual([
      `${TITLE} (figma-2026), Figma, Inc.`,
      'Term 2026-01-01 to 2026-12-31; renews by itself on 2027-01-01.',
      'Cancel by 2026-12-01; decision due 2026-10-17. Decision: undecided. Owner: Ada Lovelace.',
      'figma/full: 20 now, 5 recommended.',
      'figma/viewer: unlimited now, unlimited recommended.',
      'Annual cost: 9,720.00 EUR as bought, 2,430.00 EUR as recommended.',
      'File: inventory/contracts/figma-2026.yaml',
    ]);
  });

  it('gives the same bytes on another day: UIDs and DTSTAMP come from the data, not the clock', async () => {
    expect(await ics('2026-10-21')).toBe(await ics('2026-10-20'));
  });
});
