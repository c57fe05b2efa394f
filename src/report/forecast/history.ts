// What the forecast reads from git: which commit stood at the end of a day, and people.yaml then.
import { gitText } from '../../git/run.ts';
import { inventoryParser, type BlobParser } from '../../history/blobs.ts';
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
