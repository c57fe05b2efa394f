import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentHoldings, historyHoldings, type Holdings, type SeatSpan } from '../../src/analysis/period/holdings.ts';
import { periodSpend, type PeriodSpend } from '../../src/analysis/period/index.ts';
import { fiscalMonths, fiscalYear, parsePeriod, parseRange } from '../../src/analysis/period/range.ts';
import type { HistoryEvent } from '../../src/history/history.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { fsSource } from '../../src/inventory/source.ts';
import { sum, toDecimal } from '../../src/util/money.ts';
import { model } from '../report/model.ts';

const eur = (v: bigint) => toDecimal(v, 'EUR');
const period = (text: string, start = '01-01') => {
  const p = parsePeriod(text, start);
  if (typeof p === 'string') throw new Error(p);
  return p;
};
const lineOf = (s: PeriodSpend, contract: string) => eur(sum(s.lines.filter((l) => l.contract === contract).map((l) => l.amount)));
const rows = (list: PeriodSpend['departments']) => Object.fromEntries(list.map((r) => [r.key, [r.seatDays, eur(r.amount)]]));
const contract = (id: string, start: string, end: string | null, line: string, extra = '') =>
  `id: ${id}\nvendor: slack\ncurrency: EUR\nstart: ${start}\n${end ? `end: ${end}\n` : ''}${extra}lines:\n  - ${line}\n`;
const slackOnly = (c: Record<string, string>) => ({ 'inventory/contracts/slack-2026.yaml': null, 'inventory/contracts/figma-2026.yaml': null, ...c });
const noSeats: Holdings = { basis: 'assignments', seats: [], people: new Map() };

describe('periods', () => {
  it('reads fiscal years, fiscal quarters, months and ranges', () => {
    expect(period('2025')).toEqual({ label: 'FY2025', from: '2025-01-01', to: '2025-12-31' });
    expect(period('2025', '04-01')).toEqual({ label: 'FY2025', from: '2025-04-01', to: '2026-03-31' });
    expect(period('2026-Q3', '04-01')).toEqual({ label: 'FY2026-Q3', from: '2026-10-01', to: '2026-12-31' });
    expect(period('2024-02')).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(parsePeriod('2026-Q5')).toBe('--period 2026-Q5 is not a fiscal year (2025), a fiscal quarter (2026-Q3) or a month (2026-07)');
    expect(parseRange('2026-03-01', '2026-02-01')).toBe('--to 2026-02-01 is before --from 2026-03-01');
    expect(fiscalMonths(2025, '04-01').map((m) => m.from)).toEqual(['2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01']);
  });
});

