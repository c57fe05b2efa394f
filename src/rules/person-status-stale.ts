import { locate } from '../inventory/model.ts';
import { who } from './describe.ts';
import type { Rule } from './rule.ts';

export const personStatusStale: Rule = {
  id: 'person-status-stale',
  severity: 'warning',
  doc: 'A person\'s end date has passed but their status is not leaver (a notice: a leaver without an end date); seat and owner checks go by these.',
  check({ inv, today }, emit) {
    for (const { data: p, src } of inv.people.values()) {
      if (p.status !== 'leaver' && p.end !== undefined && p.end < today) {
        emit({ loc: locate(src, ['status']), message: `${who(p)} left on ${p.end} but their status is still ${p.status}`, hint: 'set `status: leaver`, or correct `end` if they are staying' });
      } else if (p.status === 'leaver' && p.end === undefined) {
        emit({ loc: locate(src, ['status']), severity: 'notice', message: `${who(p)} is a leaver with no end date`, hint: 'add `end:` with their last working day' });
      }
    }
  },
};
