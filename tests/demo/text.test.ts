// The line editing of the demo builder: earlier versions of directory lines and contracts.
import { describe, expect, it } from 'vitest';
import { earlierTerm, undecided, withRenewal } from '../../src/demo/contract-text.ts';
import { dropComment, dropField, onOrAfter, parseList, setField, weekday } from '../../src/demo/text.ts';

describe('demo line edits', () => {
  it('drops and sets fields of a one-line record, keeping the spacing', () => {
    const line = '  - { id: bo.leaver, name: Bo Leaver, status: leaver, start: 2019-01-07, end: 2026-10-31 }  # left for a start-up';
    expect(dropComment(setField(dropField(line, 'end'), 'status', 'active'))).toBe('  - { id: bo.leaver, name: Bo Leaver, status: active, start: 2019-01-07 }');
    expect(dropField('  - { person: a, tier: full, since: 2024-01-01, note: "on leave, back in May" }', 'note')).toBe('  - { person: a, tier: full, since: 2024-01-01 }');
  });

  it('reads list files as a header and one record per line, keyed by holder', () => {
    const list = parseList('# c\nlicense: x\nseats:\n  - { person: a, tier: t, since: 2024-01-01 }\n  - { person: a, tier: u, since: 2024-01-01 }\n  - { device: d1, tier: t, since: 2024-01-01 }\n');
    expect(list.header).toEqual(['# c', 'license: x', 'seats:']);
    expect(list.lines.map((l) => l.key)).toEqual(['a', 'a#2', 'd1']);
  });

  it('moves a contract back by whole terms and resets its renewal decision', () => {
    const text = 'id: x-2026\ntitle: X 2026-27\nstart: 2026-03-01\nend: 2027-02-28\nsigned: 2026-02-10\npo_number: PO-2026-00153\nrenewal:\n  decision: renew\n  notes: >\n    long\nprevious: x-2025\n';
    expect(earlierTerm(text, 12)).toBe('id: x-2026\ntitle: X 2025-26\nstart: 2025-03-01\nend: 2026-02-28\nsigned: 2025-02-10\npo_number: PO-2025-00153\nrenewal:\n  decision: renew\n  notes: >\n    long\nprevious: x-2025\n');
    expect(undecided(text)).toBe('id: x-2026\ntitle: X 2026-27\nstart: 2026-03-01\nend: 2027-02-28\nsigned: 2026-02-10\npo_number: PO-2026-00153\nrenewal: { decision: undecided }\nprevious: x-2025\n');
    expect(withRenewal('id: y\nstart: 2026-01-01\n', '{ decision: renew }')).toBe('id: y\nstart: 2026-01-01\nrenewal: { decision: renew }\n');
  });

  it('knows its weekdays', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(onOrAfter('2026-11-21', 1)).toBe('2026-11-23');
    expect(onOrAfter('2026-11-23', 5)).toBe('2026-11-27');
  });
});
