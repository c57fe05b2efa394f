import { describe, expect, it } from 'vitest';
import { PEOPLE, files, ruleFindings } from '../support/inventory.ts';

describe('person-status-stale', () => {
  it('points at the status of someone whose end date passed, and notes a leaver with no end date', async () => {
    const people = PEOPLE.replace('status: active, start: 2021-06-01', 'status: on-leave, start: 2021-06-01, end: 2026-03-09').replace(', end: 2026-01-31', '');
    expect(await ruleFindings('person-status-stale', files({ 'inventory/people.yaml': people }))).toEqual([
      'inventory/people.yaml:3:84 warning Bob Byte (bob) left on 2026-03-09 but their status is still on-leave',
      'inventory/people.yaml:4:81 notice Cy Leaver (cy) is a leaver with no end date',
    ]);
  });

  it('is quiet up to and on the last working day', async () => {
    const people = PEOPLE.replace('status: active, start: 2021-06-01', 'status: active, start: 2021-06-01, end: 2026-03-10');
    expect(await ruleFindings('person-status-stale', files({ 'inventory/people.yaml': people }))).toEqual([]);
  });
});
