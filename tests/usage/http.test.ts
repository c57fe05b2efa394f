import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRows, parseLinkHeader, requestedWaitMs } from '../../src/usage/http/index.ts';
import { dayOf, latestDay } from '../../src/usage/shared/dates.ts';

describe('parseLinkHeader', () => {
  it('reads Okta’s self and next links, with commas inside URLs', () => {
    const links = parseLinkHeader(
      '<https://x.okta.com/api/v1/users?limit=2>; rel="self", <https://x.okta.com/api/v1/users?after=00u,2&limit=2>; rel="next"',
    );
    expect(links.get('self')).toBe('https://x.okta.com/api/v1/users?limit=2');
    expect(links.get('next')).toBe('https://x.okta.com/api/v1/users?after=00u,2&limit=2');
    expect(parseLinkHeader(null).size).toBe(0);
    expect(parseLinkHeader('<https://a/b>; rel=next').get('next')).toBe('https://a/b');
  });
});

describe('parseCsv', () => {
  it('strips a BOM, handles CRLF, quoted commas, doubled quotes and embedded line breaks', () => {
    const table = parseCsv('\uFEFF"A",B\r\n"x, y","say ""hi"""\r\n"multi\r\nline",2\r\n');
    expect(table.header).toEqual(['A', 'B']);
    expect(table.rows).toEqual([
      { cells: ['x, y', 'say "hi"'], line: 2 },
      { cells: ['multi\r\nline', '2'], line: 3 },
    ]);
  });

  it('keeps empty cells and a last row without a newline, and skips blank lines', () => {
    expect(parseCsvRows('a,,c\n\n,,\nlast,row')).toEqual([
      { cells: ['a', '', 'c'], line: 1 },
      { cells: ['', '', ''], line: 3 },
      { cells: ['last', 'row'], line: 4 },
    ]);
  });
});

describe('requestedWaitMs', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');
  it('reads Retry-After in seconds, as an HTTP date and as an ISO instant', () => {
    expect(requestedWaitMs(new Headers({ 'retry-after': '5' }), now)).toBe(5_000);
    expect(requestedWaitMs(new Headers({ 'retry-after': 'Fri, 20 Nov 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(requestedWaitMs(new Headers({ 'retry-after': '2026-11-20T10:01:00Z' }), now)).toBe(60_000);
  });
  it('reads Okta’s X-Rate-Limit-Reset against the response Date header', () => {
    const headers = new Headers({ 'x-rate-limit-reset': String(Date.parse('2026-11-20T12:00:10Z') / 1000), date: 'Fri, 20 Nov 2026 12:00:00 GMT' });
    expect(requestedWaitMs(headers, now)).toBe(10_000);
    expect(requestedWaitMs(new Headers(), now)).toBeUndefined();
  });
});

describe('dayOf', () => {
  it('turns instants into UTC days and sentinels into never', () => {
    expect(dayOf('2026-11-18T23:30:00.000-08:00')).toBe('2026-11-19');
    expect(dayOf('1970-01-01T00:00:00.000Z')).toBeNull();
    expect(dayOf('0001-01-01T00:00:00Z')).toBeNull();
    expect(dayOf('')).toBeUndefined();
    expect(dayOf('not a date')).toBeUndefined();
    expect(latestDay(null, '2026-01-02', undefined, '2025-12-31')).toBe('2026-01-02');
    expect(latestDay(null, undefined)).toBeNull();
    expect(latestDay(undefined)).toBeUndefined();
  });

  it('converts an instant to the org time-zone date once, whatever offset the vendor wrote (issue 11)', () => {
    // 20:00 at UTC-6 is 02:00 UTC on the 15th: the date is not cut from the text.
    expect(dayOf('2026-11-14T20:00:00-06:00')).toBe('2026-11-15');
    expect(dayOf('2026-11-14T20:00:00-06:00', 'Europe/Berlin')).toBe('2026-11-15');
    expect(dayOf('2026-11-14T20:00:00-06:00', 'America/Chicago')).toBe('2026-11-14');
    expect(dayOf('2026-11-14T23:30:00Z', 'Asia/Tokyo')).toBe('2026-11-15');
    // Without an offset the text is UTC (not the machine's zone); a bare date is taken as written.
    expect(dayOf('2026-11-14T23:30:00', 'Europe/Berlin')).toBe('2026-11-15');
    expect(dayOf('2026-11-14', 'Pacific/Kiritimati')).toBe('2026-11-14');
    expect(dayOf(Date.parse('2026-11-14T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-15');
  });
});
