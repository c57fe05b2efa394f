// The site's fiscal years share one tierHolders (who held which seat, charged to which rows): the same figures as each year made alone.
import { describe, expect, it } from 'vitest';
import { historyHoldings } from '../../src/analysis/period/holdings.ts';
import { periodSpends } from '../../src/analysis/period/index.ts';
import { tierHolders } from '../../src/analysis/period/occupancy.ts';
import { fiscalMonths, fiscalYear } from '../../src/analysis/period/range.ts';
import type { HistoryEvent } from '../../src/history/history.ts';
import { dayIn, dayOfInstant } from '../../src/history/time.ts';
import { fiscalYearSpend } from '../../src/site/model/periods.ts';
import { model } from '../report/model.ts';

const ev = (date: string, type: HistoryEvent['type'], rest: Partial<HistoryEvent>): HistoryEvent => ({ commit: 'c', date, author: 'a', email: 'a@x', pr: null, signed: false, file: 'f', type, details: {}, ...rest });

describe('spend of several fiscal years from one tierHolders', () => {
  it('gives every year, month and row the figures of a fresh computation, with people moving and seats removed across the years', async () => {
    const inv = await model({
      'inventory/contracts/slack-2025.yaml': 'id: slack-2025\nvendor: slack\ncurrency: EUR\nstart: 2025-01-01\nend: 2025-12-31\nauto_renew: true\nlines:\n  - { license: slack, tier: standard, quantity: 3, unit_price: "365.00" }\n',
      'inventory/assignments/slack.yaml': 'license: slack\nseats:\n  - { person: ada, tier: standard, since: 2025-01-01 }\n  - { person: bob, tier: standard, since: 2025-03-01 }\n',
    });
    const h = historyHoldings(inv, [
      ev('2025-01-02T10:00:00Z', 'seat.assigned', { license: 'slack', person: 'ada', details: { tier: 'standard', since: '2025-01-01' } }),
      ev('2025-03-01T10:00:00Z', 'seat.assigned', { license: 'slack', person: 'bob', details: { tier: 'standard', since: '2025-03-01' } }),
      ev('2025-03-01T10:00:00Z', 'seat.assigned', { license: 'slack', person: 'dee', details: { tier: 'standard', since: '2025-03-01' } }),
      ev('2025-09-15T23:30:00Z', 'person.changed', { person: 'ada', details: { field: 'department', from: 'eng', to: 'sales' } }),
      ev('2026-02-10T08:00:00Z', 'seat.removed', { license: 'slack', person: 'dee', details: { tier: 'standard' } }),
      ev('2026-05-01T08:00:00Z', 'person.changed', { person: 'bob', details: { field: 'cost_centre', from: undefined, to: 'CC-7' } }),
    ], 'Europe/Berlin');
    const shared = tierHolders(inv, h);
    for (const year of [2025, 2026]) {
      const periods = [fiscalYear(year), ...fiscalMonths(year)];
      const fresh = periodSpends(inv, periods, h);
      expect(periodSpends(inv, periods, h, shared)).toEqual(fresh);
      expect(fiscalYearSpend(inv, year, h, shared)).toEqual(fiscalYearSpend(inv, year, h));
      // Not an empty comparison: the spend is charged to several rows.
      expect(fresh[0]!.departments.length).toBeGreaterThan(2);
    }
  });

  it('reads the day of an instant once per instant, as dayIn does', () => {
    const dayOf = dayOfInstant('Pacific/Auckland');
    for (const t of ['2026-03-31T10:59:59Z', '2026-03-31T11:00:00Z', '2026-04-04T13:59:59Z', '2026-04-04T14:00:00Z', '2026-03-31T10:59:59Z']) expect(dayOf(t)).toBe(dayIn(new Date(t), 'Pacific/Auckland'));
  });
});
