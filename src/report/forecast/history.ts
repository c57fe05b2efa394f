// What the forecast reads from git: which commit stood at the end of a day, and people.yaml then.
import { monthEndBefore, type PeopleAt } from '../../analysis/forecast/index.ts';
import { gitText } from '../../git/run.ts';
import { inventoryParser, type BlobParser } from '../../history/blobs.ts';
import { pathVersions } from '../../history/git.ts';
import { dayIn, endOfDayMs } from '../../history/time.ts';
import { gitSource } from '../../inventory/git-source.ts';
import type { Person } from '../../inventory/schema/index.ts';
import type { IsoDate } from '../../util/dates.ts';

/** The commits of a ref's first-parent line, read once: the commit in force at the end of any day. */
export interface Timeline {
  /** The day (org time zone) of the first commit. */
  first: IsoDate;
  /** The last commit at or before the end of `day`; undefined before the first commit. */
  at(day: IsoDate): string | undefined;
}

/** The timeline of `ref`; undefined outside a git repository or before the first commit. */
export async function timeline(root: string, ref: string, timeZone: string): Promise<Timeline | undefined> {
  let text: string;
  try {
    text = await gitText(root, ['log', '--first-parent', '--no-show-signature', '--no-color', '--format=%H %ct', ref]);
  } catch {
    return undefined;
  }
  const commits = text.split('\n').filter(Boolean).map((l) => { const [sha, ct] = l.split(' '); return { sha: sha!, ms: Number(ct) * 1000 }; });
  if (commits.length === 0) return undefined;
  return {
    first: dayIn(new Date(Math.min(...commits.map((c) => c.ms))), timeZone),
    at: (day) => commits.find((c) => c.ms < endOfDayMs(day, timeZone))?.sha,
  };
}

/**
 * people.yaml's people at a commit (none when the file is missing or does not read), and the file's data; `parse` is
 * shared so its validators are built once; `previous`: the data of another version, whose unchanged lines' records
 * are reused (at 100,000 people a month's people.yaml is then a scan of its bytes, not a second copy of every person).
 */
export async function peopleAt(root: string, commit: string, parse: BlobParser = inventoryParser(), previous?: object): Promise<{ people: Person[]; data?: object }> {
  try {
    const bytes = await gitSource(root, commit).read('inventory/people.yaml');
    const data = parse('inventory/people.yaml', bytes, previous) as { people?: Person[] } | null;
    return data ? { people: data.people ?? [], data } : { people: [] };
  } catch {
    return { people: [] };
  }
}

/**
 * people.yaml at each of the last 12 month ends the history reaches. Read from the latest back, each version parsed
 * with the one after it (`head`: the data of the version the inventory was read from), so a month's file reuses the
 * records of the people it did not change.
 */
export async function peopleHistory(root: string, line: Timeline, today: IsoDate, head: object | undefined, parse: BlobParser = inventoryParser()): Promise<PeopleAt[]> {
  const days: { date: IsoDate; commit: string }[] = [];
  for (let back = 1; back <= 12; back++) {
    const date = monthEndBefore(today, back);
    const commit = date >= line.first ? line.at(date) : undefined;
    if (commit) days.push({ date, commit });
  }
  // The file's version at each commit, in one git process: the months that did not change people.yaml (most, in an
  // organization that commits seat changes weekly) read and parse it once, not once a month.
  const blobs = await pathVersions(root, days.map((d) => d.commit), 'inventory/people.yaml').catch(() => days.map(() => ''));
  const out: PeopleAt[] = [];
  // Only each version's people are kept. A version's data holds its file's bytes and line index, for the next
  // version to reuse records from: at 100,000 people, twelve of them held at once were 240 MB, the peak of the
  // site build's forecast.
  const read = new Map<string, PeopleAt['people']>();
  let previous = head;
  for (const [i, { date, commit }] of days.entries()) {
    const key = blobs[i] || commit;
    let people = read.get(key);
    if (!people) {
      const at = await peopleAt(root, commit, parse, previous);
      previous = at.data ?? previous;
      read.set(key, (people = at.people));
    }
    out.push({ date, people });
  }
  return out.reverse();
}