describe('spend accrued in a period', () => {
  it('prorates a line that starts mid-period by its days in force', async () => {
    // 365.00 a year from 2026-02-15: 1.00 a day; Q1 holds 14 days of February and 31 of March.
    const inv = await model(slackOnly({ 'inventory/contracts/slack-mid.yaml': contract('slack-mid', '2026-02-15', '2027-02-14', '{ license: slack, tier: standard, quantity: 1, unit_price: "365.00" }') }));
    const s = periodSpend(inv, period('2026-Q1'), noSeats);
    expect(lineOf(s, 'slack-mid')).toBe('45.00');
    expect(lineOf(periodSpend(inv, period('2026-01'), noSeats), 'slack-mid')).toBe('0.00');
  });

  it('spreads a yearly price over 366 days in a leap year, and the months add up to the year', async () => {
    const inv = await model(slackOnly({ 'inventory/contracts/slack-2024.yaml': contract('slack-2024', '2024-01-01', '2024-12-31', '{ license: slack, tier: standard, quantity: 1, unit_price: "1000.00" }') }));
    // February 2024: 1000 × 29 / 366 = 79.2349...; accrued to 1 Feb 84.70 (84.699), to 1 Mar 163.93 (163.934).
    expect(lineOf(periodSpend(inv, period('2024-02'), noSeats), 'slack-2024')).toBe('79.23');
    expect(lineOf(periodSpend(inv, period('2024-01'), noSeats), 'slack-2024')).toBe('84.70');
    const months = fiscalMonths(2024).map((m) => periodSpend(inv, m, noSeats).total);
    expect(eur(sum(months))).toBe('1000.00');
    expect(eur(periodSpend(inv, fiscalYear(2024), noSeats).total)).toBe('1000.00');
  });

  it('spreads a price per term over a multi-year term, leap day included', async () => {
    // 3,000.00 for 2027-01-01..2029-12-31: 1,096 days (2028 has 366).
    const inv = await model(slackOnly({ 'inventory/contracts/slack-3y.yaml': contract('slack-3y', '2027-01-01', '2029-12-31', '{ license: slack, tier: standard, quantity: 1, unit_price: "3000.00", price_period: term }') }));
    const year = (y: number) => lineOf(periodSpend(inv, fiscalYear(y), noSeats), 'slack-3y');
    // to 2028-01-01: 3000 × 365/1096 = 999.0876 → 999.09; to 2029-01-01: 3000 × 731/1096 = 2000.9124 → 2000.91.
    expect([year(2026), year(2027), year(2028), year(2029), year(2030)]).toEqual(['0.00', '999.09', '1001.82', '999.09', '0.00']);
  });

  it('keeps accruing an auto-renewing contract over its renewal terms, and stops when a successor starts', async () => {
    const inv = await model(slackOnly({
      'inventory/contracts/slack-2025.yaml': contract('slack-2025', '2025-01-01', '2025-12-31', '{ license: slack, tier: standard, quantity: 2, unit_price: "10.00", price_period: month }', 'auto_renew: true\n'),
      'inventory/contracts/slack-next.yaml': contract('slack-next', '2026-07-01', '2027-06-30', '{ license: slack, tier: standard, quantity: 2, unit_price: "12.00", price_period: month }', 'previous: slack-2025\n'),
    }));
    const s = periodSpend(inv, fiscalYear(2026), noSeats);
    // 6 months × 2 × 10.00 rolled, then 6 months × 2 × 12.00.
    expect([lineOf(s, 'slack-2025'), lineOf(s, 'slack-next')]).toEqual(['120.00', '144.00']);
  });

  it('charges a seat moved mid-quarter to each department for the days it held it', async () => {
    // 365.00 a year in 2026: 1.00 a seat-day. Q3 is 92 days: ada (eng) to 10 Aug (41 days), bob (sales) from 11 Aug (51 days).
    const inv = await model(slackOnly({ 'inventory/contracts/slack-q.yaml': contract('slack-q', '2026-01-01', '2026-12-31', '{ license: slack, tier: standard, quantity: 1, unit_price: "365.00" }') }));
    const seats: SeatSpan[] = [
      { license: 'slack', tier: 'standard', person: 'ada', from: '2026-01-01', to: '2026-08-10' },
      { license: 'slack', tier: 'standard', person: 'bob', from: '2026-08-11', to: undefined },
    ];
    const s = periodSpend(inv, period('2026-Q3'), { basis: 'history', seats, people: new Map() });
    expect(rows(s.departments)).toEqual({ eng: [41, '41.00'], sales: [51, '51.00'] });
    expect(rows(s.costCentres)).toEqual({ 'CC-100': [41, '41.00'], 'CC-200': [51, '51.00'] });
  });

  it('follows a department move read from history, and charges the seats nobody held to "unassigned"', async () => {
    // 2 seats at 365.00 a year; ada holds one all quarter and moves from eng to sales on 11 Aug; the other seat is spare.
    const inv = await model(slackOnly({
      'inventory/contracts/slack-q.yaml': contract('slack-q', '2026-01-01', '2026-12-31', '{ license: slack, tier: standard, quantity: 2, unit_price: "365.00" }'),
      'inventory/assignments/slack.yaml': 'license: slack\nseats:\n  - { person: ada, tier: standard, since: 2026-01-01 }\n',
    }));
    const ev = (date: string, type: HistoryEvent['type'], rest: Partial<HistoryEvent>): HistoryEvent => ({ commit: 'c', date, author: 'a', email: 'a@x', pr: null, signed: false, file: 'f', type, details: {}, ...rest });
    const h = historyHoldings(inv, [
      ev('2026-01-02T10:00:00Z', 'seat.assigned', { license: 'slack', person: 'ada', details: { tier: 'standard', since: '2026-01-01' } }),
      ev('2026-08-11T08:00:00Z', 'person.changed', { person: 'ada', details: { field: 'department', from: 'eng', to: 'sales' } }),
    ], 'Europe/Berlin');
    const s = periodSpend(inv, period('2026-Q3'), h);
    expect(h.seats.filter((x) => x.license === 'slack')).toEqual([{ license: 'slack', tier: 'standard', person: 'ada', from: '2026-01-01', to: undefined }]);
    // History cut short (no event for a seat held today): the seat counts from its since.
    const key = (x: SeatSpan) => `${x.license}/${x.person ?? x.device}`;
    expect(historyHoldings(inv, [], 'UTC').seats.map(key).sort()).toEqual(h.seats.map(key).sort());
    expect(eur(s.total)).toBe('184.00');
    expect(rows(s.departments)).toEqual({ '(unassigned)': [92, '92.00'], eng: [41, '41.00'], sales: [51, '51.00'] });
  });

  it('on the example inventory: each month, line and license of a year adds up to the year, and every period\'s rows add up to its total', async () => {
    const { inventory: inv } = await loadInventory(fsSource(join(import.meta.dirname, '..', '..')));
    const h = currentHoldings(inv);
    const start = inv.org?.data.fiscal_year_start;
    const year = periodSpend(inv, fiscalYear(2026, start), h);
    const months = fiscalMonths(2026, start).map((m) => periodSpend(inv, m, h));
    expect(sum(months.map((m) => m.total))).toBe(year.total);
    expect(year.total).toBeGreaterThan(0n);
    const byLine = (s: PeriodSpend) => new Map(s.lines.map((l) => [`${l.contract}/${l.line}`, l.amount]));
    for (const [key, amount] of byLine(year)) expect(sum(months.map((m) => byLine(m).get(key) ?? 0n)), key).toBe(amount);
    // Every department and cost centre too: rows are sums of the same month grains.
    for (const list of ['departments', 'costCentres'] as const) {
      for (const r of year[list]) expect(sum(months.map((m) => m[list].find((x) => x.key === r.key)?.amount ?? 0n)), `${list} ${r.key}`).toBe(r.amount);
    }
    for (const s of [year, ...months]) {
      for (const list of [s.departments, s.costCentres]) {
        expect(sum(list.map((r) => r.amount))).toBe(s.total);
        for (const r of list) expect(sum(Object.values(r.licenses))).toBe(r.amount);
        for (const r of list) expect(sum(Object.values(r.across))).toBe(r.amount);
      }
      expect(sum(s.licenses.map((l) => l.amount))).toBe(s.total);
      expect(sum(s.vendors.map((l) => l.amount))).toBe(s.total);
    }
  });
});
