// The offboarding verdict of one leaver from hand-made history events (the shapes src/history emits).
import { describe, expect, it } from 'vitest';
import { offboarding } from '../../src/analysis/offboarding/index.ts';
import type { HistoryEvent } from '../../src/history/history.ts';
import { loadInventory } from '../../src/inventory/load.ts';
import { memorySource } from '../../src/inventory/memory-source.ts';
import { files, ORG, PEOPLE } from '../support/inventory.ts';

const removed = (license: string, date: string, pr: number | null): HistoryEvent => ({
  type: 'seat.removed', license, person: 'bob', details: { tier: 'viewer' }, file: `inventory/assignments/${license}.yaml`,
  commit: `${license.padEnd(40, '0')}`.slice(0, 40), date, author: 'Ada Lovelace', email: 'ada@test.example', pr, signed: false,
});
const joined: HistoryEvent = { ...removed('figma', '2025-01-02T09:00:00Z', null), type: 'person.joined', license: undefined, details: {} };

async function bob(events: HistoryEvent[], seats: string, today: string) {
  const people = PEOPLE.replace('status: active, start: 2021-06-01', 'status: leaver, start: 2021-06-01, end: 2026-03-02');
  const org = `${ORG}policies:\n  offboarding: { removal_days: 5 }\n`;
  const { inventory } = await loadInventory(memorySource(files({ 'inventory/org.yaml': org, 'inventory/people.yaml': people, 'inventory/assignments/figma.yaml': seats })));
  return offboarding(inventory, [joined, ...events], today, 'Europe/Berlin').leavers.find((l) => l.person === 'bob')!;
}

const ADA_ONLY = 'license: figma\nseats:\n  - { person: ada, tier: full, since: 2026-01-05 }\n';
const BOB_HOLDS = `${ADA_ONLY}  - { person: bob, tier: viewer, since: 2026-01-05 }\n`;

describe('a leaver\'s verdict', () => {
  it('is overdue while a seat is held past the deadline, whatever else went late', async () => {
    const l = await bob([removed('slack', '2026-03-12T10:00:00Z', 7)], BOB_HOLDS, '2026-03-12');
    expect([l.verdict, l.seats.map((s) => `${s.license} ${s.days.value} ${s.status}`)]).toEqual(['overdue', ['slack 10 removed-late', 'figma 10 held-overdue']]);
  });

  it('counts a removal more than 30 days before the last day as no part of offboarding', async () => {
    const l = await bob([removed('slack', '2026-01-20T10:00:00Z', null), removed('figma', '2026-02-28T10:00:00Z', 3)], ADA_ONLY, '2026-03-20');
    expect([l.verdict, l.worstDays?.value, l.seats.map((s) => `${s.license} ${s.days.value}`)]).toEqual(['on-time', -2, ['figma -2']]);
  });

  it('is pending while the open seat is within its deadline (the due day included), overdue the day after', async () => {
    expect((await bob([], BOB_HOLDS, '2026-03-07')).verdict).toBe('pending');
    expect((await bob([], BOB_HOLDS, '2026-03-08')).verdict).toBe('overdue');
  });

  it('a removal dated after --today is not yet evidence', async () => {
    const l = await bob([removed('figma', '2026-03-05T10:00:00Z', 3), removed('slack', '2026-03-20T10:00:00Z', 4)], ADA_ONLY, '2026-03-10');
    expect([l.verdict, l.allRemovedOn, l.seats.map((s) => s.license)]).toEqual(['on-time', '2026-03-05', ['figma']]);
  });
});
