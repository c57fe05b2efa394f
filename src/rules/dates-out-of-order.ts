import { locate } from '../inventory/model.ts';
import type { Rule } from './rule.ts';

/** Every record with a start and an end: contracts, maintenance terms, people. */
export const datesOutOfOrder: Rule = {
  id: 'dates-out-of-order',
  severity: 'error',
  doc: 'An end date lies before its start date (a contract term, a maintenance term, a person): every date computed from it would be wrong.',
  check({ inv }, emit) {
    const hint = 'swap or correct the two dates';
    for (const { data: c, src } of inv.contracts.values()) {
      if (c.end !== undefined && c.end < c.start) emit({ loc: locate(src, ['end']), message: `contract ${c.id} ends on ${c.end}, before it starts on ${c.start}`, hint });
    }
    for (const { data: l, src } of inv.licenses.values()) {
      const m = l.maintenance;
      if (m && m.end < m.start) emit({ loc: locate(src, ['maintenance', 'end']), message: `maintenance of ${l.id} ends on ${m.end}, before it starts on ${m.start}`, hint });
    }
    for (const { data: p, src } of inv.people.values()) {
      if (p.start !== undefined && p.end !== undefined && p.end < p.start) emit({ loc: locate(src, ['end']), message: `${p.name} (${p.id}) has a last day ${p.end} before the first day ${p.start}`, hint });
    }
  },
};
