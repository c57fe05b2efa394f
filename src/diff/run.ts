import { check } from '../check/run.ts';
import type { Draft } from '../history/events.ts';
import type { Inventory } from '../inventory/model.ts';
import type { TreeSource } from '../inventory/source.ts';
import { createValidators } from '../inventory/validate.ts';
import type { IsoDate } from '../util/dates.ts';
import { compareRecords } from './compare.ts';
import { effects, type Effects } from './effects.ts';
import { treeRecords } from './records.ts';

export interface DiffResult {
  base: string;
  head: string;
  today: IsoDate;
  events: Draft[];
  effects: Effects;
  before: Inventory;
  after: Inventory;
}

/** The change in meaning between two trees: events, and what they do to seats, money and findings. */
export async function diffTrees(base: TreeSource, head: TreeSource, labels: { base: string; head: string }, today?: IsoDate, changed?: readonly string[]): Promise<DiffResult> {
  const validators = createValidators();
  // Records only of the files that changed, when git has said which: the rest cannot hold events.
  const [recBefore, recAfter] = await Promise.all([treeRecords(base, validators, changed), treeRecords(head, validators, changed)]);
  const events = compareRecords(recBefore, recAfter);
  const after = await check(head, today ? { today } : {});
  const before = await check(base, { today: after.today });
  const touched = new Set(events.map((e) => e.license).filter((l): l is string => Boolean(l)));
  return {
    ...labels,
    today: after.today,
    events,
    effects: effects(before.inventory, after.inventory, before.findings, after.findings, touched, after.today),
    before: before.inventory,
    after: after.inventory,
  };
}
