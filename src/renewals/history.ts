import { inventoryParser } from '../history/blobs.ts';
import { parseRawLog } from '../history/commits.ts';
import { git, readObjects } from '../history/git.ts';
import { dayIn } from '../history/time.ts';
import type { Usage } from '../inventory/schema/index.ts';
import { addDays, type IsoDate } from '../util/dates.ts';
import type { Snapshot } from './usage.ts';

const USAGE_FILE = /^inventory\/usage\/([^/]+)\.yaml$/;

/**
 * Every version of the usage snapshots of `licenses` committed to HEAD's first-parent line since
 * `from` (the git history is the usage time series). Empty when `root` is not a git repository.
 */
export async function usageHistory(root: string, from: IsoDate, timeZone: string, licenses: ReadonlySet<string>): Promise<Map<string, Snapshot[]>> {
  const out = new Map<string, Snapshot[]>();
  if (licenses.size === 0) return out;
  const paths = [...licenses].sort().map((l) => `inventory/usage/${l}.yaml`);
  let log: string;
  try {
    // Commit dates only bound the walk; each version is placed by its own `taken` instant.
    // A snapshot committed a day or two after it was taken still counts, hence the margin.
    log = (await git(root, ['log', '--first-parent', '--raw', '-z', '--no-renames', '--no-abbrev', '--format=%x01%H %ct', `--since=${addDays(from, -7)}T00:00:00Z`, 'HEAD', '--', ...paths])).toString('utf8');
  } catch {
    return out; // not a repository, or no commits yet: the working tree is all there is
  }
  const wanted = new Map<string, string>();
  for (const commit of parseRawLog(log)) {
    for (const change of commit.changes) {
      const license = USAGE_FILE.exec(change.path)?.[1];
      if (license && change.after) wanted.set(change.after, license);
    }
  }
  const objects = await readObjects(root, [...wanted.keys()]);
  const parse = inventoryParser();
  for (const [oid, license] of wanted) {
    const blob = objects.get(oid);
    if (!blob) continue;
    const data = parse(`inventory/usage/${license}.yaml`, blob.data) as Usage | null;
    if (!data || data.license !== license) continue;
    const day = dayIn(new Date(data.taken), timeZone);
    if (day < from) continue;
    out.set(license, [...(out.get(license) ?? []), { day, usage: data }]);
  }
  return out;
}
