import { trace } from './trace.ts';
import type { Draft } from '../history/events.ts';
import type { Inventory } from '../inventory/model.ts';
import type { TreeSource } from '../inventory/source.ts';
import { createValidators, type Validators } from '../inventory/validate.ts';
import type { IsoDate } from '../util/dates.ts';
import { compareRecords } from './compare.ts';
import { effects, type Effects } from './effects.ts';
import { incrementalCheck, prefetch, type Checked } from './incremental.ts';
import { changedSeatHolders } from './holders.ts';
import { pairReader } from './pair.ts';
import { heldBy } from './rule-scope.ts';
import { sourceMentions, type Mentions } from './mentions.ts';
import { treeRecords } from './records.ts';

export interface DiffResult {
  base: string;
  head: string;
  today: IsoDate;
  events: Draft[];
  effects: Effects;
  before: Inventory;
  after: Inventory;
  /** Why the whole trees were checked instead of what the change reaches (undefined when incremental). */
  full?: string;
}

export interface DiffOptions {
  /** Finds the base tree's assignments files that mention people (default: reads them all). */
  mentions?: Mentions;
  /** Check both whole trees (the reference the incremental path is tested against). */
  full?: boolean;
}

/** Both trees checked whole: every finding of each, as `lac check` gives them. */
async function checkBoth(base: TreeSource, head: TreeSource, today: IsoDate | undefined): Promise<{ before: Checked; after: Checked; today: IsoDate }> {
  const { check } = await import('../check/run.ts');
  const after = await check(head, today ? { today } : {});
  const before = await check(base, { today: after.today });
  return { before, after, today: after.today };
}

/** The change in meaning between two trees: events, and what they do to seats, money and findings. */
export async function diffTrees(base: TreeSource, head: TreeSource, labels: { base: string; head: string }, today?: IsoDate, changed?: readonly string[], options: DiffOptions = {}): Promise<DiffResult> {
  const validators: Validators = createValidators();
  const pair = changed && !options.full ? { base, head, changed: new Set(changed) } : undefined;
  // The incremental path parses each changed file once, for the events and for the findings.
  const reader = pair && pairReader(pair, validators);
  // The reads of the large unchanged files in another thread (unchanged-large.ts) end with the diff, whatever happens.
  try {
    trace('diff starts');
    if (pair && reader) await prefetch(pair, reader);
    trace('trees listed, reads asked for');
    // Seats of other holders are the same lines on both sides: they hold no events, and their findings cancel.
    const holders = pair && reader ? await changedSeatHolders(pair, reader) : undefined;
    trace('changed files parsed, holders');
    const keep = holders && heldBy(holders);
    // Records only of the files that changed, when git has said which: the rest cannot hold events.
    const [recBefore, recAfter] = await Promise.all([treeRecords(base, validators, changed, reader && ((p) => reader.read('base', p)), keep), treeRecords(head, validators, changed, reader && ((p) => reader.read('head', p)), keep)]);
    trace('events');
    const events = compareRecords(recBefore, recAfter);
    const touched = new Set(events.map((e) => e.license).filter((l): l is string => Boolean(l)));
    const incremental = pair && reader ? await incrementalCheck(pair, reader, holders!, options.mentions ?? sourceMentions(base), touched, today) : { fallback: changed ? 'asked for' : 'the changed files are not known' };
    trace('findings');
    // The whole trees are checked without the other thread's files: their memory is let go first.
    if ('fallback' in incremental) reader?.close();
    const checked = 'fallback' in incremental ? await checkBoth(base, head, today) : incremental;
    return {
      ...labels,
      today: checked.today,
      events,
      effects: effects(checked.before.inventory, checked.after.inventory, checked.before.findings, checked.after.findings, touched, checked.today, [checked.before.prices, checked.after.prices]),
      before: checked.before.inventory,
      after: checked.after.inventory,
      ...('fallback' in incremental ? { full: incremental.fallback } : {}),
    };
  } finally {
    reader?.close();
  }
}
