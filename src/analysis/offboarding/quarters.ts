import { fiscalQuarterOf } from '../period/range.ts';
import { figure, type Figure } from '../report/source.ts';
import type { LeaverEvidence, LeaverVerdict, QuarterTimeliness, Share } from './types.ts';

/** On time out of decided, with one decimal of percent. */
export function share(onTime: number, decided: number): Share {
  return { onTime, decided, percent: decided === 0 ? null : Math.round((onTime * 1000) / decided) / 10 };
}

/** Per fiscal quarter of the end dates: how many leavers had every seat removed within the policy's days. */
export function quarterly(leavers: readonly LeaverEvidence[], fiscalStart: string, policy: number | null): QuarterTimeliness[] {
  const byQuarter = new Map<string, LeaverEvidence[]>();
  for (const l of leavers) byQuarter.set(l.quarter, [...(byQuarter.get(l.quarter) ?? []), l]);
  return [...byQuarter.values()].map((list) => {
    const q = fiscalQuarterOf(list[0]!.end, fiscalStart);
    const count = (...verdicts: LeaverVerdict[]): Figure<number> => {
      const hit = list.filter((l) => verdicts.includes(l.verdict));
      return figure(hit.length, ...hit.map((l) => [...l.from, ...l.seats.flatMap((s) => s.days.from)]));
    };
    const onTime = count('on-time', 'no-seats');
    const late = count('late');
    const overdue = count('overdue');
    const decided = [onTime, late, overdue];
    return {
      quarter: q.label, from: q.from, to: q.to,
      leavers: count('on-time', 'no-seats', 'late', 'overdue', 'pending', 'removed', 'held'),
      onTime: policy === null ? figure(0) : onTime,
      noSeats: count('no-seats'),
      late, overdue,
      pending: count('pending'),
      share: policy === null ? null : figure(share(onTime.value, late.value + overdue.value + onTime.value), ...decided.map((f) => f.from)),
    };
  }).sort((a, b) => (a.from < b.from ? -1 : 1));
}
